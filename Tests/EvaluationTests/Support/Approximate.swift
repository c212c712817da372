import Foundation
import Testing

/// Checks that `actual` is within a relative tolerance of `expected`
/// (swift-numerics' `isApproximatelyEqual` idea): |a − e| ≤ max(atol, rtol·|e|).
///
/// Infinite and NaN values must match exactly (both +∞, both NaN, …).
func expectClose(
    _ actual: Double?, _ expected: Double?, rtol: Double = 1e-10, atol: Double = 0,
    _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual, let expected else {
        #expect(
            actual == nil && expected == nil,
            "\(comment()) expected \(String(describing: expected)), got \(String(describing: actual))",
            sourceLocation: sourceLocation)
        return
    }
    if expected.isNaN || actual.isNaN || expected.isInfinite || actual.isInfinite {
        #expect(
            (expected.isNaN && actual.isNaN) || expected == actual,
            "\(comment()) expected \(expected), got \(actual)", sourceLocation: sourceLocation)
        return
    }
    let tolerance = max(atol, rtol * abs(expected))
    #expect(
        abs(actual - expected) <= tolerance,
        "\(comment()) expected \(expected), got \(actual) (rel. error \(abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)))",
        sourceLocation: sourceLocation)
}

/// Element-wise `expectClose` for vectors of equal length.
func expectClose(
    _ actual: [Double], _ expected: [Double], rtol: Double = 1e-10, atol: Double = 0,
    _ comment: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(comment()) length \(actual.count) ≠ \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, rtol: rtol, atol: atol, "\(comment())[\(index)]", sourceLocation: sourceLocation)
    }
}
