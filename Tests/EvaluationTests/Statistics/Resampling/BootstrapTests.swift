import Evaluation
import Foundation
import Testing

@testable import Statistics

/// `Fixtures/boot-intervals/expected.json` (see its `generate.R`).
struct BootFixture: Decodable {
    struct Case: Decodable {
        let name: String
        let level: Double
        let estimate: Double
        let t: [Double]
        let jackknife: [Double]
        let data: [String: [Double]]
        let percentile: [Double]
        let bca: [Double]
        let bias_correction: Double
        let acceleration: Double
    }
    let cases: [Case]

    static func named(_ name: String) throws -> Case {
        let all = try Fixture.json(BootFixture.self, "boot-intervals").cases
        guard let found = all.first(where: { $0.name == name }) else {
            throw Fixture.Missing(path: "boot-intervals case \(name)")
        }
        return found
    }
}

@Suite("Bootstrap: percentile and BCa intervals")
struct BootstrapTests {
    static let names = ["aircondit_mean_1999", "aircondit_mean_1000_90", "bigcity_ratio_1000"]

    @Test("given R's replicates, percentile and BCa ends equal boot.ci's", arguments: names)
    func intervalsMatchBootCI(name: String) throws {
        let data = try BootFixture.named(name)
        let sorted = data.t.sorted()
        let percentile = BootstrapIntervals.percentile(sorted: sorted, level: data.level)
        expectClose([percentile.lower, percentile.upper], data.percentile, rtol: 1e-12, "\(name) perc")
        let bca = BootstrapIntervals.bca(
            sorted: sorted, estimate: data.estimate, jackknife: data.jackknife, level: data.level)
        let interval = try #require(bca.interval)
        expectClose([interval.lower, interval.upper], data.bca, rtol: 1e-12, "\(name) bca")
        expectClose(bca.biasCorrection, data.bias_correction, rtol: 1e-12)
        expectClose(bca.acceleration, data.acceleration, rtol: 1e-12)
        #expect(!percentile.usesExtremeOrderStatistics)
    }

    @Test("the jackknife values of the engine equal R's leave-one-out values", arguments: names)
    func jackknifeMatchesR(name: String) throws {
        let data = try BootFixture.named(name)
        let x = try #require(data.data["x"])
        let u = data.data["u"]
        let statistic: ([Int]) -> Double = { rows in
            let top = rows.reduce(0) { $0 + x[$1] }
            guard let u else { return top / Double(rows.count) }
            return top / rows.reduce(0) { $0 + u[$1] }
        }
        let result = try Bootstrap(rows: x.count).run(replicates: 200, level: data.level, statistic: statistic)
        expectClose(result.jackknife, data.jackknife, rtol: 1e-12)
        expectClose(result.estimate, data.estimate, rtol: 1e-12)
        expectClose(result.acceleration, data.acceleration, rtol: 1e-12)
    }

    static let sample: [Double] = [3, 5, 7, 18, 43, 85, 91, 98, 100, 130, 230, 487]  // aircondit hours

    static func mean(_ rows: [Int]) -> Double {
        rows.reduce(0) { $0 + sample[$1] } / Double(rows.count)
    }

