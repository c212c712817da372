/// Hedges' g_av for paired data (Lakens 2013, *Frontiers in Psychology* 4:863,
/// eq. 10 with the small-sample correction of eq. 4 for n₁ + n₂ = 2n):
///
///     g_av = d̄ / ((s_baseline + s_end)/2) × (1 − 3/(8n − 9))
///
/// with change = end − baseline (sign kept) and both sds over the pairs. Its
/// interval is the d_z interval (`CohensDz`) multiplied by g_av / d_z — the
/// noncentral-t limits carried over by the ratio of the two standardisers, as
/// METHODS §4 states; it is not a separate exact interval for g_av.
///
/// The estimate is `nil` when n < 2 or s_baseline + s_end = 0; the interval is
/// `nil` whenever d_z's is (n < 3, s_d = 0 or d_z = 0). No R function computes
/// this directly; the fixture computes it from the formula with `sd` and `pt`.
public struct HedgesGav: Sendable, Equatable {
    /// Number of complete pairs (NaN on either side dropped).
    public let n: Int
    /// Baseline values of the pairs.
    public let baseline: SampleSummary
    /// End values of the pairs.
    public let end: SampleSummary
    /// Cohen's d_z of the same pairs (its interval is rescaled here).
    public let dz: CohensDz
    /// g_av; `nil` when n < 2 or both sds are zero.
    public let estimate: Double?
    /// The d_z interval × g_av / d_z; `nil` when undefined.
    public let confidenceInterval: ConfidenceInterval?
    /// Why the estimate, or else the interval, is `nil`.
    public let unavailableReason: UnavailableReason?

    /// - Precondition: `baseline` and `end` have the same length (pairs).
    public init(baseline: [Double], end: [Double], level: Double = 0.95) {
        precondition(baseline.count == end.count, "paired samples of unequal length")
        let pairs = zip(baseline, end).filter { !$0.0.isNaN && !$0.1.isNaN }
        let changes = pairs.map { $0.1 - $0.0 }
        n = pairs.count
        self.baseline = SampleSummary(pairs.map(\.0))
        self.end = SampleSummary(pairs.map(\.1))
        dz = CohensDz(changes: changes, level: level)
        guard let meanChange = SampleSummary(changes).mean, let sdBefore = self.baseline.sd,
            let sdAfter = self.end.sd
        else {
            estimate = nil
            confidenceInterval = nil
            unavailableReason = .tooFewObservations(required: 2, available: n)
            return
        }
        let standardiser = (sdBefore + sdAfter) / 2
        guard standardiser > 0 else {
            estimate = nil
            confidenceInterval = nil
            unavailableReason = .constantData
            return
        }
        let count = Double(n)
        let g = meanChange / standardiser * (1 - 3 / (8 * count - 9))
        estimate = g
        if let dzValue = dz.estimate, dzValue != 0, let interval = dz.confidenceInterval {
            confidenceInterval = interval.scaled(by: g / dzValue)
            unavailableReason = nil
        } else {
            confidenceInterval = nil
            unavailableReason = dz.unavailableReason ?? .zeroEffect
        }
    }
}
