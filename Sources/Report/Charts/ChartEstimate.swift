/// A point estimate with an optional confidence interval, as a chart draws it.
public struct ChartEstimate: Sendable, Equatable {
    public var value: Double
    public var lower: Double?
    public var upper: Double?

    public init(_ value: Double, lower: Double? = nil, upper: Double? = nil) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }

    /// Whether the estimate can be drawn (a finite value).
    var isDrawable: Bool { value.isFinite }

    /// The interval when both ends are finite.
    var interval: (lower: Double, upper: Double)? {
        guard let lower, let upper, lower.isFinite, upper.isFinite else { return nil }
        return (min(lower, upper), max(lower, upper))
    }

    /// Every finite number in it, for fitting an axis.
    var extent: [Double] { ([value] + [lower, upper].compactMap { $0 }).filter(\.isFinite) }
}
