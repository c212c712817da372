import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("t tests against R")
struct TTestTests {
    struct Expected: Decodable {
        let paired: [Paired]
        let welch: [Welch]
        let oneSample: [OneSample]

        enum CodingKeys: String, CodingKey {
            case paired, welch
            case oneSample = "one_sample"
        }
    }

    struct Reference: Decodable {
        let estimate: Double
        let t: Double
        let df: Double
        let p: Double
        let lower: Double
        let upper: Double
        let stderr: Double
    }

    struct Paired: Decodable {
        let name: String
        let baseline: [Double]
        let end: [Double]
        let level: Double
        let result: Reference
    }

    struct Welch: Decodable {
        let name: String
        let a: [Double]
        let b: [Double]
        let level: Double
        let result: Reference
    }

    struct OneSample: Decodable {
        let name: String
        let x: [Double]
        let mu: Double
        let level: Double
        let result: Reference
    }

    static let expected = Result { try Fixture.json(Expected.self, "basic-t-tests") }

    static func check(
        _ inference: TTestInference?, estimate: Double?, against r: Reference, _ name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let inference else {
            Issue.record("\(name): no inference", sourceLocation: sourceLocation)
            return
        }
        expectClose(estimate, r.estimate, rtol: 1e-12, "\(name) estimate", sourceLocation: sourceLocation)
        expectClose(inference.t, r.t, rtol: 1e-11, "\(name) t", sourceLocation: sourceLocation)
        expectClose(inference.degreesOfFreedom, r.df, rtol: 1e-12, "\(name) df", sourceLocation: sourceLocation)
        expectClose(inference.standardError, r.stderr, rtol: 1e-12, "\(name) se", sourceLocation: sourceLocation)
        expectClose(inference.p, r.p, rtol: 1e-10, "\(name) p", sourceLocation: sourceLocation)
        expectClose(inference.confidenceInterval.lower, r.lower, rtol: 1e-11, "\(name) lower", sourceLocation: sourceLocation)
        expectClose(inference.confidenceInterval.upper, r.upper, rtol: 1e-11, "\(name) upper", sourceLocation: sourceLocation)
    }

    @Test("paired t matches t.test(end, baseline, paired = TRUE) on sleep")
    func paired() throws {
        for c in try Self.expected.get().paired {
            let test = PairedTTest(baseline: c.baseline, end: c.end, level: c.level)
            #expect(test.n == c.baseline.count)
            Self.check(test.inference, estimate: test.meanChange, against: c.result, c.name)
            expectClose(test.sdChange, (test.inference?.standardError ?? .nan) * Double(test.n).squareRoot(), rtol: 1e-14)
            expectClose(test.baseline.mean, c.baseline.reduce(0, +) / Double(c.baseline.count), rtol: 1e-14)
            expectClose(test.end.mean, c.end.reduce(0, +) / Double(c.end.count), rtol: 1e-14)
        }
    }

    @Test("Welch t matches t.test(a, b) on sleep, ToothGrowth and mtcars")
    func welch() throws {
        let cases = try Self.expected.get().welch
        #expect(cases.count == 6)
        for c in cases {
            let test = WelchTTest(c.a, c.b, level: c.level)
            Self.check(test.inference, estimate: test.estimate, against: c.result, c.name)
        }
    }

    @Test("one-sample t matches t.test(x, mu = μ₀) on precip, women and the sleep changes")
    func oneSample() throws {
        for c in try Self.expected.get().oneSample {
            let test = OneSampleTTest(c.x, nullValue: c.mu, level: c.level)
            Self.check(test.inference, estimate: test.mean, against: c.result, c.name)
        }
    }

    @Test("the paired test is the one-sample test of the changes")
    func pairedIsOneSample() throws {
        let c = try #require(try Self.expected.get().paired.first)
        let paired = PairedTTest(baseline: c.baseline, end: c.end)
        let one = OneSampleTTest(zip(c.baseline, c.end).map { $0.1 - $0.0 })
        #expect(paired.inference == one.inference)
    }

    @Test("n = 0 and n = 1 give no test, with the reason; the mean is kept for n = 1")
    func tooFew() {
        let none = OneSampleTTest([])
        #expect(none.mean == nil && none.inference == nil)
        #expect(none.unavailableReason == .tooFewObservations(required: 2, available: 0))
        let one = PairedTTest(baseline: [3], end: [5])
        #expect(one.meanChange == 2 && one.sdChange == nil && one.inference == nil)
        #expect(one.unavailableReason == .tooFewObservations(required: 2, available: 1))
        let welch = WelchTTest([1, 2, 3], [4])
        #expect(welch.inference == nil && welch.p == nil)
        expectClose(welch.estimate, -2, rtol: 1e-15)
        #expect(welch.unavailableReason == .tooFewObservations(required: 2, available: 1))
    }

    @Test("constant data give no test (R: data are essentially constant)")
    func constant() {
        let sameChange = PairedTTest(baseline: [10, 12, 15], end: [13, 15, 18])
        #expect(sameChange.meanChange == 3 && sameChange.sdChange == 0)
        #expect(sameChange.inference == nil && sameChange.unavailableReason == .constantData)
        let zeros = PairedTTest(baseline: [1, 2], end: [1, 2])
        #expect(zeros.inference == nil && zeros.unavailableReason == .constantData)
        let welch = WelchTTest([4, 4, 4], [7, 7])
        #expect(welch.inference == nil && welch.unavailableReason == .constantData)
        #expect(OneSampleTTest([0.1, 0.1 + 1e-17, 0.1]).inference == nil)
    }

    @Test("pairs with a missing value on either side are dropped")
    func missing() throws {
        let c = try #require(try Self.expected.get().paired.first)
        let full = PairedTTest(baseline: c.baseline + [.nan, 4], end: c.end + [2, .nan])
        #expect(full.n == c.baseline.count)
        #expect(full.inference == PairedTTest(baseline: c.baseline, end: c.end).inference)
    }
}
