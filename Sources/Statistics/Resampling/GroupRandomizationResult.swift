/// The outcome of a `GroupRandomizationTest`.
public struct GroupRandomizationResult: Sendable, Equatable {
    /// T_obs, the statistic under the observed assignment of groups to levels.
    public let observed: Double
    /// Two-sided p = `extreme` / `relabelings`.
    public let p: Double
    /// The relabelings p is a share of, the observed one included:
    /// C(G, k) when exact; 1 + the number of draws otherwise.
    public let relabelings: Int
    /// Relabelings with |T| ≥ |T_obs| − 1e-12·max(1, |T_obs|) (the observed one counts).
    public let extreme: Int
    /// Whether every relabeling was enumerated.
    public let exact: Bool
    /// The seed of the Monte Carlo draws (`nil` when exact).
    public let seed: UInt64?
}
