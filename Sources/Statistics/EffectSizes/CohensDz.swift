/// Cohen's d_z for paired data: the mean change over the sd of the changes
/// (change = end − baseline, its sign kept whatever the instrument's direction).
///
///     d_z = d̄ / s_d
///
/// Its confidence interval inverts the noncentral t distribution of
/// t = d_z·√n with df = n − 1 (Steiger & Fouladi 1997; Cumming & Finch 2001):
/// the noncentralities δ_L, δ_U with P(T ≤ t; n − 1, δ_L) = (1 + level)/2 and
/// P(T ≤ t; n − 1, δ_U) = (1 − level)/2, divided by √n. Matches
/// `MBESS::ci.sm(sm = d_z, N = n)` (equivalently `uniroot` on `pt(t, n − 1, ncp)`).
///
/// The estimate is `nil` when n < 2 or s_d = 0; the interval is `nil` when
/// n < 3, s_d = 0 or d_z = 0 (METHODS §4, "MID and effect-size intervals").
public struct CohensDz: Sendable, Equatable {
    /// Number of changes (NaN dropped).
    public let n: Int
    /// d̄ / s_d; `nil` when n < 2 or s_d = 0.
    public let estimate: Double?
    /// The noncentral-t interval; `nil` when n < 3, s_d = 0 or d_z = 0.
    public let confidenceInterval: ConfidenceInterval?
    /// Why the estimate, or else the interval, is `nil`.
    public let unavailableReason: UnavailableReason?

    /// - Precondition: `baseline` and `end` have the same length (pairs).
    public init(baseline: [Double], end: [Double], level: Double = 0.95) {
        precondition(baseline.count == end.count, "paired samples of unequal length")
        self.init(changes: zip(baseline, end).map { $0.1 - $0.0 }, level: level)
    }

    /// d_z from the changes end − baseline; NaN values are dropped.
    public init(changes: [Double], level: Double = 0.95) {
        let summary = SampleSummary(changes)
        n = summary.n
        guard let mean = summary.mean, let sd = summary.sd else {
            estimate = nil
            confidenceInterval = nil
            unavailableReason = .tooFewObservations(required: 2, available: n)
            return
        }
        guard sd > 0 else {
            estimate = nil
            confidenceInterval = nil
            unavailableReason = .constantData
            return
        }
        let dz = mean / sd
        estimate = dz
        switch Self.interval(dz: dz, n: n, level: level) {
        case .success(let interval):
            confidenceInterval = interval
            unavailableReason = nil
        case .failure(let reason):
            confidenceInterval = nil
            unavailableReason = reason
        }
    }

    /// The noncentral-t interval for d_z from n changes.
    static func interval(dz: Double, n: Int, level: Double) -> Result<ConfidenceInterval, UnavailableReason> {
        guard n >= 3 else { return .failure(.tooFewObservations(required: 3, available: n)) }
        guard dz != 0 else { return .failure(.zeroEffect) }
        guard level > 0, level < 1 else { return .failure(.invalidLevel(level)) }
        let root = Double(n).squareRoot()
        let t = dz * root
        let df = Double(n - 1)
        guard
            let low = NoncentralT.noncentrality(forCDF: (1 + level) / 2, at: t, degreesOfFreedom: df),
            let high = NoncentralT.noncentrality(forCDF: (1 - level) / 2, at: t, degreesOfFreedom: df)
        else { return .failure(.noRoot) }
        return .success(ConfidenceInterval(lower: low / root, upper: high / root, level: level))
    }
}
