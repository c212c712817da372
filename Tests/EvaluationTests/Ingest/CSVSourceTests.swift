import Evaluation
import Foundation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("CSV dialects and encodings")
    struct CSVSourceTests {
        private func open(_ name: String, limits: CSVLimits = .init()) throws -> CSVSource {
            try CSVSource.open(path: Fixture.url("csv", name).path, limits: limits)
        }

        /// Buffer sizes that put record and line-break boundaries at every position of the
        /// small fixtures, as well as the default.
        static let bufferSizes = [16, 17, 19, 23, 64, 1 << 20]

        @Test("a survey-tool export is ',' separated UTF-8 with LF and a decimal point")
        func surveyTool() throws {
            let source = try open("survey_comma_lf.csv")
            #expect(source.dialect == CSVDialect(separator: UInt8(ascii: ","), encoding: .utf8, lineEnding: .lf, decimalComma: false))
            #expect(source.dialect.description == "',' separated, UTF-8, LF, decimal point")
            #expect(source.header == ["participant_id", "instrument", "wave", "completed_on", "score"])
            #expect(source.headerLine == 1)
            #expect(source.physicalLineCount == 4)
            let dump = try RecordDump(source)
            #expect(dump.problems.isEmpty)
            #expect(
                dump.records == [
                    .init(line: 2, values: ["P001", "WEMWBS", "baseline", "2016-04-05T10:22:33Z", "45"]),
                    .init(line: 3, values: ["P002", "WEMWBS", "T0", "2016-04-05T10:22:33.000+02:00", "51.5"]),
                    .init(line: 4, values: ["P003", "WEMWBS", "pre", "2016-04-06 09:00:00", "48"]),
                ])
        }

        static let italianRows: [RecordDump.Record] = [
            .init(line: 2, values: ["P001", "G1", "Forlì", "1.234,56", "caffè"]),
            .init(line: 3, values: ["P002", "G1", "Cesena", "12,5", "€ 5 più"]),
            .init(line: 4, values: ["P003", "G2", "Rimini; centro", "-3", "perché \"sì\""]),
            .init(line: 5, values: ["P004", "G2", "Cantù", "0,75", "à è ì ò ù €"]),
        ]

        @Test("an Italian Excel export is ';' separated Windows-1252 with CRLF and a decimal comma", arguments: bufferSizes)
        func italianExcel(bufferBytes: Int) throws {
            let source = try open("excel_semicolon_1252_crlf.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(source.dialect == .italianExcel)
            #expect(source.dialect.description == "';' separated, Windows-1252, CRLF, decimal comma")
            #expect(source.header == ["codice_partecipante", "gruppo", "città", "importo", "note"])
            #expect(!source.hasByteOrderMark)
            let dump = try RecordDump(source)
            #expect(dump.problems.isEmpty, "\(dump.problems)")
            #expect(dump.records == Self.italianRows)
        }

        @Test("Excel's CSV UTF-8 is read as UTF-8 with BOM, the mark not part of the first name", arguments: bufferSizes)
        func utf8WithBOM(bufferBytes: Int) throws {
            let source = try open("excel_utf8_bom.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(source.dialect.encoding == .utf8WithBOM)
            #expect(source.dialect.separator == UInt8(ascii: ";"))
            #expect(source.dialect.lineEnding == .crlf)
            #expect(source.dialect.decimalComma)
            #expect(source.hasByteOrderMark)
            #expect(source.header.first == "codice_partecipante")
            let dump = try RecordDump(source)
            #expect(dump.problems.isEmpty)
            #expect(dump.records == Self.italianRows)
        }

        @Test("the same table in UTF-8 with BOM and in Windows-1252 reads the same but hashes differently")
        func sameTableTwoEncodings() throws {
            let windows = try open("excel_semicolon_1252_crlf.csv")
            let utf8 = try open("excel_utf8_bom.csv")
            #expect(try RecordDump(windows).records == RecordDump(utf8).records)
            #expect(windows.sha256 != utf8.sha256)
            #expect(windows.sha256.count == 64)
            #expect(windows.byteCount == 183)
        }

        @Test("a tab-separated file; values are trimmed of blanks and no-break spaces")
        func tabSeparated() throws {
            let source = try open("tab_lf.csv")
            #expect(source.dialect == CSVDialect(separator: 9, encoding: .utf8, lineEnding: .lf, decimalComma: false))
            #expect(source.dialect.description == "tab separated, UTF-8, LF, decimal point")
            let dump = try RecordDump(source)
            #expect(dump.records.map(\.values[3]) == ["2.5", "2", "1.75"])
        }

        @Test("quoted separators, doubled quotes and line breaks; records keep their physical start line", arguments: bufferSizes)
        func quotedNewlines(bufferBytes: Int) throws {
            let source = try open("quoted_newlines.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(source.dialect.separator == UInt8(ascii: ";"))
            #expect(source.physicalLineCount == 8)
            let dump = try RecordDump(source)
            #expect(dump.problems.isEmpty)
            #expect(
                dump.records == [
                    .init(line: 2, values: ["P1", "first line\nsecond line", "3"]),
                    .init(line: 4, values: ["P2", "plain", "4"]),
                    .init(line: 5, values: ["P3", "a \"quoted\" word;\nwith; separators\nand three lines", "5"]),
                    .init(line: 8, values: ["P4", "x", "6"]),
                ])
        }

        @Test("CRLF rows with LF inside cells are mixed line endings; lines still count", arguments: bufferSizes)
        func mixedLineEndings(bufferBytes: Int) throws {
            let source = try open("mixed_line_endings.csv", limits: CSVLimits(readBufferBytes: bufferBytes))
            #expect(source.dialect.lineEnding == .mixed)
            #expect(source.dialect.separator == UInt8(ascii: ","))
            let dump = try RecordDump(source)
            #expect(
                dump.records == [
                    .init(line: 2, values: ["P1", "typed\nin a cell", "3"]),
                    .init(line: 4, values: ["P2", "two\r\nlines", "4"]),
                    .init(line: 6, values: ["P3", "plain", "5"]),
                ])
        }

        @Test("lone CR line endings (old Excel for Mac) are line breaks")
        func carriageReturnOnly() throws {
            let source = try open("cr_only.csv")
            #expect(source.dialect.lineEnding == .cr)
            let dump = try RecordDump(source)
            #expect(dump.records == [.init(line: 2, values: ["1", "2"]), .init(line: 3, values: ["3", "4"])])
        }

        @Test("a file without a final line break ends with its last record")
        func noFinalLineBreak() throws {
            let path = try TemporaryCSV.write("a,b\n1,2\n3,4")
            let source = try CSVSource.open(path: path)
            #expect(source.physicalLineCount == 3)
            let dump = try RecordDump(source)
            #expect(dump.records.map(\.values) == [["1", "2"], ["3", "4"]])
            let single = try CSVSource.open(path: TemporaryCSV.write("a,b"))
            #expect(single.dialect.lineEnding == LineEnding.none)
            #expect(try RecordDump(single).records.isEmpty)
        }

        @Test("a forced dialect wins over detection, but line endings are as found")
        func forcedDialect() throws {
            let forced = CSVDialect(separator: UInt8(ascii: ","), encoding: .windows1252, lineEnding: .lf, decimalComma: true)
            let source = try CSVSource.open(path: Fixture.url("csv", "quoted_newlines.csv").path, dialect: forced)
            #expect(source.dialect.separator == UInt8(ascii: ","))
            #expect(source.dialect.encoding == .windows1252)
            #expect(source.dialect.decimalComma)
            #expect(source.header == ["participant_id;note;score"])
        }

        @Test("the display name defaults to the file name and prefixes problems")
        func displayName() throws {
            let source = try open("ragged.csv")
            #expect(source.displayName == "ragged.csv")
            let named = try CSVSource.open(path: Fixture.url("csv", "ragged.csv").path, displayName: "presenze.csv")
            let dump = try RecordDump(named)
            #expect(dump.problems.errors.first?.description.hasPrefix("presenze.csv:3:4: error: ") == true)
        }

        @Test("the header row is trimmed and kept as written")
        func headerTrimmed() throws {
            let path = try TemporaryCSV.write(" Codice Partecipante ;\u{00A0}Gruppo\u{00A0};\"Data \"\r\nP1;G1;05/04/2016\r\n")
            let source = try CSVSource.open(path: path)
            #expect(source.header == ["Codice Partecipante", "Gruppo", "Data"])
        }

        @Test("empty lines before the header are skipped; the header's line says where it is")
        func blankLinesBeforeHeader() throws {
            let source = try CSVSource.open(path: TemporaryCSV.write("\n\na;b\n1;2\n"))
            #expect(source.headerLine == 3)
            #expect(try RecordDump(source).records == [.init(line: 4, values: ["1", "2"])])
        }

        @Test("the dialect encodes with the separator as text")
        func dialectCodable() throws {
            let data = try JSONEncoder().encode(CSVDialect.italianExcel)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\"separator\":\";\""))
            #expect(text.contains("\"encoding\":\"Windows-1252\""))
            #expect(try JSONDecoder().decode(CSVDialect.self, from: data) == .italianExcel)
        }

        @Test("rows are views: fields can be checked and read as bytes without strings")
        func rowAccessors() throws {
            let source = try CSVSource.open(path: TemporaryCSV.write("a;b;c\n  ;\"\";\" 12,5 \"\n"))
            var problems = ProblemList()
            var seen = 0
            try source.forEachRecord(problems: &problems) { row in
                // CSVRow is not copyable, so #expect (which captures its operands) gets plain values.
                seen += 1
                let (count, empty0, empty1, emptyOutside) = (row.count, row.isEmpty(0), row.isEmpty(1), row.isEmpty(-1))
                let (quoted0, quoted1) = (row.isQuoted(0), row.isQuoted(1))
                let (raw2, beyond) = (Array(row.rawBytes(2)), row.value(3))
                #expect(count == 3)
                #expect(empty0 && empty1 && emptyOutside)
                #expect(quoted1 && !quoted0)
                #expect(raw2 == Array("12,5".utf8))
                #expect(beyond == "")
            }
            #expect(seen == 1)
        }
    }
}
