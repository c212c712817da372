import Evaluation
import Foundation
import Testing

@testable import Ingest

/// The pieces of the `.xlsx` reader: cell values as text, number formats, sheet choice
/// and cell locations.
@Suite("XLSX reader")
struct XLSXReaderTests {
    static func open(_ file: String, as kind: FileKind) throws -> CSVSource {
        try CSVSource.open(path: Fixture.url("xlsx", file).path, kind: kind)
    }

    @Test("date serials in the 1900 system (with its fictitious 1900-02-29) and the 1904 system")
    func serialDates() throws {
        func date(_ serial: Double, _ kind: XLSXStyles.Kind = .date, _ uses1904: Bool = false) throws -> String {
            try ExcelCellText.date(serial: serial, kind: kind, uses1904Dates: uses1904)
        }
        #expect(try date(1) == "1900-01-01")
        #expect(try date(59) == "1900-02-28")
        #expect(try date(61) == "1900-03-01")
        #expect(try date(42384) == "2016-01-15")
        #expect(try date(2_958_465) == "9999-12-31")
        #expect(try date(0, .date, true) == "1904-01-01")
        #expect(try date(40922, .date, true) == "2016-01-15")
        #expect(try date(42385.4375, .dateTime) == "2016-01-16 10:30:00")
        #expect(try date(42385.4375, .date) == "2016-01-16")
        #expect(try date(42385.999999999, .dateTime) == "2016-01-17")
        #expect(try date(0.5, .time) == "12:00:00")
        #expect(try date(1.25, .time) == "30:00:00")
        #expect(throws: FieldValueError.self) { try date(60) }
        #expect(throws: FieldValueError.self) { try date(0) }
        #expect(throws: FieldValueError.self) { try date(-1) }
        #expect(throws: FieldValueError.self) { try date(2_958_466) }
    }

    @Test("numbers are written as Excel shows them, with a decimal point, and read back by the number parser")
    func numbers() throws {
        #expect(ExcelCellText.number(2) == "2")
        #expect(ExcelCellText.number(-3) == "-3")
        #expect(ExcelCellText.number(0.1 + 0.2) == "0.3")
        #expect(ExcelCellText.number(1_234_567.5) == "1234567.5")
        let parser = NumberParser(decimalComma: false)
        for value in [1e-5, 2.5e20, 1.0 / 3.0] {
            #expect(try parser.double(ExcelCellText.number(value)) == Double(String(format: "%.15g", value)))
        }
        #expect(ExcelCellText.unescaped("a_x000D_b_x005F_x") == "a\rb_x")
    }

    @Test("number formats: built-in date and time ids, and custom codes")
    func numberFormats() {
        #expect(XLSXStyles.kind(ofBuiltIn: 14) == .date)
        #expect(XLSXStyles.kind(ofBuiltIn: 22) == .dateTime)
        #expect(XLSXStyles.kind(ofBuiltIn: 20) == .time)
        #expect(XLSXStyles.kind(ofBuiltIn: 46) == .time)
        #expect(XLSXStyles.kind(ofBuiltIn: 2) == .number)
        #expect(XLSXStyles.kind(ofCode: "dd/mm/yyyy") == .date)
        #expect(XLSXStyles.kind(ofCode: "[$-410]d mmmm yyyy;@") == .date)
        #expect(XLSXStyles.kind(ofCode: "mmm") == .date)
        #expect(XLSXStyles.kind(ofCode: "yyyy-mm-dd h:mm:ss") == .dateTime)
        #expect(XLSXStyles.kind(ofCode: "hh:mm") == .time)
        #expect(XLSXStyles.kind(ofCode: "[h]:mm") == .time)
        #expect(XLSXStyles.kind(ofCode: "General") == .number)
        #expect(XLSXStyles.kind(ofCode: "[Red]#,##0.00") == .number)
        #expect(XLSXStyles.kind(ofCode: "0 \"days\"") == .number)
    }

