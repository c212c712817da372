import Foundation

/// A fitted Kaplan–Meier curve: one entry per distinct observed time, as the
/// components of R's `survfit` object (`time`, `n.risk`, `n.event`,
/// `n.censor`, `surv`, `std.err`, `lower`, `upper`).
///
/// Read it with `median`, `quantile(_:)`, `survival(at:)` and `stepCurve()`.
public struct KaplanMeierFit: Sendable, Equatable {
    /// Confidence level of `lower`/`upper` and of the quantile limits.
    public let confidenceLevel: Double
    /// Distinct observed times, ascending (event and censoring times).
    public let time: [Double]
    /// Number at risk just before each time (`n.risk`).
    public let atRisk: [Int]
    /// Events at each time (`n.event`).
    public let events: [Int]
    /// Censorings at each time (`n.censor`).
    public let censored: [Int]
    /// Ŝ just after each time (`surv`).
    public let survival: [Double]
    /// Greenwood standard error of log Ŝ (R's `fit$std.err`; +∞ once Ŝ = 0).
    public let logStandardError: [Double]
    /// Lower limit of the log-transformed interval (`nil` where Ŝ = 0, as R's NA).
    public let lower: [Double?]
    /// Upper limit, capped at 1 (`nil` where Ŝ = 0).
    public let upper: [Double?]

    /// Number of observations.
    public var count: Int { atRisk.first ?? 0 }
    /// Total number of events.
    public var eventCount: Int { events.reduce(0, +) }

    /// Greenwood standard error of Ŝ itself, `Ŝ · se(log Ŝ)`, as `summary(fit)`
    /// prints it (NaN where Ŝ = 0 and the variance is infinite, as in R).
    public var standardError: [Double] {
        zip(survival, logStandardError).map { $0 * $1 }
    }

    /// R's `conf.type = "log"` limits: exp(log Ŝ ∓ z·se), upper capped at 1; none where Ŝ = 0.
    static func logLimits(_ s: Double, _ se: Double, z: Double) -> (lower: Double?, upper: Double?) {
        guard s > 0 else { return (nil, nil) }
        let logS = log(s)
        return (exp(logS - z * se), min(exp(logS + z * se), 1))
    }
}
