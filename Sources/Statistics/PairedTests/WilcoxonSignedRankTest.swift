/// Wilcoxon signed-rank test (Wilcoxon 1945) of the paired changes
/// dᵢ = endᵢ − baselineᵢ, two-sided, as R's
/// `wilcox.test(end, baseline, paired = TRUE)` with its defaults
/// (`exact = NULL`, `correct = TRUE`, `mu = 0`).
///
/// The differences are first rounded to 1e-9, so that zeros and ties are
/// recognised whatever the floating-point noise (for item sums this is exactly
/// R). Zero differences are dropped; the remaining n are ranked by |dᵢ| with
/// average ranks for ties, and
///
///     V = Σ rank(|dᵢ|) over dᵢ > 0.
///
/// - exact (n < 50, no ties, no zeros were dropped): with the null distribution
///   of V (`SignedRank`), p = min(1, 2·P(V ≥ v)) if v > n(n + 1)/4, else
///   min(1, 2·P(V ≤ v));
/// - otherwise the normal approximation with continuity correction and the tie
///   correction of the variance:
///
///       z = (v − n(n + 1)/4 − ½·sign(v − n(n + 1)/4)) / σ,
///       σ² = n(n + 1)(2n + 1)/24 − Σ(tⱼ³ − tⱼ)/48   (tⱼ = size of tie group j),
///       p = 2·min(Φ(z), 1 − Φ(z)).
///
/// With no pairs R stops ("not enough (non-missing) 'x' observations"); with
/// every difference zero it returns V = 0 and p = NA. Both give `p == nil` here,
/// with `unavailableReason`.
public struct WilcoxonSignedRankTest: Sendable, Equatable {
    /// How the p-value was obtained.
    public enum Method: String, Sendable, Equatable, Codable {
        /// The exact null distribution of V.
        case exact
        /// The normal approximation with continuity and tie corrections (a
        /// caveat to print: ties or zeros, or n ≥ 50).
        case normalApproximation
    }

    /// Complete pairs (NaN on either side dropped).
    public let pairs: Int
    /// Pairs with a zero difference (after rounding), dropped before ranking.
    public let zeros: Int
    /// Non-zero differences ranked: `pairs − zeros`.
    public let n: Int
    /// Whether some non-zero |dᵢ| are tied.
    public let hasTies: Bool
    /// The statistic V: the sum of the ranks of the positive differences.
    public let v: Double
    /// Exact or normal approximation (R's choice).
    public let method: Method
    /// The standardised statistic of the normal approximation; `nil` when exact.
    public let z: Double?
    /// Two-sided p-value; `nil` when undefined.
    public let p: Double?
    /// Why `p` is `nil`.
    public let unavailableReason: UnavailableReason?

    /// Below this many non-zero differences R uses the exact distribution.
    public static let exactLimit = 50
    /// Differences are rounded to this before zeros and ties are looked for.
    public static let resolution = 1e-9

    /// - Precondition: `baseline` and `end` have the same length (pairs).
    public init(baseline: [Double], end: [Double]) {
        precondition(baseline.count == end.count, "paired samples of unequal length")
        self.init(differences: zip(baseline, end).map { $0.1 - $0.0 })
    }

    /// The test on ready-made differences (end − baseline); NaN values are dropped.
    public init(differences: [Double]) {
        let rounded = differences.filter { !$0.isNaN }.map(Self.round)
        pairs = rounded.count
        let nonZero = rounded.filter { $0 != 0 }
        zeros = pairs - nonZero.count
        n = nonZero.count
        let ranking = Self.averageRanks(of: nonZero.map(abs))
        hasTies = ranking.tieSizes.contains { $0 > 1 }
        v = zip(nonZero, ranking.ranks).reduce(0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let count = Double(n)
        let centre = count * (count + 1) / 4
        if n < Self.exactLimit && !hasTies && zeros == 0 && n > 0 {
            method = .exact
            z = nil
            let distribution = SignedRank(n: n)
            let statistic = Int(v.rounded())
            let tail = v > centre ? distribution.sf(statistic - 1) : distribution.cdf(statistic)
            p = min(2 * tail, 1)
            unavailableReason = nil
            return
        }
        method = .normalApproximation
        guard n > 0 else {
            z = nil
            p = nil
            unavailableReason = pairs == 0 ? .tooFewObservations(required: 1, available: 0) : .allDifferencesZero
            return
        }
        let tieTerm = ranking.tieSizes.reduce(0.0) { sum, t in
            let size = Double(t)
            return sum + (size * size * size - size)
        }
        let sigma = (count * (count + 1) * (2 * count + 1) / 24 - tieTerm / 48).squareRoot()
        let shift = v - centre
        let correction = shift > 0 ? 0.5 : (shift < 0 ? -0.5 : 0)
        let standardised = (shift - correction) / sigma
        let normal = Normal()
        z = standardised
        p = 2 * min(normal.cdf(standardised), normal.sf(standardised))
        unavailableReason = nil
    }

    /// `x` rounded to the nearest multiple of `resolution`; beyond 10⁶ in
    /// magnitude (where x/resolution nears 2⁵³) `x` is kept as it is.
    static func round(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < 1e6 else { return x }
        return (x / resolution).rounded() * resolution
    }

    /// Average ranks (1-based, ties sharing the mean of their positions, as R's
    /// `rank`) and the size of each group of equal values.
    static func averageRanks(of values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var stop = start + 1
            while stop < order.count && values[order[stop]] == values[order[start]] { stop += 1 }
            let rank = Double(start + 1 + stop) / 2
            for k in start..<stop { ranks[order[k]] = rank }
            tieSizes.append(stop - start)
            start = stop
        }
        return (ranks, tieSizes)
    }
}
