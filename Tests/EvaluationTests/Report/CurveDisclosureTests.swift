import Evaluation
import Foundation
import Testing

@testable import Report

/// Kaplan–Meier curves under disclosure control (METHODS §9 *Kaplan–Meier*): the
/// published curve is the one of pooled counts, so every step stands for at least
/// the threshold of people, numbers at risk are multiples of the rounding base, and a
/// share by t is withheld when fewer than the threshold events lie before t.
@Suite("Disclosure: Kaplan–Meier curves")
struct CurveDisclosureTests {
    @Test("pooling: steps of at least m events, at risk in multiples of the base and never below the events of a step")
    func pooledCounts() throws {
        // 23 people: events at 1 (×1), 2 (×2), 3 (×1), 5 (×3), 6 (×1), 8 (×4); censored at 4 (×2), 7 (×6), 9 (×3).
        var time: [Double] = []
        var event: [Bool] = []
        for (t, d, c) in [(1.0, 1, 0), (2, 2, 0), (3, 1, 0), (4, 0, 2), (5, 3, 0), (6, 1, 0), (7, 0, 6), (8, 4, 0), (9, 0, 3)] {
            time += Array(repeating: t, count: d + c)
            event += Array(repeating: true, count: d) + Array(repeating: false, count: c)
        }
        let pooled = try KaplanMeier(time: time, event: event).fit().pooled(minimumEvents: 5, base: 5)
        // Cumulative events 1, 3, 4, 4, 7, 8, 8, 12 → pooled 0, 0, 0, 0, 5, 5, 5, 10: steps at 5 and 8.
        #expect(pooled.events == [0, 0, 0, 0, 5, 0, 0, 5, 0])
        // Cumulative censorings 0, 0, 0, 2, 2, 2, 8, 8, 11 → pooled 0, …, 5 at 7, 10 at 9; the start 23 → 25.
        #expect(pooled.censored == [0, 0, 0, 0, 0, 0, 5, 0, 5])
        #expect(pooled.atRisk == [25, 25, 25, 25, 25, 20, 20, 15, 10])
        #expect(pooled.atRisk.allSatisfy { $0 % 5 == 0 })
        // Ŝ of the pooled counts: (1 − 5/25) at 5, × (1 − 5/15) at 8.
        #expect(abs(pooled.survival[4] - 0.8) < 1e-15 && abs(pooled.survival[7] - 0.8 * 10 / 15) < 1e-15)
        for k in pooled.time.indices { #expect(pooled.events[k] <= pooled.atRisk[k]) }
    }

    /// The released report of `programme` for 2016, with and without suppression.
    static func evaluation(_ programme: DisclosureAttackTests.Programme) throws -> (ProgrammeEvaluation, ReleasedEvaluation) {
        let period = try #require(Period(parsing: "2016"))
        let configuration = ProjectConfiguration()
        let e = ProgrammeEvaluation(snapshot: programme.snapshot, period: period, configuration: configuration)
        return (e, ReleasedEvaluation(e, policy: Disclosure(configuration: configuration, suppress: true)))
    }

    @Test("the demo and a 25-person programme: every published step is pooled, every at-risk rounded, small shares by t withheld")
    func publishedCurves() throws {
        let tiny = try DisclosureAttackTests.Programme(participants: 25, seed: 3)
        for programme in [try DisclosureAttackTests.programme("demo"), tiny] {
            let (e, released) = try Self.evaluation(programme)
            var curves: [ReleasedCurve] = []
            if let c = released.retentionCurve { curves.append(c) }
            if let c = released.timeToJob?.curve { curves.append(c) }
            for curve in curves {
                var previous: (atRisk: Int, survival: Double)? = nil
                for row in curve.rows {
                    guard let atRisk = row.atRisk.shown, let s = row.survival.shown else { continue }
                    #expect(atRisk % 5 == 0, "at risk \(atRisk) is not rounded")
                    if let (n0, s0) = previous, s < s0 {
                        // The drop is 1 − d/n with n the people at risk at this row: d must be 5 or more.
                        let d = Double(atRisk) * (1 - s / s0)
                        #expect(d > 4.5 && abs(d - d.rounded()) < 1e-6, "a step of \(d) people (at risk \(atRisk), before \(n0))")
                    }
                    previous = (atRisk, s)
                }
            }
            for item in e.timeToJob.employedBy {
                let shown = released.timeToJob?.employedBy[item.months]?.value.shown
                if (1..<5).contains(item.eventsBefore) || (1..<5).contains(item.atRisk) {
                    #expect(shown == nil, "employed by \(item.months) months over \(item.eventsBefore) jobs is shown")
                }
            }
        }
        // The demo's 3-month share stands for 2 jobs: withheld (it was printed 1.2%).
        let demo = try Self.evaluation(try DisclosureAttackTests.programme("demo"))
        #expect(demo.0.timeToJob.employedBy.first?.eventsBefore == 2)
        #expect(demo.1.timeToJob?.employedBy[3]?.value == .confidential)
    }

    @Test("--no-suppress publishes the curve as estimated")
    func unsuppressed() throws {
        let programme = try DisclosureAttackTests.programme("demo")
        let period = try #require(Period(parsing: "2016"))
        let e = ProgrammeEvaluation(snapshot: programme.snapshot, period: period, configuration: ProjectConfiguration())
        let released = ReleasedEvaluation(e, policy: Disclosure(threshold: 0, roundingBase: 0))
        let fit = try #require(e.timeToJob.fit)
        #expect(released.timeToJob?.curve?.rows.map(\.time) == fit.time)
        #expect(released.timeToJob?.curve?.rows.map { $0.survival.shown } == fit.survival.map { Optional($0) })
    }
}
