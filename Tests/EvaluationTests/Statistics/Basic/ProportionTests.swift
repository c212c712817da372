import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Proportions against R")
struct ProportionTests {
    struct Expected: Decodable {
        let proportions: [Case]
        let differences: [Difference]
    }

    struct Case: Decodable, CustomTestStringConvertible {
        let successes: Int
        let trials: Int
        let level: Double
        let wilsonLower: Double
        let wilsonUpper: Double
        let clopperLower: Double
        let clopperUpper: Double

        enum CodingKeys: String, CodingKey {
            case successes, trials, level
            case wilsonLower = "wilson_lower", wilsonUpper = "wilson_upper"
            case clopperLower = "clopper_lower", clopperUpper = "clopper_upper"
        }

        var testDescription: String { "\(successes)/\(trials) at \(level)" }
    }

    struct Difference: Decodable {
        let comparisonSuccesses: Int
        let comparisonTrials: Int
        let referenceSuccesses: Int
        let referenceTrials: Int
        let level: Double
        let estimate: Double
        let lower: Double
        let upper: Double
        let publishedLower: Double?
        let publishedUpper: Double?

        enum CodingKeys: String, CodingKey {
            case comparisonSuccesses = "comparison_successes", comparisonTrials = "comparison_trials"
            case referenceSuccesses = "reference_successes", referenceTrials = "reference_trials"
            case level, estimate, lower, upper
            case publishedLower = "published_lower", publishedUpper = "published_upper"
        }
    }

    static let expected = Result { try Fixture.json(Expected.self, "basic-proportions") }

    @Test("Wilson interval matches prop.test(correct = FALSE) on a grid including 0/n and n/n")
    func wilson() throws {
        let cases = try Self.expected.get().proportions
        #expect(cases.count == 94)
        for c in cases {
            let interval = try #require(Proportion(successes: c.successes, trials: c.trials)?.wilsonInterval(level: c.level))
            expectClose(interval.lower, c.wilsonLower, rtol: 1e-12, atol: 1e-15, "\(c.testDescription) lower")
            expectClose(interval.upper, c.wilsonUpper, rtol: 1e-12, "\(c.testDescription) upper")
            #expect(interval.level == c.level)
        }
    }

    @Test("Clopper–Pearson interval matches binom.test on the same grid")
    func clopperPearson() throws {
        for c in try Self.expected.get().proportions {
            let interval = try #require(
                Proportion(successes: c.successes, trials: c.trials)?.clopperPearsonInterval(level: c.level))
            expectClose(interval.lower, c.clopperLower, rtol: 1e-10, "\(c.testDescription) lower")
            expectClose(interval.upper, c.clopperUpper, rtol: 1e-10, "\(c.testDescription) upper")
        }
    }

    @Test("the limits are exactly 0 at x = 0 and exactly 1 at x = n")
    func boundaries() throws {
        let none = try #require(Proportion(successes: 0, trials: 137))
        let all = try #require(Proportion(successes: 137, trials: 137))
        #expect(none.wilsonInterval()?.lower == 0)
        #expect(none.clopperPearsonInterval()?.lower == 0)
        #expect(all.wilsonInterval()?.upper == 1)
        #expect(all.clopperPearsonInterval()?.upper == 1)
        #expect((none.wilsonInterval()?.upper ?? 0) > 0)
        #expect((all.clopperPearsonInterval()?.lower ?? 1) < 1)
    }

    @Test("n = 0 has no estimate and no interval; impossible counts are refused")
    func empty() throws {
        let empty = try #require(Proportion(successes: 0, trials: 0))
        #expect(empty.estimate == nil)
        #expect(empty.wilsonInterval() == nil)
        #expect(empty.clopperPearsonInterval() == nil)
        #expect(Proportion(successes: 3, trials: 2) == nil)
        #expect(Proportion(successes: -1, trials: 2) == nil)
        let some = try #require(Proportion(successes: 99, trials: 137))
        #expect(some.wilsonInterval(level: 1) == nil)
        #expect(some.clopperPearsonInterval(level: 0) == nil)
        #expect(RiskDifference(comparison: some, reference: empty).newcombeInterval() == nil)
        #expect(RiskDifference(comparison: some, reference: empty).estimate == nil)
    }

    @Test("Newcombe's hybrid score interval reproduces Newcombe (1998) Table II and the R formula")
    func newcombe() throws {
        let cases = try Self.expected.get().differences
        #expect(cases.count == 18)
        for c in cases {
            let comparison = try #require(Proportion(successes: c.comparisonSuccesses, trials: c.comparisonTrials))
            let reference = try #require(Proportion(successes: c.referenceSuccesses, trials: c.referenceTrials))
            let difference = RiskDifference(comparison: comparison, reference: reference)
            let interval = try #require(difference.newcombeInterval(level: c.level))
            let label = "\(c.comparisonSuccesses)/\(c.comparisonTrials) − \(c.referenceSuccesses)/\(c.referenceTrials)"
            expectClose(difference.estimate, c.estimate, rtol: 1e-14, atol: 1e-15, label)
            expectClose(interval.lower, c.lower, rtol: 1e-12, atol: 1e-14, "\(label) lower")
            expectClose(interval.upper, c.upper, rtol: 1e-12, atol: 1e-14, "\(label) upper")
            if let published = c.publishedLower, let publishedUpper = c.publishedUpper {
                expectClose((interval.lower * 1e4).rounded() / 1e4, published, atol: 1e-12, "\(label) published")
                expectClose((interval.upper * 1e4).rounded() / 1e4, publishedUpper, atol: 1e-12, "\(label) published")
            }
        }
    }

    @Test("Newcombe's worked example: 56/70 vs 48/80 gives 0.0524 to 0.3339")
    func workedExample() throws {
        let difference = RiskDifference(
            comparison: try #require(Proportion(successes: 56, trials: 70)),
            reference: try #require(Proportion(successes: 48, trials: 80)))
        let interval = try #require(difference.newcombeInterval())
        expectClose(difference.estimate, 0.2, rtol: 1e-14)
        #expect(abs(interval.lower - 0.0524) < 5e-5)
        #expect(abs(interval.upper - 0.3339) < 5e-5)
        let reversed = RiskDifference(comparison: difference.reference, reference: difference.comparison)
        let mirrored = try #require(reversed.newcombeInterval())
        expectClose(mirrored.lower, -interval.upper, rtol: 1e-14)
        expectClose(mirrored.upper, -interval.lower, rtol: 1e-14)
    }
}
