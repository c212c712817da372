import Evaluation
import Foundation
import Testing

@testable import Ingest
@testable import Store

/// Importing `.xlsx` workbooks (METHODS §3 "Excel workbooks") written by real writers
/// (`Fixtures/xlsx/generate.py`: XlsxWriter and openpyxl), against the CSV exports they
/// are equivalent to.
@Suite("Excel import")
struct ExcelImportTests {
    /// The workbooks of the fixture, with the kind each holds, in dependency order.
    static let workbooks: [(kind: FileKind, name: String)] = [
        (.groups, "gruppi"), (.participants, "partecipanti"), (.sessions, "incontri"), (.attendance, "presenze"),
    ]

    static func fixture(_ file: String) throws -> String {
        try Fixture.url("xlsx", file).path
    }

    /// A dump without the provenance table, which names the files imported.
    static func rows(_ store: EvaluationStore) throws -> String {
        let dump = try store.dump()
        var kept: [Substring] = []
        var inImports = false
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inImports = line == "## imports" }
            if !inImports { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// The requests `import DIR` makes of `folder`.
    static func requests(in folder: String) throws -> [ImportRequest] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().compactMap { name in
            FileKind(fileName: name).map { ImportRequest(kind: $0, path: folder + "/" + name) }
        }
    }

