/// The inferential part of a t test: statistic, degrees of freedom, two-sided
/// p-value and confidence interval for the estimate.
///
///     t = (estimate − μ₀) / se,   p = 2·P(T_df ≤ −|t|),
///     CI = μ₀ + (t ∓ t_{df, (1 + level)/2})·se
///
/// — the arithmetic of R's `t.test` with `alternative = "two.sided"`.
public struct TTestInference: Sendable, Equatable {
    /// The t statistic.
    public let t: Double
    /// Degrees of freedom (fractional for Welch).
    public let degreesOfFreedom: Double
    /// The standard error of the estimate.
    public let standardError: Double
    /// Two-sided p-value against `nullValue`.
    public let p: Double
    /// Confidence interval for the estimate.
    public let confidenceInterval: ConfidenceInterval
    /// The hypothesised value μ₀.
    public let nullValue: Double

    /// Computes the inference, or the reason it is undefined: a standard error
    /// that is zero or below 10·ε·|scale| (R stops with "data are essentially
    /// constant"), or a level outside (0, 1).
    static func make(
        estimate: Double, standardError se: Double, degreesOfFreedom df: Double,
        nullValue: Double, level: Double, scale: Double
    ) -> Result<TTestInference, UnavailableReason> {
        guard level > 0, level < 1 else { return .failure(.invalidLevel(level)) }
        guard se.isFinite, se > 0, se >= 10 * Double.ulpOfOne * scale else {
            return .failure(.constantData)
        }
        let distribution = StudentT(degreesOfFreedom: df)
        let t = (estimate - nullValue) / se
        let p = 2 * distribution.cdf(-abs(t))
        let q = distribution.quantile(1 - (1 - level) / 2)
        let interval = ConfidenceInterval(
            lower: nullValue + (t - q) * se, upper: nullValue + (t + q) * se, level: level)
        return .success(
            TTestInference(
                t: t, degreesOfFreedom: df, standardError: se, p: p,
                confidenceInterval: interval, nullValue: nullValue))
    }
}
