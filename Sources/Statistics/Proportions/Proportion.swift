/// A binomial proportion: `successes` out of `trials`, with the estimate x/n
/// and its confidence intervals (`wilsonInterval`, `clopperPearsonInterval`).
///
/// Every rate in a report is printed with its numerator and denominator, so
/// the counts stay in the value. With n = 0 the estimate and the intervals are
/// `nil` (R's `prop.test` and `binom.test` refuse n = 0).
public struct Proportion: Sendable, Equatable, Hashable {
    /// The numerator x.
    public let successes: Int
    /// The denominator n.
    public let trials: Int

    /// `nil` unless 0 ≤ successes ≤ trials.
    public init?(successes: Int, trials: Int) {
        guard successes >= 0, successes <= trials else { return nil }
        self.successes = successes
        self.trials = trials
    }

    /// x/n; `nil` when n = 0.
    public var estimate: Double? {
        trials > 0 ? Double(successes) / Double(trials) : nil
    }
}
