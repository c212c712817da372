import Evaluation
import Foundation
import Testing

@testable import Indicators

/// Continuous attributes given to `--by` are banded (METHODS §9): age in four named
/// bands, another numeric attribute with many values by its quartiles; the bands in
/// their natural order.
@Suite("Banded --by attributes")
struct BandedAttributeTests {
    @Test("age bands: <30, 30–39, 40–49, ≥50, in that order, for report --by and compare --by on the demo")
    func ageBands() throws {
        let snapshot = try DisclosureAttackTests.programme("demo").snapshot
        let to = try #require(CalendarDate(iso8601: "2016-12-31"))
        let comparison = try Comparison(snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: "età")
        #expect(comparison.levels == ["<30", "30–39", "40–49", "≥50"])
        let period = try #require(Period(parsing: "2016"))
        let subgroups = try Subgroups(snapshot: snapshot, period: period, configuration: ProjectConfiguration(), attribute: "age")
        #expect(subgroups.levels.map(\.level) == ["<30", "30–39", "40–49", "≥50"])
        // Every enrolled person is in one band: the bands add up to the cohort (160).
        #expect(subgroups.levels.map { $0.evaluation.cohort.count }.reduce(0, +) == 160)
    }

    @Test("band labels sort by their lower end; quartile bands as R's quantile type 7")
    func order() {
        #expect(Levels.sorted(["≥50", "30–39", "<30", "40–49"]) == ["<30", "30–39", "40–49", "≥50"])
        #expect(
            Levels.sorted([">7.5", "≤2.25", "2.25–5", "5–7.5", Levels.missing]) == ["≤2.25", "2.25–5", "5–7.5", ">7.5", Levels.missing])
        // 1…30 (more values than --by takes): quantile(type 7) gives 8.25, 15.5, 22.75.
        let attributes = ParticipantAttributes(values: ["score": (1...30).map { String($0) } + [nil]])
        let banded = attributes.banded("score")
        #expect(banded.values["score"]?.compactMap { $0 }.count == 30 && banded.values["score"]?.last == .some(nil))
        #expect(Set(banded.values["score"]?.compactMap { $0 } ?? []) == ["≤8.25", "8.25–15.5", "15.5–22.75", ">22.75"])
        #expect(banded.values["score"]?.first == "≤8.25" && banded.values["score"]?[29] == ">22.75")
        // Few distinct numbers (children 0–3) stay as they are.
        let few = ParticipantAttributes(values: ["children": ["0", "1", "2", "3", "1"]])
        #expect(few.banded("children").values["children"] == ["0", "1", "2", "3", "1"])
    }
}
