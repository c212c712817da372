/// The Kaplan–Meier curve read at one requested time, as a row of R's
/// `summary(survfit(...), times = t)`.
public struct SurvivalEstimate: Sendable, Equatable {
    /// The requested time.
    public let time: Double
    /// Ŝ(t): the curve's value at the last observed time ≤ t (1 before the first).
    public let survival: Double
    /// Greenwood standard error of Ŝ(t) (`summary`'s `std.err`).
    public let standardError: Double
    /// Lower confidence limit (`nil` where Ŝ(t) = 0, as R's NA).
    public let lower: Double?
    /// Upper confidence limit (`nil` where Ŝ(t) = 0).
    public let upper: Double?
    /// Observations still at risk at t: follow-up time ≥ t.
    public let atRisk: Int
    /// Events at times ≤ t (R's `n.event` rows are the differences of this between requested times).
    public let cumulativeEvents: Int
    /// Censorings at times ≤ t.
    public let cumulativeCensored: Int

    public init(
        time: Double, survival: Double, standardError: Double, lower: Double?, upper: Double?,
        atRisk: Int, cumulativeEvents: Int, cumulativeCensored: Int
    ) {
        self.time = time
        self.survival = survival
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.atRisk = atRisk
        self.cumulativeEvents = cumulativeEvents
        self.cumulativeCensored = cumulativeCensored
    }
}