    @Test("a folder of workbooks, recognised by name, gives the database its CSV exports give; provenance holds each workbook's SHA-256")
    func folderOfWorkbooks() throws {
        let folder = try Self.fixture("workbooks")
        let requests = try Self.requests(in: folder)
        #expect(requests.map(\.kind).sorted() == [.groups, .participants, .sessions, .attendance])
        let fromWorkbooks = try EvaluationStore.inMemory()
        let summaries = try fromWorkbooks.importFiles(requests, configuration: ProjectConfiguration())
        #expect(summaries.map(\.rows) == [2, 3, 8, 7])

        let fromCSV = try EvaluationStore.inMemory()
        _ = try fromCSV.importFiles(Self.requests(in: Self.fixture("csv")), configuration: ProjectConfiguration())
        #expect(try Self.rows(fromWorkbooks) == Self.rows(fromCSV))

        let history = try fromWorkbooks.importHistory()
        #expect(
            history.map(\.file) == [
                "gruppi.xlsx:Foglio1", "partecipanti.xlsx:partecipanti", "incontri.xlsx:incontri", "presenze.xlsx:presenze",
            ])
        #expect(history.map(\.dialect).last == "Excel workbook, sheet 'presenze'")
        for (record, (_, name)) in zip(history, Self.workbooks) {
            let path = folder + "/" + name + ".xlsx"
            let survey = try FileSurvey.survey(path: path, displayName: name, limits: CSVLimits())
            #expect(record.sha256 == survey.sha256)
        }
    }

    @Test(
        "each workbook imported as KIND FILE gives the rows of its CSV export",
        arguments: ExcelImportTests.workbooks.indices)
    func oneWorkbook(index: Int) throws {
        let (kind, name) = Self.workbooks[index]
        let stores = try (EvaluationStore.inMemory(), EvaluationStore.inMemory())
        for (earlier, earlierName) in Self.workbooks[..<index] {
            let request = ImportRequest(kind: earlier, path: try Self.fixture("csv/\(earlierName).csv"))
            _ = try stores.0.importFile(request, configuration: ProjectConfiguration())
            _ = try stores.1.importFile(request, configuration: ProjectConfiguration())
        }
        let workbook = try stores.0.importFile(
            ImportRequest(kind: kind, path: Self.fixture("workbooks/\(name).xlsx")), configuration: ProjectConfiguration())
        let csv = try stores.1.importFile(
            ImportRequest(kind: kind, path: Self.fixture("csv/\(name).csv")), configuration: ProjectConfiguration())
        #expect((workbook.rows, workbook.inserted) == (csv.rows, csv.inserted))
        #expect(workbook.warnings.isEmpty, "\(workbook.warnings)")
        #expect(try Self.rows(stores.0) == Self.rows(stores.1))
    }

    @Test("a sign-in sheet register whose meeting headers are typed dates gives the rows of its CSV export")
    func wideRegister() throws {
        let fixtures = try (ImportFixture(), ImportFixture())
        try fixtures.0.loadBasics()
        try fixtures.1.loadBasics()
        let workbook = try fixtures.0.importFile(.attendance, Self.fixture("wide/registro.xlsx"))
        let csv = try fixtures.1.importFile(.attendance, Self.fixture("wide/registro.csv"))
        #expect(workbook.inserted == 6 && (workbook.rows, workbook.inserted) == (csv.rows, csv.inserted))
        #expect(try Self.rows(fixtures.0.store) == Self.rows(fixtures.1.store))
    }

    @Test("cells that cannot be read are located as file.xlsx:Sheet!C7, every one, and the database is unchanged")
    func badCells() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let before = try f.store.dump()
        do {
            _ = try f.importFile(.attendance, Self.fixture("bad/presenze.xlsx"))
            Issue.record("the import should have been rejected")
        } catch let error as ImportError {
            #expect(
                error.problems.errors.map(\.description) == [
                    "presenze.xlsx:presenze!C4: error: the cell holds the Excel error #DIV/0!, not a value (correct the formula or type the value, and save the workbook again)",
                    "presenze.xlsx:presenze!D5: error: serial 60 is 29 February 1900, a day that does not exist (Excel counts it only to match Lotus 1-2-3) (type the date again)",
                    "presenze.xlsx:presenze!E7: error: 'forse' is not a presence mark (expected 1/0, sì/no, s/n, P/A, x/blank, vero/falso)",
                ])
            #expect(error.problems.errors.map(\.columnName) == ["incontro", "data", "presenza"])
            #expect(error.description.hasSuffix("presenze.xlsx:presenze: nothing was imported from this file"))
        }
        #expect(try f.store.dump() == before)
    }

    @Test("a header cell merged over a column that holds data leaves that column nameless, as in its CSV export")
    func mergedHeaderOverData() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let before = try f.store.dump()
        #expect {
            _ = try f.importFile(.participants, Self.fixture("bad/partecipanti.xlsx"))
        } throws: { error in
            (error as? ImportError)?.problems.errors.map(\.description) == [
                "partecipanti.xlsx:partecipanti!C1: error: column 3 has no name (give every column a header or delete the empty column)"
            ]
        }
        #expect(try f.store.dump() == before)
    }

    /// The error of importing `path` as attendance, which must be refused whole.
    static func refusal(_ f: ImportFixture, _ path: String, limits: CSVLimits = CSVLimits()) throws -> String {
        do {
            _ = try f.store.importFile(
                ImportRequest(kind: .attendance, path: path), configuration: f.configuration, options: ImportOptions(limits: limits))
        } catch let error as CSVError {
            #expect(error.problems.errorCount == 1)
            return error.description
        }
        Issue.record("\(path) should have been refused")
        return ""
    }

    @Test(
        "a legacy .xls, an .ods, a workbook renamed .csv or a text file named .xlsx is refused, naming its real format and how to save it")
    func otherFormats() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let before = try f.store.dump()
        let xls = try f.write("presenze.xls", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
        let xlsText = try Self.refusal(f, xls)
        #expect(xlsText.hasPrefix("presenze.xls: error: the file is a legacy Excel workbook (.xls, Excel 97–2003)"))
        #expect(xlsText.contains("save it as Excel Workbook (.xlsx) or as CSV UTF-8"))

        let ods = try Self.refusal(f, Self.fixture("refused/presenze.ods"))
        #expect(ods.hasPrefix("presenze.ods: error: the file is an OpenDocument spreadsheet (.ods)"))
        #expect(ods.contains("save it as Excel 2007-365 (.xlsx) or as Text CSV (UTF-8)"))
        let odsRenamed = try f.write("presenze.xlsx", bytes: [UInt8](Fixture.data("xlsx", "refused/presenze.ods")))
        #expect(try Self.refusal(f, odsRenamed).hasPrefix("presenze.xlsx: error: the file is an OpenDocument spreadsheet (.ods)"))

        let renamed = try f.write("presenze.csv", bytes: [UInt8](Fixture.data("xlsx", "workbooks/presenze.xlsx")))
        let renamedText = try Self.refusal(f, renamed)
        #expect(renamedText.hasPrefix("presenze.csv: error: the file is an Excel workbook (.xlsx), not a CSV export"))
        #expect(renamedText.contains("rename it presenze.xlsx"))

        let text = try f.write("registro.xlsx", "group_id,participant_id,session_no,present\nG1,P1,1,1\n")
        #expect(try Self.refusal(f, text).contains("is not an Excel workbook: it holds no ZIP archive"))
        #expect(try f.store.dump() == before)
    }

    @Test("a damaged or oversized workbook is refused with a clear error, never a crash")
    func damagedWorkbooks() throws {
        let f = try ImportFixture()
        let bytes = [UInt8](try Fixture.data("xlsx", "workbooks/presenze.xlsx"))
        let cut = try f.write("presenze.xlsx", bytes: Array(bytes.prefix(bytes.count / 2)))
        #expect(try Self.refusal(f, cut).contains("damaged ZIP archive"))
        let garbage = try f.write("presenze.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200))
        #expect(try Self.refusal(f, garbage).contains("damaged ZIP archive"))
        var corrupted = bytes
        for offset in stride(from: 40, to: bytes.count / 3, by: 97) { corrupted[offset] ^= 0x5A }
        let flipped = try f.write("presenze.xlsx", bytes: corrupted)
        #expect(try !Self.refusal(f, flipped).isEmpty)

        let original = try Self.fixture("workbooks/presenze.xlsx")
        let bomb = try Self.refusal(f, original, limits: CSVLimits(maxWorkbookPartBytes: 1_000))
        #expect(bomb.contains("is larger than 1000 bytes uncompressed, the limit for one part of a workbook"))
    }

    @Test("through the executable: import DIR takes the workbooks of a folder; a bad cell exits 1 located at its cell")
    func commandLine() throws {
        let project = try ProjectFolder()
        let imported = try EvalrunProcess.run(["import", Self.fixture("workbooks"), "--db", project.database], in: project.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stderr.contains("imported presenze.xlsx:presenze (attendance, Excel workbook, sheet 'presenze'): 7 rows; 7 new"),
            "\(imported.stderr)")
        let before = try project.dump()
        let rejected = try project.importFile("presenze", Self.fixture("bad/presenze.xlsx"))
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("presenze.xlsx:presenze!E7: error: 'forse' is not a presence mark"), "\(rejected.stderr)")
        let refused = try project.importFile("presenze", Self.fixture("refused/presenze.ods"))
        #expect(refused.status == 1 && refused.stderr.contains("OpenDocument spreadsheet (.ods)"), "\(refused.stderr)")
        #expect(try project.dump() == before)
    }
}
