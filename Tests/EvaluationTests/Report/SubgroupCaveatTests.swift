import Evaluation
import Foundation
import Testing

@testable import Report

/// `report --by` carries compare's caveats (METHODS §9): what its intervals ignore, the
/// groups behind each level of a group attribute, and what confounds it.
@Suite("report --by caveats")
struct SubgroupCaveatTests {
    static func markdown(_ by: String, language: ReportLanguage = .en) throws -> String {
        let snapshot = try DisclosureAttackTests.programme("demo").snapshot
        let report = FunderReport(
            period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration(), language: language, suppress: true,
            by: by)
        return String(decoding: try #require(try report.files(from: snapshot).first { $0.0 == "report.md" }?.1), as: UTF8.self)
    }

    @Test("composition: groups per level and site as a confounder, in both languages")
    func composition() throws {
        let english = try Self.markdown("composition")
        #expect(english.contains("Groups per level: heterogeneous: 5, homogeneous: 7."))
        #expect(english.contains("Confounding at group level: site (groups table) nearly determines group composition"))
        let italian = try Self.markdown("composition", language: .it)
        #expect(italian.contains("La composizione del gruppo") || italian.contains("la composizione del gruppo è uguale"))
        #expect(italian.contains("Gruppi per modalità: eterogeneo: 5, omogeneo: 7."))
        #expect(italian.contains("la sede (dalla tabella dei gruppi) determina quasi del tutto la composizione del gruppo"))
    }

    @Test("a participant attribute: the intervals ignore the groups and adjust for nothing; no group counts")
    func participantAttribute() throws {
        let text = try Self.markdown("sex")
        #expect(text.contains("treat people as independent") && text.contains("adjust for nothing"))
        #expect(!text.contains("Groups per level"))
    }
}
