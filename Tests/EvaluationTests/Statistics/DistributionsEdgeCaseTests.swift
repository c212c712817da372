import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Boundaries and invalid parameters of the distributions (closed-form answers).
@Suite("Distributions: edge cases")
struct DistributionsEdgeCaseTests {
    static let continuous: [any ContinuousDistribution] = [
        Normal(), Normal(mean: 2, sd: 0.5), StudentT(degreesOfFreedom: 2.37), StudentT(degreesOfFreedom: .infinity),
        NoncentralT(degreesOfFreedom: 9, noncentrality: 1.5), FisherF(numerator: 3, denominator: 7.5),
        ChiSquared(degreesOfFreedom: 0.5),
    ]

    @Test("p = 0 and p = 1 give the ends of the support", arguments: continuous)
    func quantileEnds(distribution: any ContinuousDistribution) {
        let lower = distribution.quantile(0)
        let upper = distribution.quantile(1)
        // F and χ² live on [0, ∞), the others on the whole line.
        let positive = distribution is FisherF || distribution is ChiSquared
        #expect(lower == (positive ? 0 : -.infinity))
        #expect(upper == .infinity)
        #expect(distribution.quantile(-0.1).isNaN)
        #expect(distribution.quantile(1.1).isNaN)
        #expect(distribution.quantile(.nan).isNaN)
    }

    @Test("x = ±∞ gives probabilities 0 and 1", arguments: continuous)
    func infiniteArguments(distribution: any ContinuousDistribution) {
        #expect(distribution.cdf(-.infinity) == 0)
        #expect(distribution.sf(-.infinity) == 1)
        #expect(distribution.cdf(.infinity) == 1)
        #expect(distribution.sf(.infinity) == 0)
        #expect(distribution.cdf(.nan).isNaN)
    }

    /// The absolute 1e-15 covers the noncentral t, whose series is summed to
    /// an error bound of 1e-12 absolute, as R's `pnt`.
    @Test("quantile inverts cdf", arguments: continuous)
    func roundTrip(distribution: any ContinuousDistribution) {
        for p in [1e-12, 0.01, 0.3, 0.5, 0.8, 0.99] {
            expectClose(distribution.cdf(distribution.quantile(p)), p, rtol: 1e-10, atol: 1e-15, "p \(p)")
        }
    }

    @Test("t with infinite df is the standard normal")
    func tInfiniteIsNormal() {
        let t = StudentT(degreesOfFreedom: .infinity)
        for x in [-40.0, -3, -0.2, 0, 1.96, 8] {
            #expect(t.cdf(x) == Normal().cdf(x))
            #expect(t.sf(x) == Normal().sf(x))
        }
        #expect(t.quantile(0.975) == Normal().quantile(0.975))
        #expect(FisherF(numerator: .infinity, denominator: .infinity).cdf(0.5) == 0)
    }

    @Test("t with df 1 is the Cauchy distribution and df 2 has a closed form")
    func tClosedForms() {
        let cauchy = StudentT(degreesOfFreedom: 1)
        for x in [-1e6, -3.0, -0.4, 0.7, 12] {
            // P(T ≤ x) = atan(−1/x)/π for x < 0, 1 − atan(1/x)/π for x > 0.
            let expected = x < 0 ? atan(-1 / x) / Double.pi : 1 - atan(1 / x) / Double.pi
            expectClose(cauchy.cdf(x), expected, rtol: 1e-13)
        }
        expectClose(cauchy.quantile(0.975), tan(Double.pi * 0.475), rtol: 1e-13)
        let two = StudentT(degreesOfFreedom: 2)
        for x in [-5.0, 0.3, 9] {
            expectClose(two.cdf(x), 0.5 + x / (2 * (2 + x * x).squareRoot()), rtol: 1e-13)
        }
    }

