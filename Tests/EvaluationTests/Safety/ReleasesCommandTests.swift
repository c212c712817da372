import Evaluation
import Foundation
import Testing

/// METHODS §9 *Releases* through the executable: reports and comparisons record what
/// they released, `--no-suppress` does not, `evalrun releases` lists them and
/// `--forget` clears them only when confirmed; a later report withholds a count an
/// earlier one would give back by a difference.
@Suite("releases through the executable", .serialized, .disabled(if: EvalrunProcess.skipped, "EVALRUN_SKIP_PROCESS_TESTS=1"))
struct ReleasesCommandTests {
    @Test("recorded, listed, differenced and forgotten")
    func releases() throws {
        let project = try ProjectFolder()
        let demo = try PrivacyTests.demoFolder()
        let imported = try EvalrunProcess.run(["import", demo.path, "--db", project.database, "--quiet"], in: project.url)
        try #require(imported.status == 0, "\(imported.stderr)")
        func run(_ arguments: [String]) throws -> EvalrunProcess.Outcome {
            try EvalrunProcess.run(arguments + ["--db", project.database], in: project.url)
        }
        let none = try run(["releases"])
        #expect(none.status == 0 && none.stdout.contains("no release recorded yet"))

        #expect(try run(["report", "--period", "2016Q1", "--out", "q1", "--quiet"]).status == 0)
        #expect(try run(["report", "--period", "2016", "--out", "full", "--no-suppress", "--quiet"]).status == 0)
        #expect(try run(["report", "--period", "2016", "--out", "year", "--quiet"]).status == 0)
        #expect(try run(["compare", "--by", "site", "--json", "--quiet"]).status == 0)
        let listed = try run(["releases"])
        let lines = listed.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == 3, "\(listed.stdout)")  // the --no-suppress report is not recorded
        #expect(lines.first?.contains("--from 2016-01-01 --to 2016-03-31") == true)
        #expect(lines.last?.contains("compare") == true)

        // The 2016Q1 report released a cohort of 159; the year's 160 would give its one new entrant back.
        let q1 = try Self.summary(project, "q1")
        let year = try Self.summary(project, "year")
        let full = try Self.summary(project, "full")
        #expect((q1["reemployment"] as? [String: Any])?["n"] as? Int == 159)
        #expect((full["reemployment"] as? [String: Any])?["n"] as? Int == 160)
        #expect((year["reemployment"] as? [String: Any])?["n"] is NSNull)

        let unconfirmed = try run(["releases", "--forget"])
        #expect(unconfirmed.status == 2 && unconfirmed.stderr.contains("add --yes"), "\(unconfirmed.stderr)")
        #expect(try run(["releases", "--forget", "--yes"]).status == 0)
        #expect(try run(["releases"]).stdout.contains("no release recorded yet"))
        // Forgotten, the year is checked against nothing earlier.
        #expect(try run(["report", "--period", "2016", "--out", "year-again", "--quiet"]).status == 0)
        #expect((try Self.summary(project, "year-again")["reemployment"] as? [String: Any])?["n"] as? Int == 160)
    }

    static func summary(_ project: ProjectFolder, _ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: project.url.appendingPathComponent(folder).appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