    @Test("the bootstrap of a mean: fixed seed, fixed interval; SE near s·√((n−1)/n)/√n; a in closed form")
    func meanClosedForm() throws {
        let bootstrap = try Bootstrap(rows: Self.sample.count)
        let first = try bootstrap.run(replicates: 4_000, seed: 99, statistic: Self.mean)
        let again = try bootstrap.run(replicates: 4_000, seed: 99, statistic: Self.mean)
        let other = try bootstrap.run(replicates: 4_000, seed: 100, statistic: Self.mean)
        #expect(first.replicates == again.replicates)
        #expect(first.percentile == again.percentile && first.bca == again.bca)
        #expect(first.percentile != other.percentile)
        #expect(first.seed == 99 && first.replicates.count == 4_000 && first.diagnostics.isEmpty)

        let n = Double(Self.sample.count)
        let mean = Self.sample.reduce(0, +) / n
        let squares = Self.sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let cubes = Self.sample.reduce(0) { $0 + pow($1 - mean, 3) }
        // Ideal bootstrap SE of a mean: √(Σ(x − x̄)²/n)/√n; 4,000 replicates get within ~2.5%.
        let ideal = (squares / n).squareRoot() / n.squareRoot()
        #expect(abs(first.standardError / ideal - 1) < 0.05, "\(first.standardError) vs \(ideal)")
        #expect(abs(first.bias) < 0.1 * ideal)
        // E&T eq. 14.15 for the mean: θ̄ − θ₍ᵢ₎ = (xᵢ − x̄)/(n − 1), so a = Σ(x − x̄)³ / (6 (Σ(x − x̄)²)^{3/2}).
        expectClose(first.acceleration, cubes / (6 * pow(squares, 1.5)), rtol: 1e-12)
        // Right-skewed data: BCa shifts the interval up.
        let bca = try #require(first.bca)
        #expect(bca.lower > first.percentile.lower && bca.upper > first.percentile.upper)
    }

    @Test("for a symmetric sample BCa is close to the percentile interval")
    func symmetricSampleBCaNearPercentile() throws {
        let symmetric = (-20...20).map { Double($0) }
        let bootstrap = try Bootstrap(rows: symmetric.count)
        let result = try bootstrap.run(replicates: 3_999, seed: 7) { rows in
            rows.reduce(0) { $0 + symmetric[$1] } / Double(rows.count)
        }
        #expect(abs(result.acceleration) < 1e-15)
        let bca = try #require(result.bca)
        let width = result.percentile.upper - result.percentile.lower
        #expect(abs(bca.lower - result.percentile.lower) < 0.05 * width)
        #expect(abs(bca.upper - result.percentile.upper) < 0.05 * width)
    }

    @Test("the cluster bootstrap draws whole clusters and leaves one cluster out in the jackknife")
    func clusterBootstrap() throws {
        // Three clusters with constant values 1, 2, 6: every replicate is a mean of whole clusters.
        let values: [Double] = [1, 1, 2, 2, 2, 6]
        let clusters = [10, 10, 20, 20, 20, 30]
        let bootstrap = try Bootstrap(clusters: clusters)
        #expect(bootstrap.unitCount == 3)
        var sizes = Set<Int>()
        var split = 0
        let result = try bootstrap.run(replicates: 500, seed: 1) { rows in
            sizes.insert(rows.count)
            // Whole clusters: every row of a cluster is drawn as often as the others of that cluster.
            var times = [Int](repeating: 0, count: values.count)
            for row in rows { times[row] += 1 }
            for cluster in Set(clusters) {
                let members = clusters.indices.filter { clusters[$0] == cluster }
                if Set(members.map { times[$0] }).count > 1 { split += 1 }
            }
            return rows.reduce(0) { $0 + values[$1] } / Double(rows.count)
        }
        #expect(split == 0)
        // Replicate sizes are sums of three cluster sizes drawn from {2, 3, 1}: they vary (a row bootstrap's would not).
        #expect(sizes.isSubset(of: Set(3...9)) && sizes.count > 3)
        expectClose(result.jackknife, [(6 + 6) / 4, (2 + 6) / 3, 8 / 5], rtol: 1e-15)
        expectClose(result.estimate, 14.0 / 6, rtol: 1e-15)
    }

    @Test("a degenerate statistic gives no BCa interval and says why")
    func degenerateBCa() throws {
        let result = try Bootstrap(rows: 5).run(replicates: 100) { _ in 1 }
        #expect(result.bca == nil)
        #expect(result.diagnostics.contains { $0.message.contains("BCa") })
        #expect(result.percentile.lower == 1 && result.percentile.upper == 1)
    }

    @Test("fewer than two units are refused")
    func refusals() {
        #expect(throws: ResamplingError.tooFewUnits(1)) { try Bootstrap(rows: 1) }
        #expect(throws: ResamplingError.tooFewUnits(1)) { try Bootstrap(clusters: [4, 4, 4]) }
    }
}
