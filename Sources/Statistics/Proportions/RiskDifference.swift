/// The difference between two independent proportions, comparison minus
/// reference: θ = p_c − p_r (e.g. re-employment in homogeneous minus
/// heterogeneous groups).
public struct RiskDifference: Sendable, Equatable, Hashable {
    /// The level compared (its proportion is p_c).
    public let comparison: Proportion
    /// The reference level (its proportion is p_r).
    public let reference: Proportion

    public init(comparison: Proportion, reference: Proportion) {
        self.comparison = comparison
        self.reference = reference
    }

    /// p_c − p_r; `nil` when either side has no trials.
    public var estimate: Double? {
        guard let pc = comparison.estimate, let pr = reference.estimate else { return nil }
        return pc - pr
    }

    /// Newcombe's hybrid score interval (Newcombe 1998, *Statistics in
    /// Medicine* 17:873–890, method 10), built from the uncorrected Wilson
    /// limits (l_c, u_c) and (l_r, u_r) of the two proportions:
    ///
    ///     lower = θ − √((p_c − l_c)² + (u_r − p_r)²)
    ///     upper = θ + √((u_c − p_c)² + (p_r − l_r)²)
    ///
    /// R has no built-in equivalent; this is the published formula with the
    /// limits of `prop.test(x, n, correct = FALSE)`, and reproduces Newcombe's
    /// worked example 56/70 − 48/80: 0.2000 (0.0524 to 0.3339).
    ///
    /// - Returns: `nil` when either side has no trials or `level` is not in (0, 1).
    public func newcombeInterval(level: Double = 0.95) -> ConfidenceInterval? {
        guard let pc = comparison.estimate, let pr = reference.estimate,
            let wc = comparison.wilsonInterval(level: level),
            let wr = reference.wilsonInterval(level: level)
        else { return nil }
        let theta = pc - pr
        let below = ((pc - wc.lower) * (pc - wc.lower) + (wr.upper - pr) * (wr.upper - pr)).squareRoot()
        let above = ((wc.upper - pc) * (wc.upper - pc) + (pr - wr.lower) * (pr - wr.lower)).squareRoot()
        return ConfidenceInterval(lower: theta - below, upper: theta + above, level: level)
    }
}
