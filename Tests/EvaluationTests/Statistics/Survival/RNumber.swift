import Foundation
import Testing

/// A number as R writes it with `jsonlite::write_json(na = "string")`:
/// a JSON number, or one of the strings "NA", "NaN", "Inf", "-Inf".
/// `NA` decodes to `nil`; the others to the IEEE values.
struct RNumber: Decodable, Equatable {
    let value: Double?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        switch try container.decode(String.self) {
        case "NA": value = nil
        case "NaN": value = .nan
        case "Inf": value = .infinity
        case "-Inf": value = -.infinity
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an R number: \(other)")
        }
    }
}

extension Array where Element == RNumber {
    /// The values, `NA` as `nil`.
    var values: [Double?] { map(\.value) }
}

/// Element-wise comparison of optional values: `nil` must meet `nil` (R's NA).
func expectClose(
    _ actual: [Double?], _ expected: [Double?], rtol: Double = 1e-10, _ comment: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(comment) length \(actual.count) ≠ \(expected.count)", sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, rtol: rtol, "\(comment)[\(index)]", sourceLocation: sourceLocation)
    }
}
