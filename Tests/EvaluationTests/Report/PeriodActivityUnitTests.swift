import Evaluation
import Foundation
import Testing

@testable import Report

/// What happened in the period itself (METHODS §9 *Period and cohort*), worked out
/// by hand on the four-person programme of `IndicatorUnitTests`.
@Suite("Report unit: the period's activity")
struct PeriodActivityUnitTests {
    static func activity(_ period: String, suppress: Bool = false) throws -> [String: Any] {
        let snapshot = try IndicatorUnitTests.programme().store.snapshot()
        let report = FunderReport(period: try #require(Period(parsing: period)), configuration: ProjectConfiguration(), suppress: suppress)
        let data = try #require(try report.files(from: snapshot).first { $0.0 == "summary.json" }?.1)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["period_activity"] as? [String: Any])
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
        #expect(q2["spend"] is NSNull)
    }

    @Test("counts of people under disclosure control like every other count")
    func suppressed() throws {
        let q1 = try Self.activity("2016Q1", suppress: true)
        #expect(q1["enrolled"] is NSNull && q1["first_jobs"] is NSNull)
        #expect(q1["meetings_held"] as? Int == 5)  // meetings are not people
        #expect(q1["spend"] is NSNull)  // over one person
    }
}
