import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Wilcoxon signed-rank test against R")
struct WilcoxonSignedRankTests {
    struct Expected: Decodable { let cases: [Case] }

    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let baseline: [Double]
        let end: [Double]
        let v: Double
        let p: Double?
        let exact: Bool
        let n: Int
        let zeros: Int
        let ties: Bool
        let pRawDifferences: Double?

        enum CodingKeys: String, CodingKey {
            case name, baseline, end, v, p, exact, n, zeros, ties
            case pRawDifferences = "p_raw_differences"
        }

        var testDescription: String { name }
    }

    static let cases: [Case] = (try? Fixture.json(Expected.self, "basic-wilcoxon").cases) ?? []

    @Test("the fixture is there") func fixture() { #expect(Self.cases.count == 15) }

    @Test("V, method and p match wilcox.test(end, baseline, paired = TRUE)", arguments: cases)
    func againstR(_ c: Case) {
        let test = WilcoxonSignedRankTest(baseline: c.baseline, end: c.end)
        #expect(test.v == c.v)
        #expect(test.n == c.n)
        #expect(test.zeros == c.zeros)
        #expect(test.hasTies == c.ties)
        #expect(test.method == (c.exact ? .exact : .normalApproximation))
        expectClose(test.p, c.p, rtol: 1e-12)
        #expect((test.z == nil) == (c.exact || c.n == 0))
    }

    @Test("all differences zero: V = 0 and no p-value, as R's NA")
    func allZero() {
        let test = WilcoxonSignedRankTest(baseline: [1, 2, 3], end: [1, 2, 3])
        #expect(test.v == 0 && test.p == nil && test.n == 0 && test.zeros == 3)
        #expect(test.unavailableReason == .allDifferencesZero)
    }

    @Test("no pairs: no p-value (R stops: not enough observations)")
    func empty() {
        let test = WilcoxonSignedRankTest(differences: [.nan])
        #expect(test.pairs == 0 && test.p == nil)
        #expect(test.unavailableReason == .tooFewObservations(required: 1, available: 0))
    }

    @Test("floating-point noise in the differences does not break ties")
    func rounding() {
        // 0.3 − 0.1 = 0.19999999999999998 and 0.2 − 0 = 0.2 are one tie after rounding
        let test = WilcoxonSignedRankTest(baseline: [0.1, 0, 5, 1], end: [0.3, 0.2, 1, 4])
        #expect(test.hasTies && test.method == .normalApproximation)
        let noisyZero = WilcoxonSignedRankTest(differences: [0.1 + 0.2 - 0.3, 1, 2, 3])
        #expect(noisyZero.zeros == 1 && noisyZero.n == 3)
    }

    @Test("the statistic flips to n(n + 1)/2 − V when the changes change sign, with the same p")
    func symmetry() throws {
        let differences = [0.64, -1.41, -0.77, -2.52, 1.37, -0.78, 0.86, 0.36, -1.01, -0.45]
        let test = WilcoxonSignedRankTest(differences: differences)
        let flipped = WilcoxonSignedRankTest(differences: differences.map { -$0 })
        #expect(test.v + flipped.v == 55)
        expectClose(test.p, flipped.p, rtol: 1e-14)
        #expect(test.method == .exact)
    }

    @Test("average ranks and tie sizes follow R's rank()")
    func ranks() {
        let ranking = WilcoxonSignedRankTest.averageRanks(of: [3, 1, 3, 2, 3])
        #expect(ranking.ranks == [4, 1, 4, 2, 4])
        #expect(ranking.tieSizes.sorted() == [1, 1, 3])
    }
}
