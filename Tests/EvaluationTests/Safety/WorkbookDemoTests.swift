import Evaluation
import Foundation
import Testing

/// Issue "the evaluator's quarter": the demo programme saved as Excel
/// workbooks, one per kind with typed cells (Fixtures/xlsx-demo, written by
/// XlsxWriter from datasets/demo by generate.py), imports with the same rows
/// as the CSV exports and gives the same report: every table but provenance,
/// and summary.json but its inputs (file names and SHA-256 differ).
@Suite("the demo as Excel workbooks", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct WorkbookDemoTests {
    @Test("same rows and the same report as the CSV exports")
    func sameReport() throws {
        let workbooks = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: workbooks.url) }
        let folder = try Fixture.url("xlsx-demo", "gruppi.xlsx").deletingLastPathComponent()
        let imported = try EvalrunProcess.run(["import", folder.path, "--db", workbooks.database, "--quiet"], in: workbooks.url)
        try #require(imported.status == 0, "\(imported.stderr)")
        let csv = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: csv.url) }

        let fromWorkbooks = try ReportOptionsTests.report(workbooks, ["--period", "2016"])
        let fromCSV = try ReportOptionsTests.report(csv, ["--period", "2016"])
        for (path, data) in fromCSV where path.hasPrefix("/tables/") && path != "/tables/provenance.csv" {
            #expect(fromWorkbooks[path] == data, "\(path) differs")
        }
        func summary(_ files: [String: Data]) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: files["/summary.json"] ?? Data()) as? [String: Any])
        }
        var a = try summary(fromWorkbooks)
        var b = try summary(fromCSV)
        let inputsA = a.removeValue(forKey: "inputs") as? [[String: Any]] ?? []
        let inputsB = b.removeValue(forKey: "inputs") as? [[String: Any]] ?? []
        #expect(NSDictionary(dictionary: a).isEqual(to: b), "summary.json differs")
        // The same rows per kind; the workbook's name and sheet in the provenance.
        let rows = { (inputs: [[String: Any]]) in
            Dictionary(uniqueKeysWithValues: inputs.map { ($0["kind"] as? String ?? "", $0["rows"] as? Int ?? -1) })
        }
        #expect(rows(inputsA) == rows(inputsB))
        #expect(!inputsA.isEmpty && inputsA.allSatisfy { ($0["file"] as? String ?? "").contains(".xlsx") })
    }
}
