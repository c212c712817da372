import Evaluation
import Foundation
import Testing

@testable import Report

/// The key figures' two columns (METHODS §9 *Period and cohort*): what happened in the
/// period itself and since the start, worked out by hand on the four-person programme
/// of `IndicatorUnitTests`; the column of a year earlier against that year's own report.
@Suite("Report unit: the key figures in the period and since the start")
struct KeyFigureColumnsUnitTests {
    static func summary(_ period: String, suppress: Bool = false, snapshot: ProgrammeSnapshot? = nil) throws -> [String: Any] {
        let snapshot = try snapshot ?? IndicatorUnitTests.programme().store.snapshot()
        let report = FunderReport(period: try #require(Period(parsing: period)), configuration: ProjectConfiguration(), suppress: suppress)
        let data = try #require(try report.files(from: snapshot).first { $0.0 == "summary.json" }?.1)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func activity(_ period: String, suppress: Bool = false) throws -> [String: Any] {
        try #require(try summary(period, suppress: suppress)["period_activity"] as? [String: Any])
    }

    @Test("since the start: everyone enrolled by the period's end, every meeting and first job up to it")
    func sinceStart() throws {
        // By the end of the 2nd quarter nothing new happened: the cohort column is still
        // the 1st quarter's four people, three attending, five meetings, two first jobs, P2's 500.
        let json = try Self.summary("2016Q2")
        let cohort = try #require(json["cohort"] as? [String: Any])
        // The records begin with P4's workshop of 1 December 2015, before anyone enrolled.
        #expect(cohort["from"] as? String == "2015-12-01" && cohort["to"] as? String == "2016-06-30")
        #expect(cohort["enrolled"] as? Int == 4 && cohort["attended_once"] as? Int == 3 && cohort["meetings_held"] as? Int == 5)
        #expect(cohort["first_jobs"] as? Int == 2 && cohort["spend"] as? Double == 500)
        // The 2nd quarter of 2015 is before the records begin: no column of a year earlier.
        let activity = try #require(json["period_activity"] as? [String: Any])
        #expect(activity["year_earlier"] is NSNull)
    }

    @Test("the demo: a year earlier is that year's own period column, and the parts add up to since the start")
    func demoYearEarlier() throws {
        let snapshot = try DisclosureAttackTests.programme("demo").snapshot
        let y2016 = try #require(try Self.summary("2016", snapshot: snapshot)["period_activity"] as? [String: Any])
        let y2015 = try #require(try Self.summary("2015", snapshot: snapshot)["period_activity"] as? [String: Any])
        let earlier = try #require(y2016["year_earlier"] as? [String: Any])
        for key in ["from", "to", "enrolled", "attended_once", "meetings_held", "first_jobs", "spend"] {
            #expect("\(earlier[key] ?? "nil")" == "\(y2015[key] ?? "nil")", "\(key)")
        }
        // Since the start = the sum of every year's own column (the demo runs 2013–2016).
        let cohort = try #require(try Self.summary("2016", snapshot: snapshot)["cohort"] as? [String: Any])
        var enrolled = 0
        var meetings = 0
        for year in ["2013", "2014", "2015", "2016"] {
            let a = try #require(try Self.summary(year, snapshot: snapshot)["period_activity"] as? [String: Any])
            enrolled += a["enrolled"] as? Int ?? 0
            meetings += a["meetings_held"] as? Int ?? 0
        }
        #expect(cohort["enrolled"] as? Int == enrolled && cohort["meetings_held"] as? Int == meetings)
    }

    @Test("enrolled, attending, meetings held, first jobs and service spend of the period, not of the cohort")
    func quarters() throws {
        // 1st quarter: all four enrolled on 5 Jan; P1, P2, P3 attend; G1 holds 3 meetings and G2 2
        // (26 Jan cancelled); P3's first job is on 20 Jan and P1's on 1 Mar; the only amount is P2's 500.
        let q1 = try Self.activity("2016Q1")
        #expect(q1["enrolled"] as? Int == 4 && q1["attended_once"] as? Int == 3 && q1["meetings_held"] as? Int == 5)
        #expect(q1["first_jobs"] as? Int == 2)
        #expect(q1["spend"] as? Double == 500)
        // The 2nd quarter has none of it, though the cohort (everyone since the start) is still 4.
        let q2 = try Self.activity("2016Q2")
        #expect(q2["enrolled"] as? Int == 0 && q2["attended_once"] as? Int == 0 && q2["meetings_held"] as? Int == 0)
        #expect(q2["first_jobs"] as? Int == 0)
        #expect(q2["spend"] as? Double == 0)  // no amount dated in it: nothing spent
    }

    @Test("counts of people under disclosure control like every other count")
    func suppressed() throws {
        let q1 = try Self.activity("2016Q1", suppress: true)
        #expect(q1["enrolled"] is NSNull && q1["first_jobs"] is NSNull)
        #expect(q1["meetings_held"] as? Int == 5)  // meetings are not people
        #expect(q1["spend"] is NSNull)  // over one person
    }
}
