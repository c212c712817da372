/// Size, mean and sample standard deviation of a vector of observations.
///
///     mean = Σxᵢ / n,   s² = Σ(xᵢ − mean)² / (n − 1)
///
/// Both are two-pass: the mean is refined by the mean of the residuals and the
/// variance sums squared deviations from it, as R's `mean` and `var` do (R
/// accumulates in long double; the two agree to about 1e-15 relative).
/// NaN values are missing and dropped first (R's `na.rm = TRUE`).
///
/// Matches `length(x)`, `mean(x)`, `var(x)`, `sd(x)` in R; the mean is `nil`
/// when n = 0 (R: NaN) and the variance and sd when n < 2 (R: NA).
public struct SampleSummary: Sendable, Equatable {
    /// Number of non-missing observations.
    public let n: Int
    /// The arithmetic mean; `nil` when n = 0.
    public let mean: Double?
    /// The sample variance with divisor n − 1; `nil` when n < 2.
    public let variance: Double?

    /// The sample standard deviation √s²; `nil` when n < 2.
    public var sd: Double? { variance.map { $0.squareRoot() } }

    /// The standard error of the mean s/√n; `nil` when n < 2.
    public var standardError: Double? { variance.map { ($0 / Double(n)).squareRoot() } }

    public init(_ values: [Double]) {
        let x = values.filter { !$0.isNaN }
        n = x.count
        guard n > 0 else {
            mean = nil
            variance = nil
            return
        }
        let count = Double(n)
        var m = x.reduce(0, +) / count
        if m.isFinite {
            m += x.reduce(0) { $0 + ($1 - m) } / count
        }
        mean = m
        if n < 2 {
            variance = nil
        } else {
            variance = x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (count - 1)
        }
    }
}
