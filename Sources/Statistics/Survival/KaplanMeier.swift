import Foundation

/// The Kaplan–Meier (product-limit) estimator of a survival curve from
/// right-censored data, with Greenwood's variance and log-transformed
/// pointwise confidence intervals.
///
/// At each distinct observed time tᵢ with nᵢ at risk and dᵢ events:
///
///     Ŝ(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
///     Var[log Ŝ(t)] = Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ))          (Greenwood)
///     CI(t) = Ŝ(t) · exp(∓ z_{1−α/2} · √Var[log Ŝ(t)]), upper capped at 1
///
/// References: Kaplan & Meier (1958), *JASA* 53:457–481; Greenwood (1926);
/// Therneau & Grambsch (2000), *Modeling Survival Data*, §2.1.
///
/// Matches R: `survfit(Surv(time, status) ~ 1, data)` with its defaults
/// (`conf.type = "log"`, `conf.int = 0.95`), `print(fit)` for the median,
/// `quantile(fit, p)` and `summary(fit, times = t)` (survival package 3.5).
/// Times that differ by rounding error only are not merged (R's `timefix`):
/// pass times on a common grid (days, meetings).
public struct KaplanMeier: Sendable {
    /// Follow-up time of each observation (≥ 0).
    public let time: [Double]
    /// Whether each observation ended in the event (`false`: censored).
    public let event: [Bool]
    /// Confidence level of the pointwise intervals and of the quantile limits.
    public let confidenceLevel: Double

    /// - Throws: `SurvivalError` when the inputs are empty, of unequal length,
    ///   a time is negative or not finite, or the level is not in (0, 1).
    public init(time: [Double], event: [Bool], confidenceLevel: Double = 0.95) throws {
        guard !time.isEmpty else { throw SurvivalError.noObservations }
        guard time.count == event.count else {
            throw SurvivalError.lengthMismatch("\(time.count) times, \(event.count) event indicators")
        }
        if let bad = time.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw SurvivalError.invalidTime(index: bad, value: time[bad])
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw SurvivalError.invalidConfidenceLevel(confidenceLevel)
        }
        self.time = time
        self.event = event
        self.confidenceLevel = confidenceLevel
    }

    /// Computes the curve at every distinct observed time.
    public func fit() -> KaplanMeierFit {
        let order = time.indices.sorted { time[$0] < time[$1] }
        var times: [Double] = []
        var events: [Int] = []
        var censored: [Int] = []
        for i in order {
            if let last = times.last, last == time[i] {
                if event[i] { events[events.count - 1] += 1 } else { censored[censored.count - 1] += 1 }
            } else {
                times.append(time[i])
                events.append(event[i] ? 1 : 0)
                censored.append(event[i] ? 0 : 1)
            }
        }
        return KaplanMeierFit(
            time: times, events: events, censored: censored, count: time.count, confidenceLevel: confidenceLevel)
    }
}
