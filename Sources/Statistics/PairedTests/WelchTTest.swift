/// Welch's two-sample t test of mean(a) − mean(b) without assuming equal variances.
///
///     se = √(s_a²/n_a + s_b²/n_b),   t = (x̄_a − x̄_b) / se,
///     df = se⁴ / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))
///
/// Welch (1947); Satterthwaite (1946) degrees of freedom. Matches
/// `t.test(a, b, conf.level = level)` in R. NaN values are missing and dropped.
/// The test is `nil` (with `unavailableReason`) when a side has fewer than 2
/// values or both sides are constant; the per-side summaries are still given.
public struct WelchTTest: Sendable, Equatable {
    /// The first sample (its mean is the minuend).
    public let a: SampleSummary
    /// The second sample.
    public let b: SampleSummary
    /// t, df, p and the interval for mean(a) − mean(b); `nil` when undefined.
    public let inference: TTestInference?
    /// Why `inference` is `nil`.
    public let unavailableReason: UnavailableReason?

    public init(_ a: [Double], _ b: [Double], level: Double = 0.95) {
        self.a = SampleSummary(a)
        self.b = SampleSummary(b)
        guard let meanA = self.a.mean, let meanB = self.b.mean,
            let varA = self.a.variance, let varB = self.b.variance
        else {
            inference = nil
            unavailableReason = .tooFewObservations(required: 2, available: min(self.a.n, self.b.n))
            return
        }
        let na = Double(self.a.n)
        let nb = Double(self.b.n)
        let seA = (varA / na).squareRoot()
        let seB = (varB / nb).squareRoot()
        let se = (seA * seA + seB * seB).squareRoot()
        let df = pow4(se) / (pow4(seA) / (na - 1) + pow4(seB) / (nb - 1))
        switch TTestInference.make(
            estimate: meanA - meanB, standardError: se, degreesOfFreedom: df,
            nullValue: 0, level: level, scale: max(abs(meanA), abs(meanB)))
        {
        case .success(let value):
            inference = value
            unavailableReason = nil
        case .failure(let reason):
            inference = nil
            unavailableReason = reason
        }
    }

    /// mean(a) − mean(b); `nil` when a side is empty.
    public var estimate: Double? {
        guard let meanA = a.mean, let meanB = b.mean else { return nil }
        return meanA - meanB
    }
    /// Two-sided p-value; `nil` when the test is undefined.
    public var p: Double? { inference?.p }
}

private func pow4(_ x: Double) -> Double { (x * x) * (x * x) }
