/// Classification of changes by a minimal important difference (MID), inclusive
/// (METHODS §4, "MID and effect-size intervals"): improved when the change is at
/// least `mid` in the better direction (change ≥ mid when higher is better,
/// change ≤ −mid when lower is better), deteriorated when at least `mid` the
/// other way, else unchanged.
///
/// Change and MID are compared on a 1e-9 grid (both rounded to the nearest
/// multiple), so a change of 3.1 − 0.1 counts as reaching a MID of 3 whatever
/// the binary rounding of the subtraction.
public struct MinimalImportantDifference: Sendable, Equatable {
    /// The MID in score points (positive).
    public let mid: Double
    /// Which way is better.
    public let direction: Direction

    /// The grid on which change and MID are compared.
    public static let resolution = 1e-9

    /// `nil` unless `mid` is positive and finite.
    public init?(_ mid: Double, direction: Direction) {
        guard mid.isFinite, mid > 0 else { return nil }
        self.mid = mid
        self.direction = direction
    }

    /// Improved, unchanged or deteriorated.
    public func classify(_ change: Double) -> ChangeCategory {
        let oriented = Self.onGrid(direction.orientedTowardsBetter(change))
        let threshold = Self.onGrid(mid)
        if oriented >= threshold { return .improved }
        if oriented <= -threshold { return .deteriorated }
        return .unchanged
    }

    /// Counts of each classification over `changes` (NaN skipped).
    public func counts(_ changes: [Double]) -> ChangeCounts {
        ChangeCounts(changes.filter { !$0.isNaN }.map(classify))
    }

    /// `x` in units of `resolution`, rounded to the nearest unit.
    static func onGrid(_ x: Double) -> Double {
        (x / resolution).rounded()
    }
}
