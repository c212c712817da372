import Evaluation
import Foundation
import Testing

/// METHODS §9 *Missing questionnaire items*, through the executable: a questionnaire
/// with more blank items than its instrument tolerates is imported, said so by the
/// import and by `check`, left out of scoring and counted in the report; with
/// `max_missing` it is prorated by the person's mean of the answered items.
@Suite("blank questionnaire items", .serialized, .disabled(if: EvalrunProcess.skipped, "EVALRUN_SKIP_PROCESS_TESTS=1"))
struct BlankItemsTests {
    /// WEMWBS at the start and the end for P1–P3; P3's end questionnaire leaves item 5 blank.
    static let questionnaires: String = {
        let header = "participant_id,instrument,wave,completed_on," + (1...14).map { "item_\($0)" }.joined(separator: ",")
        func row(_ p: String, _ wave: String, _ date: String, _ value: Int, blank: Int? = nil) -> String {
            "\(p),WEMWBS,\(wave),\(date)," + (1...14).map { $0 == blank ? "" : "\(value + $0 % 2)" }.joined(separator: ",")
        }
        return [
            header, row("P1", "baseline", "2016-01-15", 2), row("P2", "baseline", "2016-01-15", 3), row("P3", "baseline", "2016-01-16", 2),
            row("P1", "end", "2016-01-29", 3), row("P2", "end", "2016-01-29", 4), row("P3", "end", "2016-01-30", 3, blank: 5),
        ].joined(separator: "\n") + "\n"
    }()

    static func summary(_ project: ProjectFolder, out: String) throws -> [String: Any] {
        let outcome = try EvalrunProcess.run(
            ["report", "--period", "2016", "--no-suppress", "--out", out, "--db", project.database, "--quiet"], in: project.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let data = try Data(contentsOf: project.url.appendingPathComponent(out).appendingPathComponent("summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("one blank item: the import and check say so, the pair is left out and counted; max_missing = 1 prorates it")
    func oneBlankItem() throws {
        let project = try ProjectFolder()
        try project.loadBasics()
        let imported = try EvalrunProcess.run(
            ["import", "questionnaires", try project.write("q.csv", Self.questionnaires), "--db", project.database], in: project.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            imported.stderr.contains("q.csv:7: warning: 1 WEMWBS end questionnaire has more blank items than the 0 WEMWBS tolerates"),
            "\(imported.stderr)")
        let check = try EvalrunProcess.run(["check", "--db", project.database], in: project.url)
        #expect(check.stdout.contains("WEMWBS end has 1 blank item(s)"), "\(check.stdout)")

        let strict = try #require((try Self.summary(project, out: "strict")["wellbeing"] as? [[String: Any]])?.first)
        #expect(strict["n_pairs"] as? Int == 2)
        #expect(strict["left_out_blank_items"] as? Int == 1)
        #expect(strict["left_out_blank_items_baseline"] as? Int == 0)
        let report = try String(contentsOf: project.url.appendingPathComponent("strict/report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "Questionnaires left out of scoring because more items were blank than the instrument allows: WEMWBS at the end 1."))

        try project.write("evalrun.toml", "[instruments.WEMWBS]\nmax_missing = 1\n")
        let prorated = try #require((try Self.summary(project, out: "prorated")["wellbeing"] as? [[String: Any]])?.first)
        #expect(prorated["n_pairs"] as? Int == 3)
        #expect(prorated["left_out_blank_items"] as? Int == 0)
        // P3 at the end answered 3 or 4 (item parity) on 13 items, item 5 (a 4) blank: 45 / 13 × 14.
        // Changes: P1 (3,4)−(2,3) = +14, P2 +14, P3 45/13·14 − 35 = 13.461538…; mean 13.820513 (R: mean(c(14, 14, 45/13*14 - 35))).
        let change = try #require(prorated["mean_change"] as? Double)
        #expect(abs(change - (14 + 14 + 45.0 / 13 * 14 - 35) / 3) < 1e-9)
    }
}
