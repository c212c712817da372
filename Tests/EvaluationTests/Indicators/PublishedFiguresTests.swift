import Evaluation
import Foundation
import Testing

@testable import Indicators

/// The report of `datasets/published/` says the figures quoted by published
/// programme reports (METHODS §1), with their denominators.
@Suite("Published figures")
struct PublishedFiguresTests {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets/published").path
    }

    func report(by: String?) throws -> (markdown: String, summary: [String: Any]) {
        let store = try EvaluationStore.inMemory()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).sorted()
        let requests = names.compactMap { n in FileKind(fileName: n).map { ImportRequest(kind: $0, path: Self.folder + "/" + n) } }
        _ = try store.importFiles(requests, configuration: ProjectConfiguration())
        guard let from = CalendarDate(year: 2013, month: 1, day: 1), let to = CalendarDate(year: 2016, month: 12, day: 31),
            let period = Period.between(from, to)
        else { throw Fixture.Missing(path: "period") }
        let files = try FunderReport(period: period, configuration: ProjectConfiguration(), by: by).files(from: store.snapshot())
        let markdown = String(decoding: files.first { $0.0 == "report.md" }?.1 ?? Data(), as: UTF8.self)
        let json = try JSONSerialization.jsonObject(with: files.first { $0.0 == "summary.json" }?.1 ?? Data())
        return (markdown, json as? [String: Any] ?? [:])
    }

    func level(_ summary: [String: Any], _ name: String) -> [String: Any]? {
        let levels = (summary["by"] as? [String: Any])?["levels"] as? [[String: Any]]
        return levels?.first { $0["level"] as? String == name }
    }

    @Test("99 of 137 attended more than 75% of the meetings")
    func retention() throws {
        let (markdown, summary) = try report(by: nil)
        let retention = summary["retention"] as? [String: Any]
        #expect(retention?["retained"] as? Int == 99)
        #expect(retention?["n"] as? Int == 137)
        #expect(markdown.contains("| Retained  |        99 |         137 | 72.3% |"))
    }

    @Test("44% (46 people) of phase 1's 105: 13% traineeships, 22% fixed-term, 9% permanent; 1 to 7 months")
    func reemployment() throws {
        let (markdown, summary) = try report(by: "programme")
        let phase1 = level(summary, "phase 1")?["reemployment"] as? [String: Any]
        #expect(phase1?["employed"] as? Int == 46)
        #expect(phase1?["n"] as? Int == 105)
        let rate = phase1?["rate"] as? Double ?? 0
        #expect((rate * 100).rounded() == 44)
        let byType = phase1?["by_type"] as? [String: Any]
        let shares = ["traineeship", "fixed_term", "permanent"].map { ((byType?[$0] as? Double ?? 0) / 105 * 100).rounded() }
        #expect(shares == [13, 22, 9])
        let months = (summary["reemployment"] as? [String: Any])?["months_group_end_to_job"] as? [String: Any]
        #expect((months?["min"] as? Double ?? 0).rounded() == 1)
        #expect((months?["max"] as? Double ?? 0).rounded() == 7)
        #expect(
            markdown.contains(
                "shortest (people of ended groups who found work after the end: 46) | months |                                      1.0 |"))
        #expect(
            markdown.contains(
                "longest (people of ended groups who found work after the end: 46)  | months |                                      7.0 |"))
        #expect(
            markdown.contains(
                "| phase 1 |      105 |       76 |                 105 |     72.4% | 63.2% – 80.0% |          46 |         43.8% |"))
    }

    @Test("of the 35 with a support pact, 51.4% (18) had a work experience")
    func supportPact() throws {
        let (markdown, summary) = try report(by: "service:support_pact")
        let yes = level(summary, "yes")?["reemployment"] as? [String: Any]
        #expect(yes?["employed"] as? Int == 18)
        #expect(yes?["n"] as? Int == 35)
        #expect(
            markdown.contains(
                "| yes   |       35 |       25 |                  35 |     71.4% | 54.9% – 83.7% |          18 |         51.4% |"))
    }
}
