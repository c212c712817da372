import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Binomial and signed-rank distributions against R 4.2.2
/// (`Fixtures/distributions/generate.R`), relative tolerance 1e-10.
@Suite("Distributions against R: discrete")
struct DistributionsDiscreteTests {
    @Test("binomial pmf, cdf and sf match dbinom/pbinom, n = 0 to 5000")
    func binomialProbabilities() throws {
        for row in try DistributionsReference.load().binomial {
            let binomial = Binomial(trials: Int(row.n), probability: row.prob)
            let k = Int(row.k)
            let label = "n \(Int(row.n)) π \(row.prob) k \(k)"
            expectClose(binomial.pmf(k), row.pmf, atol: subnormalTolerance, "dbinom \(label)")
            expectClose(binomial.cdf(k), row.cdf, atol: subnormalTolerance, "pbinom \(label)")
            expectClose(binomial.sf(k), row.sf, atol: subnormalTolerance, "pbinom upper \(label)")
        }
    }

    @Test("binomial quantile matches qbinom, including p = 0 and 1")
    func binomialQuantile() throws {
        for row in try DistributionsReference.load().binomialQuantile {
            let binomial = Binomial(trials: Int(row.n), probability: row.prob)
            #expect(
                binomial.quantile(row.p) == Int(row.q),
                "qbinom(\(row.p), \(Int(row.n)), \(row.prob)) = \(Int(row.q))")
        }
    }

    @Test("signed-rank pmf, cdf and sf match dsignrank/psignrank for n = 1…60, 100, 300")
    func signedRank() throws {
        for row in try DistributionsReference.load().signedRank {
            let distribution = SignedRank(n: Int(row.n))
            let v = Int(row.v)
            let label = "n \(Int(row.n)) v \(v)"
            expectClose(distribution.pmf(v), row.pmf, atol: subnormalTolerance, "dsignrank \(label)")
            expectClose(distribution.cdf(v), row.cdf, atol: subnormalTolerance, "psignrank \(label)")
            expectClose(distribution.sf(v), row.sf, atol: subnormalTolerance, "psignrank upper \(label)")
        }
    }

    @Test("signed-rank probabilities sum to one and are symmetric")
    func signedRankSumsToOne() {
        for n in [1, 2, 7, 49, 50] {
            let distribution = SignedRank(n: n)
            let total = (0...distribution.maximum).reduce(0.0) { $0 + distribution.pmf($1) }
            expectClose(total, 1, rtol: 1e-13, "n \(n)")
            for v in 0...distribution.maximum {
                #expect(distribution.pmf(v) == distribution.pmf(distribution.maximum - v))
            }
        }
    }
}
