import Statistics

/// A rate as the reports print it: numerator, denominator and the Wilson 95%
/// interval (as `prop.test(x, n, correct = FALSE)`). The one-line definition
/// beside it is written by the Report layer, in the report's language.
public struct Rate: Sendable, Equatable {
    public var numerator: Int
    public var denominator: Int

    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
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
