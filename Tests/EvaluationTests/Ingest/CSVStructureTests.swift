import Evaluation
import Foundation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("CSV structural problems and limits")
    struct CSVStructureTests {
        private func dump(_ name: String, limits: CSVLimits = .init()) throws -> RecordDump {
            try RecordDump(CSVSource.open(path: Fixture.url("csv", name).path, limits: limits))
        }

        @Test("ragged rows and an empty line inside the data are located; good rows still read", arguments: CSVSourceTests.bufferSizes)
        func raggedRows(bufferBytes: Int) throws {
            let dump = try dump("ragged.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(dump.errorPlaces == ["3:4", "4:5", "5:1"])
            let errors = dump.problems.errors
            #expect(errors[0].description == "ragged.csv:3:4: error: the row has 3 fields but the header has 4 columns")
            #expect(errors[0].columnName == "d")
            #expect(errors[1].reason == "the row has 5 fields but the header has 4 columns")
            #expect(errors[1].hint == "a value containing ';' must be written between double quotes")
            #expect(errors[2].reason.hasPrefix("an empty line inside the data"))
            #expect(dump.records.map(\.line) == [2, 6])
        }

        @Test("a quote inside an unquoted field, text after a closing quote", arguments: CSVSourceTests.bufferSizes)
        func quoteErrors(bufferBytes: Int) throws {
            let dump = try dump("quote_errors.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(dump.errorPlaces == ["2:2", "4:2"])
            #expect(dump.problems.errors[0].reason == "a double quote inside an unquoted field")
            #expect(dump.problems.errors[0].columnName == "name")
            #expect(dump.problems.errors[1].reason == "unexpected text after the closing quote of a quoted field")
            #expect(dump.records.map(\.values) == [["2", "ok", "4"], ["4", "fine", "6"]])
        }

        @Test("a quote never closed is reported where it opened", arguments: CSVSourceTests.bufferSizes)
        func unbalancedQuote(bufferBytes: Int) throws {
            let dump = try dump("unbalanced_quote.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(dump.errorPlaces == ["3:2"])
            #expect(dump.problems.errors[0].reason.hasPrefix("a quoted field is never closed"))
            #expect(dump.records.map(\.line) == [2])
        }

        @Test("a quote never closed in the header rejects the file")
        func unbalancedQuoteInHeader() throws {
            let path = try TemporaryCSV.write("id;\"name;score\n1;2;3\n")
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: path) }
            #expect(error.problems.errors.map(\.line) == [1])
            #expect(error.problems.errors.map(\.column) == [2])
        }

        @Test("blank lines and all-blank rows at the end of the file are ignored")
        func trailingBlankLines() throws {
            let dump = try dump("trailing_blank_lines.csv")
            #expect(dump.problems.isEmpty, "\(dump.problems)")
            #expect(dump.records.map(\.values) == [["1", "2"], ["3", "4"]])
        }

        @Test("an all-blank row inside the data is passed on for the decoder to judge")
        func blankRowInside() throws {
            let dump = try RecordDump(CSVSource.open(path: TemporaryCSV.write("a;b\n1;2\n;\n3;4\n")))
            #expect(dump.problems.isEmpty)
            #expect(
                dump.records == [
                    .init(line: 2, values: ["1", "2"]), .init(line: 3, values: ["", ""]), .init(line: 4, values: ["3", "4"]),
                ])
        }

        @Test("in a one-column file an empty line inside the data is a blank value")
        func oneColumn() throws {
            let dump = try dump("one_column.csv")
            #expect(dump.problems.isEmpty)
            #expect(dump.records == [.init(line: 2, values: ["1"]), .init(line: 3, values: [""]), .init(line: 4, values: ["2"])])
        }

        @Test("a header-only file has no records and no problems")
        func headerOnly() throws {
            let source = try CSVSource.open(path: Fixture.url("csv", "header_only.csv").path)
            #expect(source.header == ["a", "b", "c"])
            #expect(source.dialect.lineEnding == .crlf)
            let dump = try RecordDump(source)
            #expect(dump.records.isEmpty && dump.problems.isEmpty)
        }

        @Test("an empty file, and a file of blank lines or just a byte-order mark, are rejected")
        func emptyFile() throws {
            let empty = try #require(throws: CSVError.self) { try CSVSource.open(path: Fixture.url("csv", "empty.csv").path) }
            #expect(
                empty.description
                    == "empty.csv: error: the file is empty: it has no header row (export the table again with its column names in the first row)"
            )
            for bytes: [UInt8] in [[0x0A, 0x0D, 0x0A], [0xEF, 0xBB, 0xBF]] {
                let path = try TemporaryCSV.write(bytes)
                #expect(throws: CSVError.self) { try CSVSource.open(path: path) }
            }
        }

        @Test("a missing file is a CSVError naming it")
        func missingFile() throws {
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: "/nonexistent/presenze.csv") }
            #expect(error.description.hasPrefix("presenze.csv: error: cannot open the file"))
        }

        @Test("a 2 MB field is over the 1 MiB limit: a located problem, and the next row still reads")
        func hugeField() throws {
            var bytes = Array("id;note;score\n1;".utf8)
            bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 2_000_000)
            bytes += Array(";3\n2;short;4\n".utf8)
            let dump = try RecordDump(CSVSource.open(path: TemporaryCSV.write(bytes)))
            #expect(dump.errorPlaces == ["2:2"])
            #expect(dump.problems.errors[0].reason == "the field is 2000000 bytes long; the limit is 1048576 bytes")
            #expect(dump.records == [.init(line: 3, values: ["2", "short", "4"])])
        }

        @Test("a record beyond the buffer's largest size is skipped with a problem (quoted, multi-line)", arguments: [false, true])
        func oversizedRecord(quoted: Bool) throws {
            let limits = CSVLimits(maxFieldBytes: 100, maxRecordBytes: 256, readBufferBytes: 64)
            var text = "id;note;score\n1;"
            let long = String(repeating: "abc\n", count: 100)
            text += quoted ? "\"\(long)\"" : String(repeating: "abc", count: 100)
            text += ";3\n2;short;4\n"
            let dump = try RecordDump(CSVSource.open(path: TemporaryCSV.write(text), limits: limits))
            #expect(dump.errorPlaces == ["2:2"])
            #expect(dump.problems.errors[0].reason.hasPrefix("the field is over 100 bytes long"))
            #expect(dump.records == [.init(line: quoted ? 103 : 3, values: ["2", "short", "4"])])
        }

        @Test("a quote left open swallows a file larger than the record limit without using more memory")
        func openQuoteSwallowsFile() throws {
            let limits = CSVLimits(maxFieldBytes: 50, maxRecordBytes: 128, readBufferBytes: 32)
            var text = "id;note\n1;\"open\n"
            for index in 0..<100 { text += "\(index);row\n" }
            let dump = try RecordDump(CSVSource.open(path: TemporaryCSV.write(text), limits: limits))
            #expect(dump.errorPlaces == ["2:2"])
            #expect(dump.records.isEmpty)
        }

        @Test("a header of 10,001 columns is over the limit; 10,000 is fine")
        func tooManyColumns() throws {
            let tooWide = (1...10_001).map { "c\($0)" }.joined(separator: ";") + "\n"
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: TemporaryCSV.write(tooWide)) }
            #expect(error.problems.errors.first?.reason == "the header has 10001 columns; the limit is 10000")
            #expect(error.problems.errors.first?.column == 10_001)
            let wide =
                (1...10_000).map { "c\($0)" }.joined(separator: ";") + "\n" + (1...10_000).map(String.init).joined(separator: ";") + "\n"
            let source = try CSVSource.open(path: TemporaryCSV.write(wide))
            #expect(source.header.count == 10_000)
            #expect(source.dialect.separator == UInt8(ascii: ";"))
            let dump = try RecordDump(source)
            #expect(dump.records.first?.values.last == "10000")
        }

        @Test("problems beyond the limit are counted, not kept")
        func problemLimit() throws {
            var text = "a;b\n"
            for _ in 0..<120 { text += "1;2;3\n" }
            let source = try CSVSource.open(path: TemporaryCSV.write(text))
            let dump = try RecordDump(source, limit: 50)
            #expect(dump.problems.errors.count == 50)
            #expect(dump.problems.errorCount == 120)
            #expect(dump.problems.omittedCount == 70)
            #expect(dump.problems.description.hasSuffix("… and 70 more problems"))
        }

        @Test("an error thrown by the callback stops reading and propagates")
        func callbackThrows() throws {
            struct Stop: Error {}
            let source = try CSVSource.open(path: Fixture.url("csv", "quoted_newlines.csv").path)
            var problems = ProblemList()
            var seen = 0
            #expect(throws: Stop.self) {
                try source.forEachRecord(problems: &problems) { _ in
                    seen += 1
                    if seen == 2 { throw Stop() }
                }
            }
            #expect(seen == 2)
        }
    }
}
