import Evaluation
import Foundation
import Testing

@testable import Indicators

/// Jobs that last against R (Fixtures/jobs-that-last: `generate.R` computes every
/// figure from the written definitions with its own code, and the first period in work
/// with `survival::survfit`), on the demo and on a generated programme of 300, 2016.
@Suite("Jobs that last, against R")
struct JobsThatLastReferenceTests {
    static func jobs(_ snapshot: ProgrammeSnapshot) throws -> JobsThatLast {
        let period = try #require(Period(parsing: "2016"))
        return ProgrammeEvaluation(snapshot: snapshot, period: period, configuration: ProjectConfiguration()).jobs
    }

    static func snapshot(_ name: String) throws -> ProgrammeSnapshot {
        if name == "demo" { return try DisclosureAttackTests.programme("demo").snapshot }
        let folder = try Fixture.url("jobs-that-last", "programme")
        return try DisclosureAttackTests.Programme(folder: folder).snapshot
    }

    static func close(_ a: Double?, _ b: Any?, tolerance: Double = 1e-10) -> Bool {
        guard let b = b as? Double else { return a == nil && (b == nil || b is NSNull) }
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("every rate, day count and the first period's survfit, to 1e-10", arguments: ["demo", "generated"])
    func matchesR(name: String) throws {
        let data = try Fixture.data("jobs-that-last", "expected.json")
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(root[name] as? [String: Any])
        let r = try #require(expected["jobs"] as? [String: Any])
        let j = try Self.jobs(try Self.snapshot(name))
        #expect(j.reemployed == expected["reemployed"] as? Int)

        var rates: [(String, JobsThatLast.ObservedRate?)] = []
        for c in JobsThatLast.checkpoints {
            rates += [("in_work_at_\(c.months)m", j.inWorkAt[c.months]), ("continuous_\(c.months)m", j.continuous[c.months])]
        }
        rates += [("in_work_6m_after_leaving", j.inWorkSixMonthsAfterLeaving), ("moved_to_permanent", j.movedToPermanent)]
        for (key, mine) in rates {
            let theirs = try #require(r[key] as? [String: Any], "\(key)")
            let rate = try #require(mine, "\(key)").rate
            #expect(rate.numerator == theirs["numerator"] as? Int, "\(name) \(key) numerator")
            #expect(rate.denominator == theirs["denominator"] as? Int, "\(name) \(key) denominator")
            #expect(mine?.lost == theirs["lost"] as? Int, "\(name) \(key) lost")
            #expect(Self.close(rate.value, theirs["rate"]), "\(name) \(key) rate")
            #expect(Self.close(rate.interval?.lower, theirs["ci_low"]), "\(name) \(key) ci_low")
            #expect(Self.close(rate.interval?.upper, theirs["ci_high"]), "\(name) \(key) ci_high")
            #expect(Self.close(mine?.rateIfAllLostEmployed, theirs["rate_if_all_lost_employed"]), "\(name) \(key) bound")
        }
        for n in JobsThatLast.windowsAfterLeaving {
            let theirs = try #require(r["days_in_work_\(n)_after_leaving"] as? [String: Any])
            let mine = j.daysInWorkAfterLeaving[n]
            #expect(mine?.days.count == theirs["n"] as? Int, "\(name) days \(n) n")
            #expect(Self.close(mine?.mean, theirs["mean"]), "\(name) days \(n) mean")
            #expect(Self.close(mine?.median, theirs["median"]), "\(name) days \(n) median")
        }

        // The first period in work: the same lengths and endings, then survfit's numbers.
        let rows = try #require(expected["first_period_data"] as? [[String: Any]])
        let snapshot = try Self.snapshot(name)
        let mine = j.firstPeriodLengths.map { "\(snapshot.participants[$0.participant].code) \($0.days) \($0.ended)" }.sorted()
        let theirs = rows.map { "\($0["participant_id"] as? String ?? "") \($0["time"] as? Int ?? -1) \(($0["event"] as? Int ?? -1) == 1)" }
            .sorted()
        #expect(mine == theirs)
        let km = try #require(r["first_period"] as? [String: Any])
        let median = j.firstPeriodMedian
        #expect(Self.close(median?.estimate, km["median"]) && Self.close(median?.lower, km["ci_low"]))
        #expect(Self.close(median?.upper, km["ci_high"]))
        let still = try #require(km["in_work_after_months"] as? [String: Any])
        for item in j.stillInFirstPeriod {
            // R extends S(t) past the last time; evalrun leaves it out there (summary(fit, times) without extend).
            guard let e = item.estimate else { continue }
            #expect(Self.close(e.survival, still[String(item.months)]), "\(name) S at \(item.months) months")
        }
    }
}
