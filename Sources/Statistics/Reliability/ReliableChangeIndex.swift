/// Jacobson–Truax reliable change index (Jacobson & Truax 1991, *J Consult Clin
/// Psychol* 59:12–19):
///
///     RCI = change / S_diff,   S_diff = √2·SE = s_baseline·√2·√(1 − r)
///
/// with change = end − baseline, s_baseline the sd of the baseline scores
/// (METHODS §4: over everyone with a baseline) and r the reliability (the
/// instrument's published value, else α at baseline). |RCI| ≥ 1.96 (inclusive)
/// is a reliable change: an improvement when it goes the better way, else a
/// deterioration; anything smaller is no reliable change.
public struct ReliableChangeIndex: Sendable, Equatable {
    /// The sd of the baseline scores.
    public let sdBaseline: Double
    /// The reliability r.
    public let reliability: Double
    /// Which way is better.
    public let direction: Direction
    /// S_diff = s_baseline·√2·√(1 − r).
    public let standardErrorOfDifference: Double

    /// The two-sided 5% critical value of the index (inclusive).
    public static let criticalValue = 1.96

    /// `nil` when S_diff is not a positive finite number: s_baseline ≤ 0,
    /// r ≥ 1, or a non-finite argument.
    public init?(sdBaseline: Double, reliability: Double, direction: Direction) {
        guard sdBaseline.isFinite, sdBaseline > 0, reliability.isFinite, reliability < 1 else { return nil }
        self.sdBaseline = sdBaseline
        self.reliability = reliability
        self.direction = direction
        standardErrorOfDifference = sdBaseline * 2.0.squareRoot() * (1 - reliability).squareRoot()
    }

    /// The index of one change.
    public func index(of change: Double) -> Double {
        change / standardErrorOfDifference
    }

    /// Reliable improvement, no reliable change, or reliable deterioration.
    public func classify(_ change: Double) -> ChangeCategory {
        let oriented = direction.orientedTowardsBetter(index(of: change))
        if oriented >= Self.criticalValue { return .improved }
        if oriented <= -Self.criticalValue { return .deteriorated }
        return .unchanged
    }

    /// Counts of each classification over `changes` (NaN skipped).
    public func counts(_ changes: [Double]) -> ChangeCounts {
        ChangeCounts(changes.filter { !$0.isNaN }.map(classify))
    }
}
