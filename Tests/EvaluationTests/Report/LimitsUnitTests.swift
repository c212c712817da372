import Evaluation
import Foundation
import Testing

@testable import Report

/// What the figures cannot show (METHODS §9 *Limits box*), read against the rest of the
/// same summary.json: the people with both questionnaires are the wellbeing table's
/// pairs, their share is over everyone enrolled, and the sources of the first jobs add
/// up to the re-employed.
@Suite("Report unit: limits")
struct LimitsUnitTests {
    @Test("the demo 2016: pairs and their share, the change at follow-up, job sources adding up to the re-employed")
    func demo() throws {
        let snapshot = try DisclosureAttackTests.programme("demo").snapshot
        let report = FunderReport(period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration(), suppress: false)
        let files = try report.files(from: snapshot)
        let data = try #require(files.first { $0.0 == "summary.json" }?.1)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let limits = try #require(json["limits"] as? [String: Any])
        #expect(limits["comparison_group"] as? Bool == false)
        let wellbeing = try #require(json["wellbeing"] as? [[String: Any]])
        let enrolled = try #require((json["reemployment"] as? [String: Any])?["n"] as? Int)
        for item in try #require(limits["questionnaires"] as? [[String: Any]]) {
            let id = try #require(item["instrument"] as? String)
            let end = try #require(wellbeing.first { $0["instrument"] as? String == id && $0["wave"] as? String == "end" })
            let followup = wellbeing.first { $0["instrument"] as? String == id && $0["wave"] as? String == "followup" }
            #expect(item["with_both"] as? Int == end["n_pairs"] as? Int)
            #expect(abs((item["share_of_enrolled"] as? Double ?? -1) - Double(end["n_pairs"] as? Int ?? 0) / Double(enrolled)) < 1e-12)
            #expect(item["mean_change_end"] as? Double == end["mean_change"] as? Double)
            #expect(item["mean_change_followup"] as? Double == followup?["mean_change"] as? Double)
        }
        let sources = try #require(limits["job_sources"] as? [[String: Any]])
        let employed = try #require((json["reemployment"] as? [String: Any])?["employed"] as? Int)
        #expect(sources.compactMap { $0["people"] as? Int }.reduce(0, +) == employed)
        let markdown = String(decoding: try #require(files.first { $0.0 == "report.md" }?.1), as: UTF8.self)
        #expect(markdown.contains("### What these figures cannot show"))
        #expect(markdown.contains("There is no comparison group"))
    }
}
