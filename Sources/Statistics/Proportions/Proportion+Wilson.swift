extension Proportion {
    /// The Wilson score interval (Wilson 1927), without continuity correction.
    ///
    /// With p̂ = x/n, z = Φ⁻¹((1 + level)/2) and c = z²/(2n):
    ///
    ///     limits = (p̂ + c ∓ z·√(p̂(1 − p̂)/n + c/(2n))) / (1 + 2c)
    ///
    /// with the lower limit exactly 0 when x = 0 and the upper exactly 1 when
    /// x = n, and both clamped to [0, 1]. Matches
    /// `prop.test(x, n, conf.level = level, correct = FALSE)$conf.int` in R.
    ///
    /// - Returns: `nil` when n = 0 or `level` is not in (0, 1).
    public func wilsonInterval(level: Double = 0.95) -> ConfidenceInterval? {
        guard trials > 0, level > 0, level < 1 else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = Normal().quantile((1 + level) / 2)
        let c = z * z / (2 * n)
        let halfWidth = z * (p * (1 - p) / n + c / (2 * n)).squareRoot()
        let upper = p >= 1 ? 1 : (p + c + halfWidth) / (1 + 2 * c)
        let lower = p <= 0 ? 0 : (p + c - halfWidth) / (1 + 2 * c)
        return ConfidenceInterval(lower: max(lower, 0), upper: min(upper, 1), level: level)
    }
}
