/// A randomization (permutation) test at group level for two levels of an
/// attribute that is constant within groups.
///
/// The groups (clusters) carry the level, so the groups — not the
/// observations — are relabelled: every relabeling keeps the number k of the
/// G groups that carry the non-reference level. With T the statistic (by
/// default the observation-level difference of means, non-reference minus
/// reference: T = Σ_{i∈L₁} yᵢ / n₁ − Σ_{i∈L₀} yᵢ / n₀),
///
///     p = #{relabelings r : |T_r| ≥ |T_obs| − 1e-12·max(1, |T_obs|)} / #relabelings,
///
/// the share of relabelings, the observed one included (two-sided).
/// - Exact: when C(G, k) ≤ `exactLimit` (100,000), every k-subset of groups
///   is enumerated, in lexicographic order; the observed one is among them.
/// - Monte Carlo: otherwise `draws` (10,000) relabelings are drawn uniformly
///   with replacement among the C(G, k) by `Xoshiro256StarStar(seed:)`
///   (partial Fisher–Yates), and the observed one is added:
///   p = (1 + #{draws with |T*| ≥ threshold}) / (1 + draws), which is never 0
///   and is a valid p-value (Phipson & Smyth 2010, *Stat. Appl. Genet. Mol.
///   Biol.* 9(1):39).
///
/// The default statistic costs O(G) per relabeling from precomputed
/// per-group sums and counts. Reference: Edgington & Onghena (2007),
/// *Randomization Tests*, 4th ed., ch. 3; the cluster design as in Gail et
/// al. (1996), "On design considerations and randomization-based inference for
/// community intervention trials", *Stat. Med.* 15:1069. R has no single
/// function for it; the test fixture enumerates `combn(G, k)` by hand.
public struct GroupRandomizationTest: Sendable {
    /// The statistic computed under each relabeling.
    public enum Statistic {
        /// Mean of the observations in non-reference groups minus the mean in reference groups.
        case differenceInMeans
        /// A caller's statistic of the per-group labels (`true` = non-reference level).
        case custom(([Bool]) -> Double)
    }

    /// The default seed of the Monte Carlo path.
    public static let defaultSeed: UInt64 = 20_160_401

    /// Observation values.
    public let values: [Double]
    /// Group index of each observation, in `0..<carriesLevel.count`.
    public let groups: [Int]
    /// Per group: whether it carries the non-reference level (as observed).
    public let carriesLevel: [Bool]
    private let groupSums: [Double]
    private let groupCounts: [Double]

    /// - Throws: `ResamplingError` when lengths disagree, an index is out of
    ///   range, a value is not finite, a group is empty, or a level has no group.
    public init(values: [Double], groups: [Int], carriesLevel: [Bool]) throws {
        guard values.count == groups.count else {
            throw ResamplingError.dimensionMismatch("\(values.count) values, \(groups.count) group indices")
        }
        let count = carriesLevel.count
        guard groups.allSatisfy({ $0 >= 0 && $0 < count }) else {
            throw ResamplingError.dimensionMismatch("group index outside 0..<\(count)")
        }
        guard values.allSatisfy(\.isFinite) else { throw ResamplingError.nonFiniteValue }
        var sums = [Double](repeating: 0, count: count)
        var counts = [Double](repeating: 0, count: count)
        for (value, g) in zip(values, groups) {
            sums[g] += value
            counts[g] += 1
        }
        if let empty = counts.firstIndex(of: 0) { throw ResamplingError.emptyGroup(empty) }
        let k = carriesLevel.filter { $0 }.count
        guard k > 0, k < count else { throw ResamplingError.singleLevel }
        self.values = values
        self.groups = groups
        self.carriesLevel = carriesLevel
        groupSums = sums
        groupCounts = counts
    }

    /// Runs the test.
    /// - Parameters:
    ///   - progress: called with the share done (0…1) every 4,096 relabelings and at the end.
    /// - Throws: `ResamplingError.nonFiniteStatistic` when T_obs is not finite.
    ///   A relabeling whose statistic is not finite never counts as extreme.
    public func run(
        statistic: Statistic = .differenceInMeans, exactLimit: Int = 100_000, draws: Int = 10_000,
        seed: UInt64 = GroupRandomizationTest.defaultSeed, progress: ((Double) -> Void)? = nil
    ) throws -> GroupRandomizationResult {
        let groupCount = carriesLevel.count
        let k = carriesLevel.filter { $0 }.count
        let totalSum = groupSums.reduce(0, +), totalCount = groupCounts.reduce(0, +)
        var labels = [Bool](repeating: false, count: groupCount)
        // T for the relabeling whose non-reference groups are `chosen`.
        func value(_ chosen: ArraySlice<Int>) -> Double {
            switch statistic {
            case .differenceInMeans:
                var sum = 0.0, count = 0.0
                for g in chosen {
                    sum += groupSums[g]
                    count += groupCounts[g]
                }
                return sum / count - (totalSum - sum) / (totalCount - count)
            case .custom(let f):
                for g in labels.indices { labels[g] = false }
                for g in chosen { labels[g] = true }
                return f(labels)
            }
        }
        let observedChosen = carriesLevel.indices.filter { carriesLevel[$0] }
        let observed = value(observedChosen[...])
        guard observed.isFinite else { throw ResamplingError.nonFiniteStatistic }
        let threshold = abs(observed) - 1e-12 * max(1, abs(observed))
        let step = 4_096

        if let total = Self.binomial(groupCount, k, limit: exactLimit) {
            var chosen = Array(0..<k)
            var extreme = 0, done = 0
            repeat {
                if abs(value(chosen[...])) >= threshold { extreme += 1 }
                done += 1
                if done % step == 0 { progress?(Double(done) / Double(total)) }
            } while Self.advance(&chosen, groupCount: groupCount)
            progress?(1)
            return GroupRandomizationResult(
                observed: observed, p: Double(extreme) / Double(done), relabelings: done, extreme: extreme,
                exact: true, seed: nil)
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<groupCount)
        var extreme = 1  // the observed relabeling
        var draw = 0
        while draw < draws {
            generator.partialShuffle(&order, count: k)
            if abs(value(order[0..<k])) >= threshold { extreme += 1 }
            draw += 1
            if draw % step == 0 { progress?(Double(draw) / Double(draws)) }
        }
        progress?(1)
        let relabelings = 1 + max(draws, 0)
        return GroupRandomizationResult(
            observed: observed, p: Double(extreme) / Double(relabelings), relabelings: relabelings,
            extreme: extreme, exact: false, seed: seed)
    }

    /// C(n, k) when it is at most `limit`, else `nil`.
    static func binomial(_ n: Int, _ k: Int, limit: Int) -> Int? {
        let r = min(k, n - k)
        var c = 1
        for i in stride(from: 1, through: r, by: 1) {
            // c·(n − r + i)/i is exact: it is C(n − r + i, i).
            let (product, overflow) = c.multipliedReportingOverflow(by: n - r + i)
            if overflow { return nil }
            c = product / i
            if c > limit { return nil }
        }
        return c
    }

    /// The next k-subset of `0..<groupCount` in lexicographic order; `false` after the last.
    static func advance(_ chosen: inout [Int], groupCount: Int) -> Bool {
        let k = chosen.count
        var i = k - 1
        while i >= 0 && chosen[i] == groupCount - k + i { i -= 1 }
        if i < 0 { return false }
        chosen[i] += 1
        for j in (i + 1)..<k { chosen[j] = chosen[j - 1] + 1 }
        return true
    }
}
