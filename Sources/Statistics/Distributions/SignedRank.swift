import Foundation

/// The exact null distribution of the Wilcoxon signed-rank statistic V, the
/// sum of the ranks 1…n carrying a positive sign, each sign positive with
/// probability ½ independently (R's `dsignrank`/`psignrank`).
///
/// P(V = v) = c(v; n)/2ⁿ, where c(v; n) counts the subsets of {1, …, n} with
/// sum v, from the recursion c(v; k) = c(v; k − 1) + c(v − k; k − 1)
/// (as R's `csignrank`), carried out on probabilities (halving at each k) so
/// that nothing overflows for n up to about 1000. By the symmetry
/// c(v; n) = c(n(n + 1)/2 − v; n) only v ≤ n(n + 1)/4 is stored, and
/// cumulative sums are taken from the nearer end, so both tails keep their
/// relative precision.
///
/// The table for each n is built once (O(n³) time, O(n²) memory) and shared
/// between instances. n ≤ 0 gives NaN, as in R.
public struct SignedRank: Sendable {
    public let n: Int
    /// P(V = v) for v = 0…⌊n(n + 1)/4⌋.
    private let lowerMasses: [Double]
    /// P(V ≤ v) for v = 0…⌊n(n + 1)/4⌋.
    private let lowerCumulative: [Double]

    public init(n: Int) {
        self.n = n
        if n > 0 {
            let table = SignedRankCache.shared.table(n)
            lowerMasses = table.masses
            lowerCumulative = table.cumulative
        } else {
            lowerMasses = []
            lowerCumulative = []
        }
    }

    /// The largest value of V, n(n + 1)/2.
    public var maximum: Int { n * (n + 1) / 2 }

    /// P(V = v) (R's `dsignrank(v, n)`).
    public func pmf(_ v: Int) -> Double {
        guard n > 0 else { return .nan }
        if v < 0 || v > maximum { return 0 }
        return lowerMasses[min(v, maximum - v)]
    }

    /// P(V ≤ v) (R's `psignrank(v, n)`).
    public func cdf(_ v: Int) -> Double {
        guard n > 0 else { return .nan }
        if v < 0 { return 0 }
        if v >= maximum { return 1 }
        if v < lowerCumulative.count { return lowerCumulative[v] }
        return 1 - lowerCumulative[maximum - v - 1]
    }

    /// P(V > v) (R's `psignrank(v, n, lower.tail = FALSE)`).
    public func sf(_ v: Int) -> Double {
        guard n > 0 else { return .nan }
        if v < 0 { return 1 }
        if v >= maximum { return 0 }
        // P(V > v) = P(V ≥ v + 1) = P(V ≤ maximum − v − 1) by symmetry.
        return cdf(maximum - v - 1)
    }
}

/// The per-n tables of `SignedRank`, built on first use.
private final class SignedRankCache: @unchecked Sendable {
    static let shared = SignedRankCache()

    struct Table {
        let masses: [Double]
        let cumulative: [Double]
    }

    // `tables` is only touched while holding `lock`.
    private let lock = NSLock()
    private var tables: [Int: Table] = [:]

    func table(_ n: Int) -> Table {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[n] { return table }
        let table = Self.build(n)
        tables[n] = table
        return table
    }

    private static func build(_ n: Int) -> Table {
        let half = n * (n + 1) / 4
        var masses = [Double](repeating: 0, count: half + 1)
        masses[0] = 1
        for k in 1...n {
            let reach = min(half, k * (k + 1) / 2)
            if reach >= k {
                for v in stride(from: reach, through: k, by: -1) {
                    masses[v] = 0.5 * (masses[v] + masses[v - k])
                }
            }
            for v in 0..<min(k, reach + 1) {
                masses[v] *= 0.5
            }
        }
        var cumulative = masses
        for v in cumulative.indices.dropFirst() {
            cumulative[v] += cumulative[v - 1]
        }
        return Table(masses: masses, cumulative: cumulative)
    }
}
