import Evaluation
import Foundation
import Testing

@testable import Statistics

/// A numeric CSV written by R's `write.csv(row.names = FALSE)`: a header of
/// quoted names and rows of numbers.
struct NumericTable {
    let columns: [String: [Double]]
    let rowCount: Int

    init(fixture: String, file: String = "data.csv") throws {
        let text = String(decoding: try Fixture.data(fixture, file), as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        var values = [[Double]](repeating: [], count: header.count)
        for line in lines where !line.isEmpty {
            for (k, field) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
                values[k].append(Double(field) ?? .nan)
            }
        }
        columns = Dictionary(uniqueKeysWithValues: zip(header, values))
        rowCount = values.first?.count ?? 0
    }

    subscript(name: String) -> [Double] { columns[name] ?? [] }

    /// Design with an intercept column followed by the named columns, over `rows`.
    func design(_ names: [String], rows: [Int]? = nil) -> Matrix {
        let selected = rows ?? Array(0..<rowCount)
        let intercept = [Double](repeating: 1, count: selected.count)
        return Matrix(columns: [intercept] + names.map { name in selected.map { self[name][$0] } })
    }
}

/// Element-wise comparison of a matrix with R's column-major flat vector.
func expectClose(
    _ actual: Matrix, _ expected: [Double], rtol: Double, _ comment: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(actual.storage, expected, rtol: rtol, comment, sourceLocation: sourceLocation)
}

/// Largest relative difference, for reports of worst error against R.
func worstRelativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    zip(actual, expected).map { abs($0 - $1) / max(abs($1), .leastNormalMagnitude) }.max() ?? 0
}
