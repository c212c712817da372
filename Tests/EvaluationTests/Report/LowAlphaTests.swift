import Evaluation
import Foundation
import Testing

@testable import Report

/// A negative or low Cronbach's α is flagged beside the instrument in the report, and by
/// `check` (issue: a −0.22 was printed without a word). Half the WEMWBS items entered
/// reversed (as when a column is keyed the wrong way) make α negative.
@Suite("Low α flagged")
struct LowAlphaTests {
    @Test("α below zero: a warning of check and a flag in the report's appendix, in both languages")
    func negativeAlpha() throws {
        let f = try IndicatorUnitTests.programme()
        var text = "participant_id,instrument,wave," + (1...14).map { "item_\($0)" }.joined(separator: ",") + "\n"
        for (p, v) in [("P1", 1), ("P2", 2), ("P3", 4), ("P4", 5)] {
            for wave in ["baseline", "end"] {
                text += "\(p),WEMWBS,\(wave)," + (1...14).map { String($0 <= 7 || $0 == 14 ? v : 6 - v) }.joined(separator: ",") + "\n"
            }
        }
        _ = try f.importFile(.questionnaires, f.write("q.csv", text))
        let snapshot = try f.store.snapshot()
        let check = ConsistencyCheck(snapshot: snapshot, configuration: ProjectConfiguration(), today: .today)
        let low = try #require(check.problems.indices.first { check.kinds[$0] == .lowAlpha })
        #expect(check.problems[low].severity == .warning)
        #expect(check.problems[low].reason.contains("WEMWBS baseline: Cronbach's α is"), "\(check.problems[low].reason)")
        #expect(check.problems[low].reason.contains("below zero"))
        for (language, words) in [
            (ReportLanguage.en, "A negative α usually means a data problem"), (.it, "Un α negativo di solito indica"),
        ] {
            let report = FunderReport(
                period: try #require(Period(parsing: "2016Q1")), configuration: ProjectConfiguration(), language: language, suppress: false)
            let markdown = String(decoding: try #require(try report.files(from: snapshot).first { $0.0 == "report.md" }?.1), as: UTF8.self)
            #expect(markdown.contains(words), "\(language)")
        }
    }
}
