/// A bootstrap confidence interval and how it was read off the replicates.
public struct BootstrapInterval: Sendable, Equatable {
    /// Lower end.
    public let lower: Double
    /// Upper end.
    public let upper: Double
    /// Confidence level, e.g. 0.95.
    public let level: Double
    /// The (R + 1)·α positions of the order statistics used for each end
    /// (boot prints them, rounded, beside the interval).
    public let positions: [Double]
    /// Whether an end fell on the smallest or largest replicate (boot warns
    /// "extreme order statistics used as endpoints"): the interval is not to be trusted.
    public let usesExtremeOrderStatistics: Bool
}

/// Percentile and BCa intervals from bootstrap replicates.
enum BootstrapIntervals {
    /// The percentile interval: the α and 1 − α quantiles of the replicates,
    /// α = (1 − level)/2, by `quantile(sorted:probabilities:)`.
    /// Matches `boot::boot.ci(type = "perc")` (its `perc.ci`).
    static func percentile(sorted: [Double], level: Double) -> BootstrapInterval {
        let alphas = [(1 - level) / 2, (1 + level) / 2]
        return interval(sorted: sorted, probabilities: alphas, level: level)
    }

    /// The BCa interval (Efron & Tibshirani 1993, *An Introduction to the
    /// Bootstrap*, §14.3): with z₀ = Φ⁻¹(#{θ* < θ̂}/R) (eq. 14.14),
    /// a = Σ(θ̄₍·₎ − θ₍ᵢ₎)³ / (6·[Σ(θ̄₍·₎ − θ₍ᵢ₎)²]^{3/2}) from the jackknife
    /// values θ₍ᵢ₎ (eq. 14.15) and z_α = Φ⁻¹(α),
    ///
    ///     α₁,₂ = Φ(z₀ + (z₀ + z_α)/(1 − a(z₀ + z_α))),  α = (1 ∓ level)/2,
    ///
    /// read off the replicates as the percentile interval is. Matches
    /// `boot::boot.ci(type = "bca", L = (n − 1)·(mean(θ₍ᵢ₎) − θ₍ᵢ₎))` (boot's
    /// `bca.ci`, given E&T's jackknife influence values; boot's own default
    /// estimates them by regression on the replicates instead).
    /// - Returns: `nil` (with the reason) when z₀ or a is not finite.
    static func bca(
        sorted: [Double], estimate: Double, jackknife: [Double], level: Double
    ) -> (interval: BootstrapInterval?, biasCorrection: Double, acceleration: Double, failure: String?) {
        let normal = Normal()
        let below = sorted.prefix { $0 < estimate }.count
        let z0 = normal.quantile(Double(below) / Double(sorted.count))
        let acceleration = Self.acceleration(jackknife: jackknife)
        guard z0.isFinite else {
            return (nil, z0, acceleration, "every replicate lies on one side of the estimate (z₀ infinite)")
        }
        guard acceleration.isFinite else {
            return (nil, z0, acceleration, "the jackknife values are all equal (acceleration undefined)")
        }
        let alphas = [(1 - level) / 2, (1 + level) / 2].map { alpha -> Double in
            let z = normal.quantile(alpha)
            return normal.cdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)))
        }
        return (interval(sorted: sorted, probabilities: alphas, level: level), z0, acceleration, nil)
    }

    /// a = Σ dᵢ³ / (6·(Σ dᵢ²)^{3/2}), dᵢ = θ̄₍·₎ − θ₍ᵢ₎ (NaN when every dᵢ is 0).
    static func acceleration(jackknife: [Double]) -> Double {
        let mean = jackknife.reduce(0, +) / Double(jackknife.count)
        var squares = 0.0, cubes = 0.0
        for value in jackknife {
            let d = mean - value
            squares += d * d
            cubes += d * d * d
        }
        return squares > 0 ? cubes / (6 * squares * squares.squareRoot()) : .nan
    }

    /// Quantiles of R sorted replicates at `probabilities` by boot's
    /// `norm.inter`: with r = (R + 1)·α and k = ⌊r⌋, the k-th order statistic
    /// when r is an integer; the first (last) when k = 0 (k = R); otherwise
    /// interpolation on the normal scale between the k-th and (k+1)-th,
    /// θ*₍ₖ₎ + (Φ⁻¹(α) − Φ⁻¹(k/(R+1))) / (Φ⁻¹((k+1)/(R+1)) − Φ⁻¹(k/(R+1))) · (θ*₍ₖ₊₁₎ − θ*₍ₖ₎)
    /// (Davison & Hinkley 1997, *Bootstrap Methods and their Application*, eq. 5.8).
    static func interval(sorted: [Double], probabilities: [Double], level: Double) -> BootstrapInterval {
        let normal = Normal()
        let count = sorted.count
        let positions = probabilities.map { Double(count + 1) * $0 }
        var extreme = false
        let ends = zip(probabilities, positions).map { alpha, position -> Double in
            if !(position > 1 && position < Double(count)) { extreme = true }
            let k = Int(position.rounded(.towardZero))
            if k <= 0 { return sorted[0] }
            if k >= count { return sorted[count - 1] }
            if Double(k) == position { return sorted[k - 1] }
            let zk = normal.quantile(Double(k) / Double(count + 1))
            let zk1 = normal.quantile(Double(k + 1) / Double(count + 1))
            let weight = (normal.quantile(alpha) - zk) / (zk1 - zk)
            return sorted[k - 1] + weight * (sorted[k] - sorted[k - 1])
        }
        return BootstrapInterval(
            lower: ends[0], upper: ends[1], level: level, positions: positions, usesExtremeOrderStatistics: extreme)
    }
}
