/// Disclosure control for funder outputs (DESIGN §6 and §5 "Suppression"):
/// counts below the threshold are suppressed, and so is every rate, mean or
/// ratio computed from fewer people; in a partition that adds up to a shown
/// total, if only one cell is suppressed the next smallest is too, so the
/// total cannot reveal it. Displayed counts may then be rounded to a base.
public struct Disclosure: Sendable, Equatable {
    /// 0 disables suppression (`--no-suppress`).
    public var threshold: Int
    public var roundingBase: Int

    public init(threshold: Int, roundingBase: Int = 0) {
        self.threshold = threshold
        self.roundingBase = roundingBase
    }

    /// Whether control is applied at all.
    public var isApplied: Bool { threshold > 0 }

    /// A count as shown: `nil` when suppressed (1 … threshold − 1; 0 is shown), else
    /// rounded to the base if one is set.
    public func count(_ n: Int?) -> Int? {
        guard let n else { return nil }
        if isApplied && n > 0 && n < threshold { return nil }
        return rounded(n)
    }

    /// A statistic computed from `people` people: `nil` when fewer than the threshold.
    public func statistic(_ value: Double?, people: Int) -> Double? {
        guard let value else { return nil }
        return isApplied && people < threshold ? nil : value
    }

    /// Rounds a displayed count to the base (halves up), when one is set.
    public func rounded(_ n: Int) -> Int {
        guard roundingBase > 1 else { return n }
        return Int((Double(n) / Double(roundingBase)).rounded(.toNearestOrAwayFromZero)) * roundingBase
    }

    /// Protects a partition: returns the shown cells (`nil` = suppressed).
    /// Primary: every cell in 1 … threshold − 1. Secondary: when exactly one
    /// cell is suppressed, the smallest other non-zero cell too (ties: the first).
    public func partition(_ cells: [Int]) -> [Int?] {
        guard isApplied else { return cells.map { rounded($0) } }
        var hidden = cells.map { $0 > 0 && $0 < threshold }
        if hidden.filter({ $0 }).count == 1 {
            let candidates = cells.indices.filter { !hidden[$0] && cells[$0] > 0 }
            if let next = candidates.min(by: { (cells[$0], $0) < (cells[$1], $1) }) { hidden[next] = true }
        }
        return cells.indices.map { hidden[$0] ? nil : rounded(cells[$0]) }
    }
}
