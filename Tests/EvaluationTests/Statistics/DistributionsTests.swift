import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Continuous distributions against R 4.2.2 (`Fixtures/distributions/generate.R`).
///
/// Tolerance: relative 1e-10 unless a test says otherwise; values below 1e-300
/// are compared with an absolute 1e-300 (see `subnormalTolerance`).
@Suite("Distributions against R")
struct DistributionsTests {
    @Test("the fixture was written by R and holds every table")
    func fixtureProvenance() throws {
        let reference = try DistributionsReference.load()
        #expect(reference.rVersion.hasPrefix("R version 4.2.2"))
        #expect(reference.t.count == 12 * 22)
        #expect(reference.signedRank.count > 1000)
    }

    @Test("normal cdf, sf and pdf match pnorm/dnorm down to the underflow")
    func normalProbabilities() throws {
        for row in try DistributionsReference.load().normal {
            let normal = Normal(mean: row.mean, sd: row.sd)
            let label = "N(\(row.mean), \(row.sd)) at \(row.x)"
            expectClose(normal.cdf(row.x), row.cdf, atol: subnormalTolerance, "cdf \(label)")
            expectClose(normal.sf(row.x), row.sf, atol: subnormalTolerance, "sf \(label)")
            expectClose(normal.pdf(row.x), row.pdf, atol: subnormalTolerance, "pdf \(label)")
        }
    }

    @Test("normal quantile matches qnorm from p = 1e-300 to 1 − 1e-15")
    func normalQuantile() throws {
        for row in try DistributionsReference.load().normalQuantile {
            expectClose(
                Normal(mean: row.mean, sd: row.sd).quantile(row.p), row.q, "qnorm(\(row.p), \(row.mean), \(row.sd))")
        }
    }

    @Test("t cdf, sf and pdf match pt/dt for fractional, small, large and infinite df")
    func tProbabilities() throws {
        for row in try DistributionsReference.load().t {
            let t = StudentT(degreesOfFreedom: row.df)
            let label = "df \(row.df) at \(row.x)"
            expectClose(t.cdf(row.x), row.cdf, atol: subnormalTolerance, "pt \(label)")
            expectClose(t.sf(row.x), row.sf, atol: subnormalTolerance, "pt upper \(label)")
            expectClose(t.pdf(row.x), row.pdf, atol: subnormalTolerance, "dt \(label)")
        }
    }

    @Test("t quantile inverts pt, including p = 1e-15 and p near ½")
    func tQuantile() throws {
        for row in try DistributionsReference.load().tQuantile {
            expectClose(StudentT(degreesOfFreedom: row.df).quantile(row.p), row.root, "qt(\(row.p), \(row.df))")
        }
    }

    @Test("F cdf, sf and pdf match pf/df for fractional and infinite df")
    func fProbabilities() throws {
        let reference = try DistributionsReference.load()
        for row in reference.f {
            let f = FisherF(numerator: row.df1, denominator: row.df2)
            let label = "F(\(row.df1), \(row.df2)) at \(row.x)"
            expectClose(f.cdf(row.x), row.cdf, atol: subnormalTolerance, "pf \(label)")
            expectClose(f.sf(row.x), row.sf, atol: subnormalTolerance, "pf upper \(label)")
        }
        for row in reference.fDensity {
            expectClose(
                FisherF(numerator: row.df1, denominator: row.df2).pdf(row.x), row.pdf,
                "df(\(row.x), \(row.df1), \(row.df2))")
        }
    }

    @Test("F quantile inverts pf from p = 1e-12 to 1 − 1e-12")
    func fQuantile() throws {
        for row in try DistributionsReference.load().fQuantile {
            expectClose(
                FisherF(numerator: row.df1, denominator: row.df2).quantile(row.p), row.root,
                "qf(\(row.p), \(row.df1), \(row.df2))")
        }
    }

    @Test("chi-squared cdf, sf and pdf match pchisq/dchisq in both far tails")
    func chiSquaredProbabilities() throws {
        for row in try DistributionsReference.load().chiSquared {
            let chiSquared = ChiSquared(degreesOfFreedom: row.df)
            let label = "df \(row.df) at \(row.x)"
            expectClose(chiSquared.cdf(row.x), row.cdf, atol: subnormalTolerance, "pchisq \(label)")
            expectClose(chiSquared.sf(row.x), row.sf, atol: subnormalTolerance, "pchisq upper \(label)")
            expectClose(chiSquared.pdf(row.x), row.pdf, atol: subnormalTolerance, "dchisq \(label)")
        }
    }

    @Test("chi-squared quantile inverts pchisq from p = 1e-15 to 1 − 1e-15")
    func chiSquaredQuantile() throws {
        for row in try DistributionsReference.load().chiSquaredQuantile {
            expectClose(
                ChiSquared(degreesOfFreedom: row.df).quantile(row.p), row.root, "qchisq(\(row.p), \(row.df))")
        }
    }

    /// R's `pnt` (AS 243) stops at an error bound of 1e-12 *absolute*, so
    /// values are compared with atol 1e-12 besides rtol 1e-9; R's `qt(p, df, ncp)`
    /// bisects to 1e-13 relative on top of that, hence rtol 1e-9 there too.
    @Test("noncentral t cdf and sf match pt(q, df, ncp) within R's own 1e-12 absolute")
    func noncentralTProbabilities() throws {
        let reference = try DistributionsReference.load()
        for row in reference.noncentralT {
            let t = NoncentralT(degreesOfFreedom: row.df, noncentrality: row.ncp)
            let label = "df \(row.df) ncp \(row.ncp) at \(row.x)"
            expectClose(t.cdf(row.x), row.cdf, rtol: 1e-9, atol: 1e-12, "pt \(label)")
            expectClose(t.sf(row.x), row.sf, rtol: 1e-9, atol: 1e-12, "pt upper \(label)")
        }
        for row in reference.noncentralTQuantile {
            expectClose(
                NoncentralT(degreesOfFreedom: row.df, noncentrality: row.ncp).quantile(row.p), row.q, rtol: 1e-9,
                "qt(\(row.p), \(row.df), \(row.ncp))")
        }
    }

    /// R's root is `uniroot(tol = 1e-12)` on `pt`, itself exact to 1e-12
    /// absolute; an error of 1e-12 in P moves δ by about 1e-12/φ ≲ 1e-10.
    @Test("the noncentrality for a given cdf matches uniroot on pt")
    func noncentralityRoot() throws {
        for row in try DistributionsReference.load().noncentralityRoot {
            let root = NoncentralT.noncentrality(forCDF: row.probability, at: row.t, degreesOfFreedom: row.df)
            expectClose(root, row.ncp, rtol: 1e-9, atol: 1e-10, "δ for P = \(row.probability) at t \(row.t), df \(row.df)")
        }
    }
}
