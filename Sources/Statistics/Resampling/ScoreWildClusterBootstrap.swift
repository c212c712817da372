import Foundation
import LinearAlgebra

/// The restricted wild cluster *score* bootstrap for one coefficient of a
/// logistic regression (Kline & Santos 2012, "A score based approach to wild
/// bootstrap inference", *J. Econometric Methods* 1(1):23–41; the score
/// bootstrap of Stata's `boottest` after ML estimation, Roodman, MacKinnon,
/// Nielsen & Webb 2019, "Fast and wild", *Stata Journal* 19(1):4–60). A
/// logistic model has no residuals to resample, so its per-cluster scores are
/// resampled instead, and nothing is re-estimated per draw.
///
/// For H₀: β_j = 0, with X the full n × k design:
///
/// - the restricted model (column j left out) is fitted by `LogisticRegression`,
///   giving μ̃; the scores over the full design are sᵢ = xᵢ(yᵢ − μ̃ᵢ), their
///   cluster sums S_g (k-vectors; S_g,₋ⱼ sums to 0 over g, the restricted
///   fit's score equations), and H̃ = Xᵀ W̃ X with W̃ = diag μ̃(1 − μ̃);
/// - the efficient score of cluster g for β_j, the nuisance parameters
///   partialled out with the restricted information:
///   s̃_g = S_g,j − H̃_j,₋ⱼ H̃₋ⱼ,₋ⱼ⁻¹ S_g,₋ⱼ (`boottest` uses (H̃⁻¹)_j· S_g, which is
///   (H̃⁻¹)_jj · s̃_g: the constant cancels in t);
/// - the statistic for signs v (v = 1 for the data): T(v) = Σ_g v_g s̃_g over
///   √D(v), D(v) = Σ_g (v_g s̃_g − π_g T(v))², π_g = N_g / N the cluster's share
///   of the observations: the cluster-robust variance of the bootstrap score
///   *recentred* as `boottest` does (each cluster's bootstrap score minus its
///   share of their sum). The uncentred form Σ_g (v_g s̃_g)² equals Σ_g s̃_g² for
///   every Rademacher vector (v_g² = 1): its bootstrap would only resample the
///   numerator; the recentred one keeps the bootstrap studentized;
/// - t = T(1) / √(c·D(1)) with the small-sample factor of WCR11,
///   c = G/(G−1)·(N−1)/(N−k); c multiplies every D(v) alike and cancels in p.
///
/// Two-sided p = share of sign vectors with |t*| > |t| strictly. The vectors
/// ±(1, …, 1) give |t*| = |t| exactly and are never counted (as in
/// `WildClusterBootstrap`), and a |t*| within 1e-12 relative of |t| counts as
/// equal, so that rounding cannot decide a tie and the result does not depend
/// on the CPU: every sum after the restricted fit runs in Swift, in a fixed
/// order. When 2^G ≤ `draws` every sign vector is enumerated (exact,
/// seed-free); otherwise `draws` seeded Rademacher vectors from the stream of
/// `WildClusterBootstrap`. No interval: inverting the test would need a
/// restricted fit per trial β₀, so `ciLow`/`ciHigh` are `nil`.
///
/// Cost: one restricted IRLS fit and O(n·k²) set-up, then O(G) per sign vector.
/// Throws `ResamplingError` for fewer than 2 clusters, a restricted fit that
/// does not converge or is separated, or a score with no spread (D(1) = 0).
public struct ScoreWildClusterBootstrap: Sendable {
    let design: Matrix
    let response: [Double]
    let cluster: [Int]
    let draws: Int
    let seed: UInt64

    /// - Parameters:
    ///   - design: n × k, with the intercept if the model has one.
    ///   - response: 0/1 outcomes.
    ///   - cluster: the cluster of each row (any integer codes).
    ///   - draws: sign vectors drawn when not enumerating (fwildclusterboot's default 9,999).
    public init(design: Matrix, response: [Double], cluster: [Int], draws: Int = 9_999, seed: UInt64 = 20_240_601) {
        self.design = design
        self.response = response
        self.cluster = cluster
        self.draws = draws
        self.seed = seed
    }

    /// The test of coefficient `j` = 0 (no interval: `ciLow` and `ciHigh` are `nil`).
    public func test(coefficient j: Int) throws -> WildClusterBootstrap.Result {
        let scores = try clusterScores(coefficient: j)
        let g = scores.efficient.count
        let signs = WildClusterBootstrap.SignVectors(clusters: g, draws: draws, seed: seed)
        let observed = Self.statistic(Array(repeating: 1, count: g), scores.efficient, scores.share)
        guard observed.variance > 0, observed.numerator.isFinite, observed.variance.isFinite else {
            throw ResamplingError.nonFiniteStatistic
        }
        let p = Self.pValue(scores.efficient, scores.share, signs: signs)
        let n = Double(design.rows)
        let k = Double(design.columns)
        let factor = Double(g) / Double(g - 1) * (n - 1) / (n - k)
        let t = observed.numerator / (factor * observed.variance).squareRoot()
        return WildClusterBootstrap.Result(t: t, p: p, ciLow: nil, ciHigh: nil, draws: signs.count, enumerated: signs.enumerated)
    }

