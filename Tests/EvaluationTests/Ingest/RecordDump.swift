import Evaluation

@testable import Ingest

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