    @Test("a sheet cell is located by its A1 reference; other files keep line:column")
    func locations() {
        #expect(Problem.cellReference(column: 1, row: 1) == "A1")
        #expect(Problem.cellReference(column: 26, row: 9) == "Z9")
        #expect(Problem.cellReference(column: 27, row: 10) == "AA10")
        #expect(Problem.cellReference(column: 16_384, row: 1_048_576) == "XFD1048576")
        #expect(XLSXSheetReader.reference("$XFD$1048576")! == (16_384, 1_048_576))
        #expect(XLSXSheetReader.reference("XFE1") == nil)
        #expect(XLSXSheetReader.reference("A1048577") == nil)
        let file = Problem.sheetFile(workbook: "presenze.xlsx", sheet: "presenze")
        #expect(Problem(file: file, line: 7, column: 5, reason: "r").description == "presenze.xlsx:presenze!E7: error: r")
        #expect(Problem(file: file, line: 1, reason: "r").description == "presenze.xlsx:presenze!1:1: error: r")
        #expect(Problem(file: file, line: 0, reason: "r").description == "presenze.xlsx:presenze: error: r")
        #expect(Problem(file: "a:b.csv", line: 7, column: 5, reason: "r").description == "a:b.csv:7:5: error: r")
    }

    @Test("workbooks are recognised by name like CSV exports, and sheets by the same names")
    func names() {
        #expect(FileKind(fileName: "presenze_2016.xlsx") == .attendance)
        #expect(FileKind(fileName: "Partecipanti.XLSX") == .participants)
        #expect(FileKind(fileName: "presenze.xls") == nil)
        #expect(FileKind(sheetName: "Registro 2016") == .attendance)
        #expect(FileKind(sheetName: "Foglio1") == nil)
    }

    @Test("the sheet named like the kind is read even when it is not first; else the first")
    func sheetChoice() throws {
        let sessions = try Self.open("workbooks/incontri.xlsx", as: .sessions)
        #expect(sessions.displayName == "incontri.xlsx:incontri")
        #expect(sessions.dialect.description == "Excel workbook, sheet 'incontri'")
        #expect(sessions.header == ["gruppo", "incontro", "data", "svolto"])
        let records = try RecordDump(sessions).records
        #expect(records.first?.values == ["G1", "1", "2016-01-15", "1"])
        #expect(records[2].values == ["G1", "3", "2016-02-12", "0"])
        #expect(records[4].values == ["G2", "1", "2016-01-16 10:30:00", "1"])

        let groups = try Self.open("workbooks/gruppi.xlsx", as: .groups)
        #expect(groups.displayName == "gruppi.xlsx:Foglio1")
        #expect(
            try RecordDump(groups).records.map(\.values) == [
                ["G1", "homogeneous", "Forlì", "4", "Acme"], ["G2", "eterogeneo", "Cesena", "4", ""],
            ])
    }

    @Test("cells by type: shared and rich strings, cached formula results, an empty cell, a merged header, formatted empty rows")
    func register() throws {
        let source = try Self.open("workbooks/presenze.xlsx", as: .attendance)
        #expect(source.header == ["gruppo", "codice_partecipante", "incontro", "data", "presenza"])
        #expect(source.headerLine == 1)
        let dump = try RecordDump(source)
        #expect(dump.problems.isEmpty)
        #expect(dump.records.map(\.line) == Array(2...8))
        #expect(dump.records[1].values == ["G1", "P1", "2", "2016-01-29", "1"])
        #expect(dump.records[2].values == ["G1", "P1", "4", "", "0"])
        #expect(dump.records[5].values == ["G2", "P3", "1", "2016-01-16", "1"])
        #expect(dump.records[6].values == ["G2", "P3", "2", "2016-01-30", "1"])

        let participants = try RecordDump(Self.open("workbooks/partecipanti.xlsx", as: .participants))
        #expect(participants.records.map { $0.values[2] } == ["2016-01-10", "2016-01-10", "2016-01-12"])
        #expect(participants.records[1].values[3] == "2016-03-01")
    }

    @Test("a sheet whose XML is over 10 MB on one line, as Excel writes it, is read whole")
    func largeSheet() throws {
        var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        xml +=
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>participant_id</t></is></c><c r="B1" t="inlineStr"><is><t>note</t></is></c></row>"#
        for row in 2...70_001 {
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>P\(row)</t></is></c>"
            xml += "<c r=\"B\(row)\" t=\"inlineStr\"><is><t>a note long enough to make the sheet large, \(row)</t></is></c></row>"
        }
        xml += "</sheetData></worksheet>"
        #expect(xml.utf8.count > 10_000_000)
        let reader = XLSXSheetReader(sharedStrings: [], styles: XLSXStyles(), uses1904Dates: false)
        try XLSXWorkbook.parse(Data(xml.utf8), part: "xl/worksheets/sheet1.xml", with: reader, "big.xlsx")
        var table = reader.table
        try table.resolve(file: "big.xlsx:Sheet1", limits: CSVLimits())
        #expect(table.header == ["participant_id", "note"])
        #expect(table.lastRow == 70_001)
    }
}