    /// Per cluster (clusters in ascending code order): the efficient score s̃_g and the share π_g = N_g/N.
    func clusterScores(coefficient j: Int) throws -> (efficient: [Double], share: [Double]) {
        let x = design
        let y = response
        let n = x.rows
        let k = x.columns
        guard y.count == n, cluster.count == n, j >= 0, j < k else {
            throw ResamplingError.dimensionMismatch("design, response and clusters must have one row per observation")
        }
        let codes = Array(Set(cluster)).sorted()
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let g = codes.count
        guard g >= 2 else { throw ResamplingError.tooFewUnits(g) }
        let others = (0..<k).filter { $0 != j }
        let mu = try Self.restrictedMeans(x, y, others: others)
        // Cluster score sums S_g and the restricted information H̃, summed in row order.
        var sums = Array(repeating: Array(repeating: 0.0, count: k), count: g)
        var counts = Array(repeating: 0.0, count: g)
        var information = Matrix(rows: k, columns: k)
        for i in 0..<n {
            guard let h = index[cluster[i]] else { continue }
            let residual = y[i] - mu[i]
            let weight = mu[i] * (1 - mu[i])
            counts[h] += 1
            for r in 0..<k {
                sums[h][r] += x[i, r] * residual
                for c in 0...r { information[r, c] += weight * x[i, r] * x[i, c] }
            }
        }
        // c = H̃₋ⱼ,₋ⱼ⁻¹ H̃₋ⱼ,ⱼ, so that s̃_g = S_g,j − cᵀ S_g,₋ⱼ.
        var projection = [Double](repeating: 0, count: others.count)
        if !others.isEmpty {
            var nuisance = Matrix(rows: others.count, columns: others.count)
            for (a, r) in others.enumerated() {
                for (b, c) in others.enumerated() { nuisance[a, b] = information[max(r, c), min(r, c)] }
            }
            let inverse = try WildClusterBootstrap.Setup.inverse(nuisance)
            for a in others.indices {
                var s = 0.0
                for (b, c) in others.enumerated() { s += inverse[a, b] * information[max(c, j), min(c, j)] }
                projection[a] = s
            }
        }
        let efficient = sums.map { sum in
            var s = sum[j]
            for (a, c) in others.enumerated() { s -= projection[a] * sum[c] }
            return s
        }
        return (efficient, counts.map { $0 / Double(n) })
    }

    /// μ̃ of the restricted logistic model on the columns `others` (½ for every row without columns).
    static func restrictedMeans(_ x: Matrix, _ y: [Double], others: [Int]) throws -> [Double] {
        guard !others.isEmpty else { return Array(repeating: 0.5, count: x.rows) }
        let fit = try LogisticRegression(design: x.selectingColumns(others), response: y).fit()
        if let problem = fit.diagnostics.first(where: { $0.kind == .separation || $0.kind == .nonConvergence }) {
            throw ResamplingError.nullModelNotEstimable(problem.message)
        }
        return fit.fitted
    }

    /// T(v) = Σ_g v_g s̃_g and D(v) = Σ_g (v_g s̃_g − π_g T(v))², in cluster order.
    static func statistic(_ v: [Double], _ score: [Double], _ share: [Double]) -> (numerator: Double, variance: Double) {
        v.withUnsafeBufferPointer { statistic($0, score, share) }
    }

    static func statistic(_ v: UnsafeBufferPointer<Double>, _ score: [Double], _ share: [Double]) -> (
        numerator: Double, variance: Double
    ) {
        var numerator = 0.0
        for g in score.indices { numerator += v[g] * score[g] }
        var variance = 0.0
        for g in score.indices {
            let centred = v[g] * score[g] - share[g] * numerator
            variance += centred * centred
        }
        return (numerator, variance)
    }

    /// The share of `signs` whose |T(v)|/√D(v) exceeds the observed one by more than 1e-12 relative.
    static func pValue(_ score: [Double], _ share: [Double], signs: some Sequence<[Double]>) -> Double {
        var tally = ExceedanceTally(score, share)
        for v in signs { v.withUnsafeBufferPointer { tally.add($0) } }
        return tally.p
    }

    /// `pValue` over the test's own sign vectors, read in place.
    static func pValue(_ score: [Double], _ share: [Double], signs: WildClusterBootstrap.SignVectors) -> Double {
        var tally = ExceedanceTally(score, share)
        let g = signs.clusters
        signs.withEachBlock(size: 512) { block, vectors in
            for d in 0..<vectors { tally.add(UnsafeBufferPointer(rebasing: block[(d * g)..<((d + 1) * g)])) }
        }
        return tally.p
    }

    /// The draws whose |T(v)|/√D(v) exceeds the observed one by more than 1e-12 relative.
    struct ExceedanceTally {
        let score: [Double]
        let share: [Double]
        let threshold: Double
        var exceed = 0
        var count = 0

        init(_ score: [Double], _ share: [Double]) {
            self.score = score
            self.share = share
            let observed = ScoreWildClusterBootstrap.statistic(Array(repeating: 1, count: score.count), score, share)
            threshold = abs(observed.numerator) / observed.variance.squareRoot() * (1 + 1e-12)
        }

        mutating func add(_ v: UnsafeBufferPointer<Double>) {
            count += 1
            // ±(1, …, 1): |t*| = |t| exactly (the data's scores, or all of them negated).
            if v.allSatisfy({ $0 == v[0] }) { return }
            let draw = ScoreWildClusterBootstrap.statistic(v, score, share)
            guard draw.variance > 0 else { return }
            if abs(draw.numerator) / draw.variance.squareRoot() > threshold { exceed += 1 }
        }

        var p: Double { Double(exceed) / Double(count) }
    }
}
