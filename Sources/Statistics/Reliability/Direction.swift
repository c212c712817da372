/// Which way a score improves: up (WEMWBS, self-efficacy) or down (GHQ-12, PHQ-9).
/// It only classifies changes (reliable change, minimal important difference);
/// changes and effect sizes keep the sign of end − baseline.
public enum Direction: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case higherIsBetter
    case lowerIsBetter

    /// `change` expressed so that positive means better.
    public func orientedTowardsBetter(_ change: Double) -> Double {
        self == .higherIsBetter ? change : -change
    }
}
