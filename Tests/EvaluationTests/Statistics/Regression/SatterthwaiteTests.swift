import Evaluation
import Foundation
import Testing

@testable import Statistics

/// The fast CR2 / Satterthwaite computation against the direct O(G²)
/// transcription of clubSandwich (`CR2Reference`) on small synthetic data
/// with unequal clusters, including clusters of size one.
@Suite("CR2 Satterthwaite df: fast form against the O(G²) definition")
struct SatterthwaiteTests {
    /// n observations in clusters of sizes 1, 1, 2, 3, … (cycling up to 9),
    /// an intercept, one cluster-level and two observation-level covariates.
    static func synthetic(seed: UInt64, n: Int) -> (x: Matrix, yLinear: [Double], yBinary: [Double], cluster: [Int]) {
        var rng = SplitMix64(seed: seed)
        var cluster: [Int] = []
        var size = 1
        var id = 0
        while cluster.count < n {
            cluster.append(contentsOf: [Int](repeating: id, count: min(size, n - cluster.count)))
            id += 1
            size = id < 2 ? 1 : (size % 9) + 1
        }
        let level = (0...id).map { _ in rng.testUniform() < 0.5 ? 1.0 : 0.0 }
        let effect = (0...id).map { _ in 0.7 * rng.testNormal() }
        var columns: [[Double]] = [[], [], [], []]
        var yLinear: [Double] = []
        var yBinary: [Double] = []
        for i in 0..<n {
            let x1 = level[cluster[i]]
            let x2 = rng.testNormal()
            let x3 = rng.testUniform() * 4
            columns[0].append(1)
            columns[1].append(x1)
            columns[2].append(x2)
            columns[3].append(x3)
            let eta = -0.5 + 0.8 * x1 + 0.6 * x2 - 0.3 * x3 + effect[cluster[i]]
            yLinear.append(eta + rng.testNormal() * (0.5 + x3 / 4))
            yBinary.append(rng.testUniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        return (Matrix(columns: columns), yLinear, yBinary, cluster)
    }

    @Test("linear model: covariance and df agree with the definition", arguments: [(UInt64(1), 60), (UInt64(7), 143)])
    func linear(seed: UInt64, n: Int) throws {
        let data = Self.synthetic(seed: seed, n: n)
        let fit = try LinearRegression(design: data.x, response: data.yLinear).fit()
        let clusters = ClusterIndex(data.cluster)
        let fast = try ClusterRobustCR2(fit, clusters: clusters)
        let reference = try CR2Reference.compute(fit.sandwichParts, clusters)
        expectClose(fast.covariance.storage, reference.covariance.storage, rtol: 1e-8)
        expectClose(fast.degreesOfFreedom, reference.degreesOfFreedom, rtol: 1e-8)
    }

    @Test("logistic model: covariance and df agree with the definition", arguments: [(UInt64(3), 80), (UInt64(11), 157)])
    func logistic(seed: UInt64, n: Int) throws {
        let data = Self.synthetic(seed: seed, n: n)
        let fit = try LogisticRegression(design: data.x, response: data.yBinary).fit()
        #expect(fit.diagnostics.isEmpty)
        let clusters = ClusterIndex(data.cluster)
        let fast = try ClusterRobustCR2(fit, clusters: clusters)
        let reference = try CR2Reference.compute(fit.sandwichParts, clusters)
        expectClose(fast.covariance.storage, reference.covariance.storage, rtol: 1e-8)
        expectClose(fast.degreesOfFreedom, reference.degreesOfFreedom, rtol: 1e-8)
    }

    @Test("the low-rank OLS adjustment equals the dense eigendecomposition")
    func lowRankEqualsDense() throws {
        let data = Self.synthetic(seed: 5, n: 90)
        let fit = try LinearRegression(design: data.x, response: data.yLinear).fit()
        let parts = fit.sandwichParts
        let lower = try Cholesky(parts.bread).lower
        for rows in ClusterIndex(data.cluster).members {
            let cluster = CR2Cluster(parts: parts, rows: rows)
            let dense = try cluster.adjustedWeightsDense(lower: lower)
            let lowRank = try cluster.adjustedWeightsLowRank(lower: lower)
            expectClose(lowRank.storage, dense.storage, rtol: 1e-9, atol: 1e-12)
        }
    }

    @Test("accumulating in batches does not change the df")
    func batching() throws {
        let data = Self.synthetic(seed: 9, n: 120)
        let fit = try LogisticRegression(design: data.x, response: data.yBinary).fit()
        let parts = fit.sandwichParts
        let lower = try Cholesky(parts.bread).lower
        var single = SatterthwaiteDegreesOfFreedom(parameterCount: 4, batchSize: 1)
        var batched = SatterthwaiteDegreesOfFreedom(parameterCount: 4, batchSize: 7)
        for rows in ClusterIndex(data.cluster).members {
            let cluster = CR2Cluster(parts: parts, rows: rows)
            let adjusted = try cluster.adjustedWeightsDense(lower: lower)
            let (d, f) = cluster.satterthwaiteTerms(adjusted: adjusted, bread: parts.bread, lower: lower)
            single.add(weights: d, cross: f)
            batched.add(weights: d, cross: f)
        }
        expectClose(batched.degreesOfFreedom(), single.degreesOfFreedom(), rtol: 1e-12)
    }
}
