import Evaluation
import Foundation

@testable import Statistics

/// The R reference values of `Fixtures/distributions/expected.json`, written by
/// `Fixtures/distributions/generate.R` (R 4.2.2). Doubles are printed with 17
/// significant digits; ±∞ and NaN are the strings "Inf", "-Inf", "NaN".
///
/// Quantile rows of t, F and χ² carry R's `qt`/`qf`/`qchisq` as `q` and, as
/// `root`, the x at which R's `pt`/`pf`/`pchisq` equals p to full precision
/// (`uniroot` on the log scale, see generate.R). The tests compare with `root`:
/// R's q-functions stop short in places, e.g. `qt(1 - 1e-10, 0.5)` is off by
/// 1.7e-6 relative and `qf(1e-12, 1, 1)` is 0 where the quantile is 2.47e-24.
struct DistributionsReference: Decodable {
    struct NormalRow: Decodable { let x, mean, sd, cdf, sf, pdf: Double }
    struct NormalQuantileRow: Decodable { let p, mean, sd, q: Double }
    struct TRow: Decodable { let df, x, cdf, sf, pdf: Double }
    struct TQuantileRow: Decodable { let df, p, q, root: Double }
    struct NoncentralTRow: Decodable { let df, ncp, x, cdf, sf: Double }
    struct NoncentralTQuantileRow: Decodable { let df, ncp, p, q: Double }
    struct NoncentralityRootRow: Decodable { let df, t, probability, ncp: Double }
    struct FRow: Decodable { let df1, df2, x, cdf, sf: Double }
    struct FQuantileRow: Decodable { let df1, df2, p, q, root: Double }
    struct FDensityRow: Decodable { let df1, df2, x, pdf: Double }
    struct ChiSquaredRow: Decodable { let df, x, cdf, sf, pdf: Double }
    struct ChiSquaredQuantileRow: Decodable { let df, p, q, root: Double }
    struct BinomialRow: Decodable { let n, prob, k, pmf, cdf, sf: Double }
    struct BinomialQuantileRow: Decodable { let n, prob, p, q: Double }
    struct SignedRankRow: Decodable { let n, v, pmf, cdf, sf: Double }

    let rVersion: String
    let normal: [NormalRow]
    let normalQuantile: [NormalQuantileRow]
    let t: [TRow]
    let tQuantile: [TQuantileRow]
    let noncentralT: [NoncentralTRow]
    let noncentralTQuantile: [NoncentralTQuantileRow]
    let noncentralityRoot: [NoncentralityRootRow]
    let f: [FRow]
    let fQuantile: [FQuantileRow]
    let fDensity: [FDensityRow]
    let chiSquared: [ChiSquaredRow]
    let chiSquaredQuantile: [ChiSquaredQuantileRow]
    let binomial: [BinomialRow]
    let binomialQuantile: [BinomialQuantileRow]
    let signedRank: [SignedRankRow]

    /// Decoded once for all tests.
    static let shared: Result<DistributionsReference, any Error> = Result {
        // `Fixture.json` uses a plain decoder; this fixture needs the
        // non-conforming float strings and snake_case keys.
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Inf", negativeInfinity: "-Inf", nan: "NaN")
        return try decoder.decode(DistributionsReference.self, from: Fixture.data("distributions", "expected.json"))
    }

    static func load() throws -> DistributionsReference {
        try shared.get()
    }
}

/// Values at or below this are in (or next to) the subnormal range, where R's
/// `pnorm` underflows to 0 earlier than `erfc` and relative precision is
/// meaningless; they are compared with this absolute tolerance instead.
let subnormalTolerance = 1e-300
