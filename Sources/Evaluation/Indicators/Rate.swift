/// A rate as the reports print it: numerator, denominator, the Wilson 95%
/// interval (as `prop.test(x, n, correct = FALSE)`) and what it counts.
public struct Rate: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int
    public var definition: String

    public init(numerator: Int, denominator: Int, definition: String) {
        self.numerator = numerator
        self.denominator = denominator
        self.definition = definition
    }

    /// numerator ÷ denominator, `nil` when the denominator is 0.
    public var value: Double? {
        Proportion(successes: numerator, trials: denominator)?.estimate
    }

    /// Wilson score 95% interval; `nil` when the denominator is 0.
    public var interval: ConfidenceInterval? {
        Proportion(successes: numerator, trials: denominator)?.wilsonInterval(level: 0.95)
    }
}
