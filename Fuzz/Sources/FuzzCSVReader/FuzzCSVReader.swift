import Evaluation
import Foundation
import FuzzerDriver

// Fuzzes the streaming CSV reader: `CSVSource.open` (survey, encoding, sniffing,
// header) and `forEachRecord`, every field read as text and as raw bytes.
//
// The oracle, besides not crashing: the same file read through a 16-byte buffer
// (every record crosses refills and is rescanned) gives exactly the records and
// problems that a buffer as large as the record limit gives.

/// Where each input is written (one process, one input at a time).
let inputPath = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-fuzz-csv-\(getpid()).csv").path

/// Everything the reader produced, for comparison.
struct Reading: Equatable {
    var header: [String] = []
    var dialect = ""
    var records: [[String]] = []
    var lines: [Int] = []
    var problems: [String] = []
    var failure: String?
}

func read(limits: CSVLimits) -> Reading {
    var reading = Reading()
    do {
        let source = try CSVSource.open(path: inputPath, limits: limits)
        reading.header = source.header
        reading.dialect = source.dialect.description
        var problems = ProblemList(limit: limits.maxProblems)
        try source.forEachRecord(problems: &problems) { row in
            precondition(row.count == source.header.count, "a record handed on has \(row.count) fields, the header \(source.header.count)")
            var values: [String] = []
            for index in 0..<row.count {
                let bytes = row.rawBytes(index)
                precondition(bytes.count <= limits.maxFieldBytes, "a field over the limit was handed on")
                values.append(row.value(index) + (row.isQuoted(index) ? "\u{1}" : ""))
            }
            reading.records.append(values)
            reading.lines.append(row.line)
        }
        reading.problems = problems.errors.map(\.description) + problems.warnings.map(\.description)
        reading.problems.append("\(problems.errorCount)/\(problems.warningCount)")
    } catch let error as CSVError {
        reading.failure = error.description
    } catch {
        reading.failure = "unexpected error type: \(error)"
        preconditionFailure("the reader threw something other than CSVError: \(error)")
    }
    return reading
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    guard FileManager.default.createFile(atPath: inputPath, contents: data) else { return 0 }
    // Small field and column limits so that the limit paths are reached by small inputs.
    let wide = CSVLimits(maxFieldBytes: 64, maxColumns: 32, maxProblems: 8, maxRecordBytes: 1024, readBufferBytes: 4096)
    let narrow = CSVLimits(maxFieldBytes: 64, maxColumns: 32, maxProblems: 8, maxRecordBytes: 1024, readBufferBytes: 16)
    let a = read(limits: wide)
    let b = read(limits: narrow)
    precondition(a == b, "a 16-byte read buffer reads the file differently:\n\(a)\n\(b)")
    return 0
}

/// The entry point SwiftPM links `main` to: hands over to libFuzzer's driver.
@_cdecl("FuzzCSVReader_main")
public func fuzzCSVReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzCSVReader)
}
