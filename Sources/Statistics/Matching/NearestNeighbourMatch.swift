/// 1:1 nearest-neighbour matching on a score without replacement, within a
/// caliper, exactly as `MatchIt::matchit(method = "nearest", replace = FALSE,
/// m.order = "largest")` (MatchIt 4.5, `nn_matchC_vec`):
///
/// - every unit is placed in ascending order of its score (ties in data order);
/// - the treated are taken in descending order of their score (ties in data order);
/// - for each, the nearest control still free is looked for on either side of
///   it in that order: the first free control below and the first above; one
///   whose distance exceeds the caliper ends the search on its side;
/// - the closer of the two is taken (the lower one on a tie); it is no longer free;
/// - a treated unit with neither side within the caliper stays unmatched.
///
/// Reference: Stuart, "Matching methods for causal inference", *Statistical
/// Science* 25 (2010); Austin, *Pharmaceutical Statistics* 10 (2011) for the
/// caliper of 0.2 standard deviations of the score.
public struct NearestNeighbourMatch: Sendable, Equatable {
    /// For each unit, the index of its matched control if it is a matched
    /// treated unit; `nil` otherwise.
    public let controlOf: [Int?]
    /// The caliper as a distance on the score scale (`nil`: none).
    public let caliperWidth: Double?

    /// The matched pairs, in data order of the treated.
    public var pairs: [(treated: Int, control: Int)] {
        controlOf.enumerated().compactMap { index, control in control.map { (index, $0) } }
    }

    /// Matches `treated` units to controls on `scores`.
    /// - Parameter caliperWidth: the largest distance a pair may have (MatchIt's
    ///   `caliper × sd(score)`, see `standardCaliper`), or `nil` for none.
    public init(scores: [Double], treated: [Bool], caliperWidth: Double?) {
        precondition(scores.count == treated.count, "one score per unit")
        let n = scores.count
        // Ascending, ties in data order (R's `sort.list`, a stable radix sort).
        let sorted = (0..<n).sorted { (scores[$0], $0) < (scores[$1], $1) }
        var position = [Int](repeating: 0, count: n)
        for (rank, unit) in sorted.enumerated() { position[unit] = rank }
        var free = sorted.map { !treated[$0] }
        let order = (0..<n).filter { treated[$0] }.sorted { (-scores[$0], $0) < (-scores[$1], $1) }
        var controlOf = [Int?](repeating: nil, count: n)

        func nearestFree(from rank: Int, step: Int) -> Int? {
            var k = rank + step
            while k >= 0 && k < n {
                if free[k] {
                    if let width = caliperWidth, abs(scores[sorted[rank]] - scores[sorted[k]]) > width { return nil }
                    return k
                }
                k += step
            }
            return nil
        }

        for unit in order {
            let rank = position[unit]
            let below = nearestFree(from: rank, step: -1)
            let above = nearestFree(from: rank, step: 1)
            let chosen: Int
            switch (below, above) {
            case (let b?, let a?):
                let score = scores[unit]
                chosen = abs(scores[sorted[b]] - score) <= abs(scores[sorted[a]] - score) ? b : a
            case (let b?, nil): chosen = b
            case (nil, let a?): chosen = a
            case (nil, nil): continue
            }
            free[chosen] = false
            controlOf[unit] = sorted[chosen]
        }
        self.controlOf = controlOf
        self.caliperWidth = caliperWidth
    }

    /// MatchIt's standardised caliper: `caliper` standard deviations (n − 1
    /// denominator) of the score over every unit.
    public static func standardCaliper(_ caliper: Double, scores: [Double]) -> Double {
        caliper * (SampleSummary(scores).sd ?? 0)
    }
}
