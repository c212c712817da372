@testable import Evaluation
@testable import EvaluationDomain
@testable import Indicators
@testable import Ingest
@testable import LinearAlgebra
@testable import Project
@testable import Report
@testable import Statistics
@testable import Store
@testable import Synthesis

/// Every record of a source with its values, and the problems found: what a test compares.
struct RecordDump {
    struct Record: Equatable, CustomStringConvertible {
        var line: Int
        var values: [String]
        var description: String { "\(line): \(values)" }
    }

    var records: [Record] = []
    var problems: ProblemList

    /// Reads the whole of `source`.
    init(_ source: CSVSource, limit: Int = 50) throws {
        problems = ProblemList(limit: limit)
        var records: [Record] = []
        try source.forEachRecord(problems: &problems) { row in
            records.append(Record(line: row.line, values: row.values))
        }
        self.records = records
    }

    /// The places of the errors, as `line:column`.
    var errorPlaces: [String] {
        problems.errors.map { "\($0.line):\($0.column.map(String.init) ?? "-")" }
    }
}
