/// A quantile of a survival curve (e.g. the median survival time) with its
/// confidence limits; `nil` where R prints `NA` (the curve, or the band, never
/// reaches the probability).
public struct SurvivalQuantile: Sendable, Equatable {
    /// The time at which the curve reaches the probability.
    public let estimate: Double?
    /// Where the lower band reaches it (the lower confidence limit).
    public let lower: Double?
    /// Where the upper band reaches it (the upper confidence limit).
    public let upper: Double?

    public init(estimate: Double?, lower: Double?, upper: Double?) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }
}
