import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// The restricted wild cluster score bootstrap of a logistic coefficient
/// against an independent numpy + statsmodels implementation
/// (Fixtures/wild-bootstrap-logistic: generate.py, expected.json) on two
/// public clustered data sets: every sign vector enumerated (exact p), and
/// 9,999 seeded draws with the same sign vectors (so the same p) that also
/// fall within Monte Carlo error of the exact p.
@Suite("Score wild cluster bootstrap (logistic) against a numpy reference")
struct ScoreWildClusterBootstrapTests {
    struct Case {
        var base: WildClusterBootstrapTests.Case
        var enumerated: Bool
        var seed: UInt64
        var observations: Int
        var clusters: Int
    }

    static func cases() throws -> [Case] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("wild-bootstrap-logistic", "expected.json")) as? [String: Any])
        return (json["cases"] as? [[String: Any]] ?? []).map { c in
            Case(
                base: WildClusterBootstrapTests.Case(
                    name: c["name"] as? String ?? "", outcome: c["outcome"] as? String ?? "",
                    columns: c["columns"] as? [String] ?? [], cluster: c["cluster"] as? String ?? "",
                    draws: c["draws"] as? Int ?? 0, t: c["t"] as? Double ?? .nan, p: c["p"] as? Double ?? .nan),
                enumerated: c["enumerated"] as? Bool ?? false, seed: (c["seed"] as? NSNumber)?.uint64Value ?? 0,
                observations: c["n"] as? Int ?? 0, clusters: c["clusters"] as? Int ?? 0)
        }
    }

    @Test("the fixture has the enumerated and the drawn cases")
    func fixtureLoads() throws {
        let cases = try Self.cases()
        #expect(cases.count == 6)
        #expect(cases.filter(\.enumerated).count == 5)
    }

    @Test("every sign vector: p equals the reference exactly and t to 1e-9")
    func enumeratedMatchesReference() throws {
        for c in try Self.cases() where c.enumerated {
            let (x, y, g) = try WildClusterBootstrapTests.data(c.base)
            #expect(x.rows == c.observations, "\(c.base.name)")
            let result = try ScoreWildClusterBootstrap(design: x, response: y, cluster: g, draws: c.base.draws).test(coefficient: 1)
            #expect(result.enumerated, "\(c.base.name)")
            #expect(result.draws == 1 << c.clusters, "\(c.base.name)")
            expectClose(result.p, c.base.p, rtol: 1e-12, "\(c.base.name) p")
            expectClose(result.t, c.base.t, rtol: 1e-9, "\(c.base.name) t")
            #expect(result.ciLow == nil && result.ciHigh == nil)
        }
    }

    @Test("seeded draws: the reference's p on the same sign vectors, reproducible, within Monte Carlo error of the exact p")
    func drawnMatchesReference() throws {
        let cases = try Self.cases()
        let drawn = try #require(cases.first { !$0.enumerated })
        let exact = try #require(cases.first { $0.enumerated && $0.base.outcome == drawn.base.outcome })
        let (x, y, g) = try WildClusterBootstrapTests.data(drawn.base)
        let bootstrap = ScoreWildClusterBootstrap(design: x, response: y, cluster: g, draws: drawn.base.draws, seed: drawn.seed)
        let a = try bootstrap.test(coefficient: 1)
        let b = try bootstrap.test(coefficient: 1)
        #expect(a == b)
        #expect(!a.enumerated && a.draws == 9_999)
        expectClose(a.p, drawn.base.p, rtol: 1e-12, "drawn p")
        expectClose(a.t, drawn.base.t, rtol: 1e-9, "drawn t")
        let p = exact.base.p
        #expect(abs(a.p - p) < 3 * (p * (1 - p) / Double(a.draws)).squareRoot())
    }

    @Test("the data's own sign vector and its negation tie with t exactly and are never counted")
    func tiesAreNotCounted() throws {
        let c = try #require(try Self.cases().first { $0.base.name == "8groups retained" })
        let (x, y, g) = try WildClusterBootstrapTests.data(c.base)
        let scores = try ScoreWildClusterBootstrap(design: x, response: y, cluster: g).clusterScores(coefficient: 1)
        let ones = Array(repeating: 1.0, count: scores.efficient.count)
        let up = ScoreWildClusterBootstrap.statistic(ones, scores.efficient, scores.share)
        let down = ScoreWildClusterBootstrap.statistic(ones.map { -$0 }, scores.efficient, scores.share)
        #expect(abs(up.numerator) == abs(down.numerator) && up.variance == down.variance)
        let both = ScoreWildClusterBootstrap.pValue(scores.efficient, scores.share, signs: [ones, ones.map { -$0 }])
        #expect(both == 0)
    }

    @Test("the restricted fit's score equations: the nuisance scores sum to zero, the efficient scores to the score of β_j")
    func efficientScoreSums() throws {
        let c = try #require(try Self.cases().first { $0.base.name == "8groups reemployed adjusted" })
        let (x, y, g) = try WildClusterBootstrapTests.data(c.base)
        let scores = try ScoreWildClusterBootstrap(design: x, response: y, cluster: g).clusterScores(coefficient: 1)
        let others = [0, 2, 3]
        let fit = try LogisticRegression(design: x.selectingColumns(others), response: y).fit()
        let total = (0..<x.rows).reduce(0.0) { $0 + x[$1, 1] * (y[$1] - fit.fitted[$1]) }
        expectClose(scores.efficient.reduce(0, +), total, rtol: 1e-9)
        expectClose(scores.share.reduce(0, +), 1, rtol: 1e-14)
    }

    @Test("cluster codes are arbitrary integers: relabelling and reordering the clusters changes nothing")
    func clusterCodes() throws {
        let c = try #require(try Self.cases().first { $0.base.name == "8groups retained adjusted" })
        let (x, y, g) = try WildClusterBootstrapTests.data(c.base)
        let a = try ScoreWildClusterBootstrap(design: x, response: y, cluster: g).test(coefficient: 1)
        let b = try ScoreWildClusterBootstrap(design: x, response: y, cluster: g.map { 1_000 - 7 * $0 }).test(coefficient: 1)
        #expect(a.p == b.p && a.draws == b.draws)
        expectClose(a.t, b.t, rtol: 1e-12)
    }

    @Test("one cluster, mismatched lengths and a separated null model are refused")
    func refusals() throws {
        let x = Matrix(columns: [[1, 1, 1, 1, 1, 1], [0, 1, 0, 1, 0, 1]])
        let y: [Double] = [0, 1, 1, 0, 1, 0]
        #expect(throws: ResamplingError.tooFewUnits(1)) {
            try ScoreWildClusterBootstrap(design: x, response: y, cluster: [3, 3, 3, 3, 3, 3]).test(coefficient: 1)
        }
        #expect(throws: ResamplingError.self) {
            try ScoreWildClusterBootstrap(design: x, response: [0, 1], cluster: [1, 2]).test(coefficient: 1)
        }
        // The null model 1 + z separates y perfectly: nothing to resample.
        let z: [Double] = [0, 0, 0, 1, 1, 1]
        let separated = Matrix(columns: [[1, 1, 1, 1, 1, 1], [0, 1, 0, 1, 0, 1], z])
        #expect(throws: ResamplingError.self) {
            try ScoreWildClusterBootstrap(design: separated, response: z, cluster: [1, 1, 2, 2, 3, 3]).test(coefficient: 1)
        }
    }
}
