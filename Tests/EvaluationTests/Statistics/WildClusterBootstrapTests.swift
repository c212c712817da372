import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// The restricted wild cluster bootstrap (WCR11, Rademacher) against Python's
/// `wildboottest` (Fixtures/wild-bootstrap: generate.py, expected.json) on two
/// public clustered data sets, every sign vector enumerated, so p must match
/// exactly; and the interval by test inversion checked by its definition.
@Suite("Wild cluster bootstrap against wildboottest")
struct WildClusterBootstrapTests {
    struct Case {
        var name: String
        var outcome: String
        var columns: [String]
        var cluster: String
        var draws: Int
        var t: Double
        var p: Double
    }

    static func cases() throws -> [Case] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("wild-bootstrap", "expected.json")) as? [String: Any])
        return (json["cases"] as? [[String: Any]] ?? []).map { c in
            Case(
                name: c["name"] as? String ?? "", outcome: c["outcome"] as? String ?? "", columns: c["columns"] as? [String] ?? [],
                cluster: c["cluster"] as? String ?? "", draws: c["draws"] as? Int ?? 0, t: c["t"] as? Double ?? .nan,
                p: c["p"] as? Double ?? .nan)
        }
    }

    /// The case's data from its CSV: design (intercept first), response, cluster codes; rows with a blank dropped.
    static func data(_ c: Case) throws -> (Matrix, [Double], [Int]) {
        let file = c.name.hasPrefix("8groups") ? ("compare-8groups", "data.csv") : ("compare-achievement-awards", "data.csv")
        let text = String(decoding: try Fixture.data(file.0, file.1), as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines.removeFirst()
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        func value(_ row: [String], _ name: String) -> Double? {
            switch name {
            case "homogeneous": return column("composition").map { row[$0] == "homogeneous" ? 1 : 0 }
            case "sex:M": return column("sex").map { row[$0] == "M" ? 1 : 0 }
            case "treated": return column("arm").map { row[$0] == "treated" ? 1 : 0 }
            case "sex:Girl": return column("sex").map { row[$0] == "Girl" ? 1 : 0 }
            default: return column(name).flatMap { Double(row[$0]) }
            }
        }
        var columns = Array(repeating: [Double](), count: c.columns.count)
        var y: [Double] = []
        var clusters: [String] = []
        for row in lines {
            guard let outcome = value(row, c.outcome) else { continue }
            let xs = c.columns.dropFirst().map { value(row, $0) }
            guard xs.allSatisfy({ $0 != nil }), let g = column(c.cluster) else { continue }
            columns[0].append(1)
            for (k, x) in xs.enumerated() { columns[k + 1].append(x ?? 0) }
            y.append(outcome)
            clusters.append(row[g])
        }
        let codes = Array(Set(clusters)).sorted()
        return (Matrix(columns: columns), y, clusters.map { codes.firstIndex(of: $0) ?? 0 })
    }

    /// The sign vectors ±(1, …, 1) give |t*| = |t| exactly (they resample the
    /// original residuals): a strict test leaves them out, but wildboottest
    /// compares t* and t computed by different arithmetic, so it counts them
    /// or not by rounding (in its WEMWBS case it does: 138 of 256 against 136).
    /// Its p is therefore ours, or ours plus those two vectors.
    @Test("p (every sign vector) and t match wildboottest, up to the two vectors that tie with t exactly")
    func matchesReference() throws {
        for c in try Self.cases() {
            let (x, y, g) = try Self.data(c)
            let result = try WildClusterBootstrap(design: x, response: y, cluster: g, draws: c.draws).test(coefficient: 1, interval: false)
            #expect(result.enumerated, "\(c.name)")
            let ties = 2 / Double(result.draws)
            #expect(result.p == c.p || abs(result.p + ties - c.p) < 1e-12, "\(c.name): p \(result.p) vs \(c.p)")
            expectClose(result.t, c.t, rtol: 1e-9, "\(c.name)")
        }
    }

    @Test("the interval inverts the test: p is at least 0.05 just inside each end and below it just outside")
    func intervalInvertsTheTest() throws {
        let c = try #require(try Self.cases().first { $0.name == "8groups WEMWBS" })
        let (x, y, g) = try Self.data(c)
        let bootstrap = WildClusterBootstrap(design: x, response: y, cluster: g)
        let result = try bootstrap.test(coefficient: 1)
        let low = try #require(result.ciLow)
        let high = try #require(result.ciHigh)
        let setup = try WildClusterBootstrap.Setup(design: x, response: y, cluster: g, coefficient: 1)
        #expect(low < setup.estimate && setup.estimate < high)
        let signs = Array(WildClusterBootstrap.SignVectors(clusters: setup.clusters, draws: 1 << setup.clusters, seed: 0))
        let width = high - low
        #expect(setup.pValue(null: low + 1e-6 * width, signs: signs) >= 0.05)
        #expect(setup.pValue(null: low - 1e-6 * width, signs: signs) < 0.05)
        #expect(setup.pValue(null: high - 1e-6 * width, signs: signs) >= 0.05)
        #expect(setup.pValue(null: high + 1e-6 * width, signs: signs) < 0.05)
    }

    @Test("seeded draws are reproducible; with few draws they do not enumerate")
    func seeded() throws {
        let c = try #require(try Self.cases().first { $0.name == "awards attempted" })
        let (x, y, g) = try Self.data(c)
        let a = try WildClusterBootstrap(design: x, response: y, cluster: g, draws: 999).test(coefficient: 1)
        let b = try WildClusterBootstrap(design: x, response: y, cluster: g, draws: 999).test(coefficient: 1)
        #expect(a == b && !a.enumerated && a.draws == 999)
        // Within Monte Carlo error of the exact p (3 standard errors).
        #expect(abs(a.p - c.p) < 3 * (c.p * (1 - c.p) / 999).squareRoot())
    }

    /// 60 groups of 2 to 9 people, an intercept, a group-level treatment and a
    /// covariate, from a fixed stream (JOBS II's size: the cap at 50 groups is gone).
    static func sixtyGroups(groups: Int = 60) -> (Matrix, [Double], [Int]) {
        var rng = Xoshiro256StarStar(seed: 60)
        var columns: [[Double]] = [[], [], []]
        var y: [Double] = []
        var cluster: [Int] = []
        for g in 0..<groups {
            let treated = g % 2 == 0 ? 1.0 : 0.0
            let shock = rng.nextUniform() - 0.5
            for _ in 0..<(2 + Int(rng.nextBounded(8))) {
                let x = rng.nextUniform() * 4
                columns[0].append(1)
                columns[1].append(treated)
                columns[2].append(x)
                y.append(0.3 * treated + 0.5 * x + shock + rng.nextUniform() - 0.5)
                cluster.append(g)
            }
        }
        return (Matrix(columns: columns), y, cluster)
    }

    @Test("the closed form (a draw's numerator and variance as a line and a quadratic in β₀) equals the direct sums")
    func closedFormEqualsDirect() throws {
        let (x, y, cluster) = Self.sixtyGroups()
        let setup = try WildClusterBootstrap.Setup(design: x, response: y, cluster: cluster, coefficient: 1)
        let signs = Array(WildClusterBootstrap.SignVectors(clusters: setup.clusters, draws: 400, seed: 7))
        let g = setup.clusters
        for b0 in [-0.5, 0.0, 0.25, 0.9] {
            // The direct form: c_g(β₀) and the G × G matrix w_gᵀ q_h(β₀), per draw O(G²).
            let c = (0..<g).map { setup.c0[$0] + b0 * setup.c1[$0] }
            let t = abs((setup.estimate - b0) / setup.observedScale)
            var exceed = 0
            for v in signs where !v.allSatisfy({ $0 == v[0] }) {
                var numerator = 0.0
                var variance = 0.0
                for r in 0..<g {
                    numerator += v[r] * c[r]
                    var s = v[r] * c[r]
                    for h in 0..<g {
                        var d = 0.0
                        for m in setup.w[r].indices { d += setup.w[r][m] * (setup.q0[h][m] + b0 * setup.q1[h][m]) }
                        s -= d * v[h]
                    }
                    variance += s * s
                }
                if variance > 0, abs(numerator) / variance.squareRoot() > t { exceed += 1 }
            }
            #expect(setup.pValue(null: b0, signs: signs) == Double(exceed) / Double(signs.count), "β₀ = \(b0)")
        }
    }

    @Test(
        "the test's own draws (blocks, shared among the cores, four lanes at a time) give every draw's figures bit for bit as one vector at a time"
    )
    func sharedDrawsAreExact() throws {
        for (groups, draws) in [(60, 1_003), (7, 9_999), (301, 517)] {
            let (x, y, cluster) = Self.sixtyGroups(groups: groups)
            let setup = try WildClusterBootstrap.Setup(design: x, response: y, cluster: cluster, coefficient: 1)
            let signs = WildClusterBootstrap.SignVectors(clusters: setup.clusters, draws: draws, seed: 11)
            // One array per vector through the plain sequence: the reference.
            let serial = setup.drawStatistics(AnySequence(signs))
            let shared = setup.drawStatistics(signs)
            #expect(shared.count == serial.count && shared.count == signs.count)
            #expect(shared.n0 == serial.n0 && shared.n1 == serial.n1, "\(groups) groups")
            #expect(shared.a == serial.a && shared.b == serial.b && shared.c == serial.c, "\(groups) groups")
            #expect(serial.n0.count == signs.count - (signs.enumerated ? 2 : 0))
        }
    }

    @Test("no cap on the groups: 60 (JOBS II's number) and 1,000 groups get a p and an interval")
    func manyGroups() throws {
        for groups in [60, 1_000] {
            let (x, y, cluster) = Self.sixtyGroups(groups: groups)
            let result = try WildClusterBootstrap(design: x, response: y, cluster: cluster).test(coefficient: 1)
            #expect(!result.enumerated && result.draws == 9_999)
            #expect(result.p >= 0 && result.p <= 1)
            let low = try #require(result.ciLow)
            let high = try #require(result.ciHigh)
            #expect(low < high)
        }
    }
}
