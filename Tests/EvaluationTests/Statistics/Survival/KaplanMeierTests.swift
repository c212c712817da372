import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Kaplan–Meier against R's `survfit`; see Fixtures/survival-kaplan-meier/generate.R.
@Suite("Kaplan–Meier")
struct KaplanMeierTests {
    struct Expected: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        struct Input: Decodable {
            let time: [Double]
            let event: [Int]
        }
        struct Summary: Decodable {
            let time: [Double]
            let surv: [Double]
            let std_err: [RNumber]
            let lower: [RNumber]
            let upper: [RNumber]
            let n_risk: [Int]
            let n_event: [Int]
            let n_censor: [Int]
        }
        let name: String
        let input: Input
        let time: [Double]
        let n_risk: [Int]
        let n_event: [Int]
        let n_censor: [Int]
        let surv: [Double]
        let std_err: [RNumber]
        let lower: [RNumber]
        let upper: [RNumber]
        let print_median: [RNumber]
        let quantile_probs: [Double]
        let quantile: [RNumber]
        let quantile_lower: [RNumber]
        let quantile_upper: [RNumber]
        let at_times: [Double]
        let summary: Summary

        var testDescription: String { name }

        func fit() throws -> KaplanMeierFit {
            try KaplanMeier(time: input.time, event: input.event.map { $0 == 1 }).fit()
        }
    }

    static let cases: [Case] = (try? Fixture.json(Expected.self, "survival-kaplan-meier").cases) ?? []

    @Test("the fixture loads every case")
    func fixtureLoads() {
        #expect(Self.cases.count == 11)
    }

    @Test("curve, counts, Greenwood SE and log CI match survfit", arguments: cases)
    func curve(_ c: Case) throws {
        let fit = try c.fit()
        #expect(fit.time == c.time)
        #expect(fit.atRisk == c.n_risk)
        #expect(fit.events == c.n_event)
        #expect(fit.censored == c.n_censor)
        expectClose(fit.survival, c.surv, rtol: 1e-12, "surv")
        expectClose(fit.logStandardError.map { Optional($0) }, c.std_err.values, rtol: 1e-12, "std.err")
        expectClose(fit.lower, c.lower.values, rtol: 1e-12, "lower")
        expectClose(fit.upper, c.upper.values, rtol: 1e-12, "upper")
    }

    @Test("median and its limits match print(survfit)", arguments: cases)
    func median(_ c: Case) throws {
        let median = try c.fit().median
        let expected = c.print_median.values
        expectClose(median.estimate, expected[0], rtol: 1e-12, "median")
        expectClose(median.lower, expected[1], rtol: 1e-12, "LCL")
        expectClose(median.upper, expected[2], rtol: 1e-12, "UCL")
    }

    @Test("quantiles and their limits match quantile.survfit", arguments: cases)
    func quantiles(_ c: Case) throws {
        let fit = try c.fit()
        for (k, p) in c.quantile_probs.enumerated() {
            let q = fit.quantile(p)
            expectClose(q.estimate, c.quantile[k].value, rtol: 1e-12, "q\(p)")
            expectClose(q.lower, c.quantile_lower[k].value, rtol: 1e-12, "q\(p) lower")
            expectClose(q.upper, c.quantile_upper[k].value, rtol: 1e-12, "q\(p) upper")
        }
    }

    @Test("survival at given times matches summary(fit, times =)", arguments: cases)
    func atTimes(_ c: Case) throws {
        let fit = try c.fit()
        let read = fit.survival(at: c.at_times)
        let present = read.compactMap { $0 }
        // R drops the times beyond the last observed time; we return nil there.
        #expect(present.map(\.time) == c.summary.time)
        #expect(read.count == c.at_times.count)
        for (t, r) in zip(c.at_times, read) where r == nil {
            #expect(t > (fit.time.last ?? 0))
        }
        expectClose(present.map(\.survival), c.summary.surv, rtol: 1e-12, "surv")
        expectClose(present.map { Optional($0.standardError) }, c.summary.std_err.values, rtol: 1e-12, "std.err")
        expectClose(present.map(\.lower), c.summary.lower.values, rtol: 1e-12, "lower")
        expectClose(present.map(\.upper), c.summary.upper.values, rtol: 1e-12, "upper")
        #expect(present.map(\.atRisk) == c.summary.n_risk)
        let events = zip(present.map(\.cumulativeEvents), [0] + present.map(\.cumulativeEvents)).map { $0 - $1 }
        let censored = zip(present.map(\.cumulativeCensored), [0] + present.map(\.cumulativeCensored)).map { $0 - $1 }
        #expect(events == c.summary.n_event)
        #expect(censored == c.summary.n_censor)
    }

    @Test("the step curve starts at (0, 1), drops at each event time and ends at the last time")
    func stepCurve() throws {
        let fit = try KaplanMeier(time: [1, 2, 2, 3, 4], event: [true, true, false, false, true]).fit()
        let points = fit.stepCurve()
        #expect(points.map(\.time) == [0, 1, 1, 2, 2, 4, 4])
        expectClose(points.map(\.survival), [1, 1, 0.8, 0.8, 0.6, 0.6, 0], rtol: 1e-14)
        #expect(points.last?.lower == nil && points.last?.upper == nil)
        #expect(fit.censoringTimes == [2, 3])
    }

    @Test("a curve whose first time is 0 starts at its value at 0")
    func stepCurveFromZero() throws {
        let fit = try KaplanMeier(time: [0, 0, 2, 3], event: [true, false, false, false]).fit()
        let points = fit.stepCurve()
        #expect(points.map(\.time) == [0, 3])
        expectClose(points.map(\.survival), [0.75, 0.75], rtol: 1e-14)
    }

    @Test("invalid input throws instead of producing a curve")
    func invalidInput() {
        #expect(throws: SurvivalError.noObservations) { try KaplanMeier(time: [], event: []) }
        #expect(throws: SurvivalError.invalidTime(index: 1, value: -1)) {
            try KaplanMeier(time: [1, -1], event: [true, true])
        }
        #expect(throws: SurvivalError.self) { try KaplanMeier(time: [1, .nan], event: [true, true]) }
        #expect(throws: SurvivalError.self) { try KaplanMeier(time: [1], event: [true, false]) }
        #expect(throws: SurvivalError.invalidConfidenceLevel(1)) {
            try KaplanMeier(time: [1], event: [true], confidenceLevel: 1)
        }
    }

    @Test("a 90% level narrows the interval as qnorm(0.95) says")
    func otherLevel() throws {
        // survfit(Surv(1:5, rep(1, 5)) ~ 1, conf.int = 0.9)$lower[1] = 0.55380424469445766
        let fit = try KaplanMeier(time: [1, 2, 3, 4, 5], event: Array(repeating: true, count: 5), confidenceLevel: 0.9).fit()
        let se = (1.0 / 20).squareRoot()
        expectClose(fit.lower[0], 0.55380424469445766, rtol: 1e-12)
        expectClose(fit.lower[0], 0.8 * exp(-1.6448536269514722 * se), rtol: 1e-12)
    }
}
