/// One-sample t test of the mean of a vector against μ₀.
///
///     t = (x̄ − μ₀) / (s/√n),   df = n − 1
///
/// Student (1908). Matches `t.test(x, mu = μ₀, conf.level = level)` in R.
/// NaN values are missing and dropped. The test is `nil` (with
/// `unavailableReason`) when n < 2 (R: "not enough 'x' observations") or when
/// the data are constant (R: "data are essentially constant"); the summary is
/// still given.
public struct OneSampleTTest: Sendable, Equatable {
    /// n, mean and sd of the non-missing values.
    public let summary: SampleSummary
    /// t, df, p and the interval for the mean; `nil` when undefined.
    public let inference: TTestInference?
    /// Why `inference` is `nil`.
    public let unavailableReason: UnavailableReason?

    public init(_ values: [Double], nullValue: Double = 0, level: Double = 0.95) {
        self.init(summary: SampleSummary(values), nullValue: nullValue, level: level)
    }

    init(summary: SampleSummary, nullValue: Double, level: Double) {
        self.summary = summary
        guard let mean = summary.mean, let se = summary.standardError else {
            inference = nil
            unavailableReason = .tooFewObservations(required: 2, available: summary.n)
            return
        }
        switch TTestInference.make(
            estimate: mean, standardError: se, degreesOfFreedom: Double(summary.n - 1),
            nullValue: nullValue, level: level, scale: abs(mean))
        {
        case .success(let value):
            inference = value
            unavailableReason = nil
        case .failure(let reason):
            inference = nil
            unavailableReason = reason
        }
    }

    /// Number of non-missing observations.
    public var n: Int { summary.n }
    /// The sample mean; `nil` when n = 0.
    public var mean: Double? { summary.mean }
    /// Two-sided p-value; `nil` when the test is undefined.
    public var p: Double? { inference?.p }
}
