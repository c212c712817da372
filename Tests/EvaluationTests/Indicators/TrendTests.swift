import Evaluation
import Foundation
import Testing

@testable import Indicators

/// The trend by quarter is computed in one pass (METHODS §6 "Trend"); here each
/// quarter is recomputed the plain way, from the indicators' own definitions at
/// its end, and the two must agree on every count.
@Suite("Trend by quarter equals the indicators at each quarter end")
struct TrendTests {
    static func configurations() -> [(String, ProjectConfiguration)] {
        var inclusive = ProjectConfiguration()
        inclusive.retentionInclusive = true
        var window = ProjectConfiguration()
        window.windowDays = 180
        window.reemploymentEvents = [.permanent, .fixedTerm]
        return [("default", ProjectConfiguration()), ("inclusive", inclusive), ("window 180 days, two types", window)]
    }

    @Test(
        "demo and generated programmes, several periods and configurations",
        arguments: ["demo", "larger"], ["2014", "2015", "2016", "2015Q3"])
    func matchesDefinitions(programme name: String, period label: String) throws {
        let snapshot = try DisclosureAttackTests.programme(name).snapshot
        let period = try #require(Period(parsing: label))
        for (configurationName, configuration) in Self.configurations() {
            let trend = Trend(snapshot: snapshot, period: period, configuration: configuration)
            let ends = Trend.quarterEnds(from: period.from, to: period.to)
            if ends.count < 1 || label.contains("Q") {
                #expect(trend == nil, "\(configurationName): a period within one quarter has no trend")
                continue
            }
            let quarters = try #require(trend?.quarters)
            try #require(quarters.count == ends.count)
            for (quarter, end) in zip(quarters, ends) {
                let cohort = Cohort(snapshot: snapshot, to: end).members
                let retention = Retention(
                    attendance: AttendanceRecord.compute(snapshot: snapshot, members: cohort, to: end),
                    threshold: configuration.retentionThreshold, inclusive: configuration.retentionInclusive)
                let work = Reemployment(snapshot: snapshot, members: cohort, to: end, configuration: configuration)
                let reach = Self.reach(snapshot, quarter.period)
                let context = "\(name) \(label) \(configurationName) \(quarter.period.label)"
                #expect(quarter.cohort == cohort.count, "\(context)")
                #expect(quarter.retention == retention.rate, "\(context)")
                #expect(quarter.reemployment == work.rate, "\(context)")
                #expect(quarter.meetingsHeld == reach.meetings, "\(context)")
                #expect(quarter.attendedOnce == reach.attended, "\(context)")
                #expect(quarter.cohort > 0 || name == "demo", "\(context): a generated programme enrols every quarter")
            }
        }
    }

    /// Meetings held in the period and people present at one of them, from METHODS §4 "Reach" literally.
    static func reach(_ s: ProgrammeSnapshot, _ period: Period) -> (meetings: Int, attended: Int) {
        let held = s.sessions.filter { $0.held && $0.date.map(period.contains) == true }
        let keys = Set(held.map { "\($0.group)/\($0.number)" })
        let attended = Set(s.marks.filter { $0.present && keys.contains("\($0.group)/\($0.session)") }.map(\.participant))
        return (held.count, attended.count)
    }
}
