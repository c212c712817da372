/// A two-sided confidence interval `[lower, upper]` at confidence `level`
/// (0.95 for a 95% interval).
public struct ConfidenceInterval: Sendable, Equatable, Hashable, Codable {
    /// The lower limit.
    public let lower: Double
    /// The upper limit.
    public let upper: Double
    /// The confidence level, in (0, 1).
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// The interval with both limits multiplied by `factor` (limits swapped when
    /// `factor` is negative), e.g. a d_z interval rescaled to g_av.
    public func scaled(by factor: Double) -> ConfidenceInterval {
        let a = lower * factor
        let b = upper * factor
        return ConfidenceInterval(lower: min(a, b), upper: max(a, b), level: level)
    }
}
