/// The nonparametric bootstrap of a statistic, resampling rows or whole
/// clusters with replacement, with percentile and BCa intervals.
///
/// Each of R replicates draws n units (rows, or clusters) uniformly with
/// replacement by `Xoshiro256StarStar(seed:)` (`nextIndex`), in draw order,
/// and evaluates the statistic on the row indices drawn (a cluster contributes
/// all its rows, in their original order). The same seed gives the same
/// replicates on every machine. The jackknife leaves out one unit at a time.
///
/// Intervals (see `BootstrapIntervals`): percentile as
/// `boot::boot.ci(type = "perc")` and BCa as Efron & Tibshirani (1993),
/// *An Introduction to the Bootstrap*, §14.3, with jackknife acceleration
/// (eq. 14.15), both read off the sorted replicates by boot's `norm.inter`
/// rule (normal-scale interpolation between order statistics when
/// (R + 1)·α is not an integer). R's resampling stream differs, so equality
/// with R holds given the same replicates:
/// `boot.ci(b, conf, type = c("perc", "bca"), L = (n - 1) * (mean(jack) - jack))`.
/// The cluster bootstrap resamples clusters as Davison & Hinkley (1997, §3.8).
public struct Bootstrap: Sendable {
    /// The default seed.
    public static let defaultSeed: UInt64 = 20_160_401

    /// Row indices of each resampling unit.
    let units: [[Int]]

    /// Resampling of `rows` single rows.
    /// - Throws: `ResamplingError.tooFewUnits` with fewer than 2 rows.
    public init(rows: Int) throws {
        guard rows >= 2 else { throw ResamplingError.tooFewUnits(max(rows, 0)) }
        units = (0..<rows).map { [$0] }
    }

    /// Resampling of clusters: `clusters[i]` is row i's cluster code (any
    /// integers; clusters ordered by code).
    /// - Throws: `ResamplingError.tooFewUnits` with fewer than 2 clusters.
    public init(clusters: [Int]) throws {
        var rowsOf: [Int: [Int]] = [:]
        for (row, code) in clusters.enumerated() { rowsOf[code, default: []].append(row) }
        guard rowsOf.count >= 2 else { throw ResamplingError.tooFewUnits(rowsOf.count) }
        units = rowsOf.keys.sorted().compactMap { rowsOf[$0] }
    }

    /// Number of resampling units (rows or clusters).
    public var unitCount: Int { units.count }

    /// Runs R replicates and computes the intervals.
    /// - Parameters:
    ///   - statistic: the statistic of a sample given by its row indices
    ///     (rows may repeat); it must not depend on their order for the
    ///     jackknife and the replicates to estimate the same thing.
    /// - Throws: `ResamplingError.nonFiniteStatistic` when θ̂ is not finite,
    ///   `.tooFewUnits` when fewer than 2 replicates are finite.
    public func run(
        replicates count: Int = 2_000, level: Double = 0.95, seed: UInt64 = Bootstrap.defaultSeed,
        statistic: ([Int]) -> Double
    ) throws -> BootstrapResult {
        precondition(count > 0 && level > 0 && level < 1, "replicates > 0 and 0 < level < 1")
        let allRows = units.flatMap { $0 }
        let estimate = statistic(allRows)
        guard estimate.isFinite else { throw ResamplingError.nonFiniteStatistic }
        var generator = Xoshiro256StarStar(seed: seed)
        var values: [Double] = []
        values.reserveCapacity(count)
        var drawn: [Int] = []
        drawn.reserveCapacity(allRows.count * 2)
        for _ in 0..<count {
            drawn.removeAll(keepingCapacity: true)
            for _ in 0..<units.count { drawn.append(contentsOf: units[generator.nextIndex(units.count)]) }
            values.append(statistic(drawn))
        }
        let finite = values.filter(\.isFinite).sorted()
        guard finite.count >= 2 else { throw ResamplingError.tooFewUnits(finite.count) }
        var start = 0
        let jackknife = units.map { unit -> Double in
            let end = start + unit.count
            defer { start = end }
            return statistic(Array(allRows[..<start]) + allRows[end...])
        }
        let mean = finite.reduce(0, +) / Double(finite.count)
        let variance = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(finite.count - 1)

        var diagnostics: [Diagnostic] = []
        if finite.count < values.count {
            diagnostics.append(
                Diagnostic(
                    kind: .other,
                    message: "\(values.count - finite.count) of \(values.count) bootstrap replicates were not finite and were dropped"))
        }
        let percentile = BootstrapIntervals.percentile(sorted: finite, level: level)
        let bca = BootstrapIntervals.bca(sorted: finite, estimate: estimate, jackknife: jackknife, level: level)
        if percentile.usesExtremeOrderStatistics || bca.interval?.usesExtremeOrderStatistics == true {
            diagnostics.append(
                Diagnostic(kind: .other, message: "extreme order statistics used as end points: use more replicates"))
        }
        if let failure = bca.failure {
            diagnostics.append(Diagnostic(kind: .other, message: "no BCa interval: \(failure)"))
        }
        return BootstrapResult(
            estimate: estimate, replicates: finite, droppedReplicates: values.count - finite.count,
            jackknife: jackknife, standardError: variance.squareRoot(), bias: mean - estimate,
            percentile: percentile, bca: bca.interval, biasCorrection: bca.biasCorrection,
            acceleration: bca.acceleration, seed: seed, diagnostics: diagnostics)
    }
}