    @Test("invalid parameters give NaN")
    func invalidParameters() {
        #expect(Normal(sd: -1).cdf(0).isNaN)
        #expect(Normal(mean: .nan).sf(0).isNaN)
        #expect(StudentT(degreesOfFreedom: 0).cdf(1).isNaN)
        #expect(StudentT(degreesOfFreedom: -2).quantile(0.5).isNaN)
        #expect(StudentT(degreesOfFreedom: .nan).sf(1).isNaN)
        #expect(ChiSquared(degreesOfFreedom: -1).cdf(1).isNaN)
        #expect(FisherF(numerator: 0, denominator: 3).cdf(1).isNaN)
        #expect(FisherF(numerator: 2, denominator: -3).quantile(0.5).isNaN)
        #expect(NoncentralT(degreesOfFreedom: 0, noncentrality: 1).cdf(1).isNaN)
        #expect(NoncentralT(degreesOfFreedom: 5, noncentrality: .nan).cdf(1).isNaN)
        #expect(Binomial(trials: -1, probability: 0.5).pmf(0).isNaN)
        #expect(Binomial(trials: 10, probability: 1.5).cdf(3).isNaN)
        #expect(Binomial(trials: 10, probability: 0.5).quantile(2) == -1)
        #expect(SignedRank(n: 0).cdf(0).isNaN)
        #expect(SignedRank(n: -3).pmf(0).isNaN)
        #expect(SpecialFunctions.regularizedIncompleteBeta(a: 0, b: 1, x: 0.5).isNaN)
        #expect(SpecialFunctions.regularizedGammaP(a: -1, x: 0.5).isNaN)
    }

    @Test("a normal with sd 0 is a point mass")
    func degenerateNormal() {
        let point = Normal(mean: 3, sd: 0)
        #expect(point.cdf(2.9) == 0)
        #expect(point.cdf(3) == 1)
        #expect(point.quantile(0.2) == 3)
    }

    @Test("a binomial with no trials is the point mass at 0")
    func binomialWithoutTrials() {
        let none = Binomial(trials: 0, probability: 0.4)
        #expect(none.pmf(0) == 1)
        #expect(none.pmf(1) == 0)
        #expect(none.cdf(0) == 1)
        #expect(none.sf(0) == 0)
        #expect(none.cdf(-1) == 0)
        #expect(none.quantile(0.7) == 0)
    }

    @Test("binomial with π = 0 or 1 is a point mass at 0 or n")
    func binomialCertainOutcomes() {
        #expect(Binomial(trials: 8, probability: 0).pmf(0) == 1)
        #expect(Binomial(trials: 8, probability: 0).cdf(0) == 1)
        #expect(Binomial(trials: 8, probability: 1).pmf(8) == 1)
        #expect(Binomial(trials: 8, probability: 1).cdf(7) == 0)
        #expect(Binomial(trials: 8, probability: 1).quantile(0.5) == 8)
    }

    @Test("noncentrality has no root for probabilities 0 or 1")
    func noncentralityWithoutRoot() {
        #expect(NoncentralT.noncentrality(forCDF: 0, at: 1, degreesOfFreedom: 5) == nil)
        #expect(NoncentralT.noncentrality(forCDF: 1, at: 1, degreesOfFreedom: 5) == nil)
        #expect(NoncentralT.noncentrality(forCDF: 0.5, at: .infinity, degreesOfFreedom: 5) == nil)
        #expect(NoncentralT.noncentrality(forCDF: 0.5, at: 1, degreesOfFreedom: 0) == nil)
    }

    @Test("the noncentrality root reproduces the requested cdf")
    func noncentralityRoundTrip() throws {
        for (t, df) in [(2.1, 11.0), (-0.7, 4.0), (5.5, 30.0)] {
            for probability in [0.025, 0.975] {
                let delta = try #require(NoncentralT.noncentrality(forCDF: probability, at: t, degreesOfFreedom: df))
                expectClose(NoncentralT(degreesOfFreedom: df, noncentrality: delta).cdf(t), probability, rtol: 1e-10)
            }
        }
    }

    @Test("signed rank with n = 1 puts half its mass on 0 and 1")
    func signedRankOne() {
        let one = SignedRank(n: 1)
        #expect(one.pmf(0) == 0.5)
        #expect(one.pmf(1) == 0.5)
        #expect(one.cdf(0) == 0.5)
        #expect(one.sf(0) == 0.5)
        #expect(one.sf(1) == 0)
    }
}
