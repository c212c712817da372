extension Proportion {
    /// The Clopper–Pearson "exact" interval (Clopper & Pearson 1934): the
    /// limits are beta quantiles,
    ///
    ///     lower = B⁻¹(α/2; x, n − x + 1)   (0 when x = 0)
    ///     upper = B⁻¹(1 − α/2; x + 1, n − x)   (1 when x = n)
    ///
    /// with α = 1 − level. A Beta(a, b) quantile is taken from the F quantile
    /// f = F⁻¹(p; 2a, 2b) as a·f / (a·f + b), since a·F/(a·F + b) ~ Beta(a, b)
    /// for F ~ F(2a, 2b). Matches `binom.test(x, n, conf.level = level)$conf.int`.
    ///
    /// - Returns: `nil` when n = 0 or `level` is not in (0, 1).
    public func clopperPearsonInterval(level: Double = 0.95) -> ConfidenceInterval? {
        guard trials > 0, level > 0, level < 1 else { return nil }
        let x = Double(successes)
        let n = Double(trials)
        let tail = (1 - level) / 2
        let lower = successes == 0 ? 0 : Self.betaQuantile(tail, x, n - x + 1)
        let upper = successes == trials ? 1 : Self.betaQuantile(1 - tail, x + 1, n - x)
        return ConfidenceInterval(lower: lower, upper: upper, level: level)
    }

    /// The p-quantile of Beta(a, b), a, b > 0, through the F distribution.
    static func betaQuantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        let f = FisherF(numerator: 2 * a, denominator: 2 * b).quantile(p)
        if f.isInfinite { return 1 }
        return a * f / (a * f + b)
    }
}
