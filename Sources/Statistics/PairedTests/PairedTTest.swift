/// Paired t test of the change end − baseline (METHODS §4: change = end − baseline),
/// i.e. the one-sample t test of the changes dᵢ = endᵢ − baselineᵢ:
///
///     t = d̄ / (s_d/√n),   df = n − 1,   CI = d̄ ∓ t_{n−1, (1 + level)/2}·s_d/√n
///
/// Student (1908). Matches `t.test(end, baseline, paired = TRUE)` in R (whose
/// estimate is the mean of `end − baseline`). Pairs with a NaN on either side are
/// dropped (R's `complete.cases`). The means and sds of both waves are over the
/// pairs used.
public struct PairedTTest: Sendable, Equatable {
    /// Baseline values of the complete pairs.
    public let baseline: SampleSummary
    /// End values of the complete pairs.
    public let end: SampleSummary
    /// The one-sample test of the changes (n, mean change, sd, t, df, p, CI).
    public let change: OneSampleTTest

    /// - Precondition: `baseline` and `end` have the same length (pairs).
    public init(baseline: [Double], end: [Double], level: Double = 0.95) {
        precondition(baseline.count == end.count, "paired samples of unequal length")
        let pairs = zip(baseline, end).filter { !$0.0.isNaN && !$0.1.isNaN }
        self.baseline = SampleSummary(pairs.map(\.0))
        self.end = SampleSummary(pairs.map(\.1))
        change = OneSampleTTest(pairs.map { $0.1 - $0.0 }, nullValue: 0, level: level)
    }

    /// Number of complete pairs.
    public var n: Int { change.n }
    /// Mean of end − baseline; `nil` without pairs.
    public var meanChange: Double? { change.mean }
    /// Sample sd of the changes; `nil` when n < 2.
    public var sdChange: Double? { change.summary.sd }
    /// t, df, p and the interval for the mean change; `nil` when undefined.
    public var inference: TTestInference? { change.inference }
    /// Why `inference` is `nil`.
    public var unavailableReason: UnavailableReason? { change.unavailableReason }
}
