import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Cronbach's α, reliable change and MID")
struct ReliabilityTests {
    struct Expected: Decodable { let cases: [Case] }

    struct Case: Decodable {
        let name: String
        let n: Int
        let k: Int
        let rows: [[Double]]?
        let rawAlpha: Double
        let psychRawAlpha: Double
        let lower: Double
        let upper: Double
        let itemVariances: [Double]
        let totalVariance: Double

        enum CodingKeys: String, CodingKey {
            case name, n, k, rows, lower, upper
            case rawAlpha = "raw_alpha", psychRawAlpha = "psych_raw_alpha", itemVariances = "item_variances", totalVariance =
                "total_variance"
        }
    }

    static let expected = Result { try Fixture.json(Expected.self, "basic-alpha-bfi") }

    /// The bfi Agreeableness items written by generate.R (A1 already reversed).
    static func agreeableness() throws -> Matrix {
        let text = String(decoding: try Fixture.data("basic-alpha-bfi", "data.csv"), as: UTF8.self)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            line.split(separator: ",").compactMap { Double($0) }
        }
        return Matrix(rows: rows)
    }

    static func check(_ alpha: CronbachAlpha, _ c: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(alpha.n == c.n && alpha.k == c.k, sourceLocation: sourceLocation)
        expectClose(alpha.alpha, c.rawAlpha, rtol: 1e-12, c.name, sourceLocation: sourceLocation)
        expectClose(alpha.confidenceInterval?.lower, c.lower, rtol: 1e-10, c.name, sourceLocation: sourceLocation)
        expectClose(alpha.confidenceInterval?.upper, c.upper, rtol: 1e-10, c.name, sourceLocation: sourceLocation)
        expectClose(alpha.itemVariances, c.itemVariances, rtol: 1e-12, c.name, sourceLocation: sourceLocation)
        expectClose(alpha.totalVariance, c.totalVariance, rtol: 1e-12, c.name, sourceLocation: sourceLocation)
    }

    @Test("α of psych::bfi Agreeableness (A1 reversed) matches psych::alpha and alpha.ci")
    func bfi() throws {
        let cases = try Self.expected.get().cases
        let items = try Self.agreeableness()
        #expect(items.rows == 2709 && items.columns == 5)
        let alpha = CronbachAlpha(items: items)
        Self.check(alpha, cases[0])
        let interval = try #require(alpha.confidenceInterval)
        #expect(interval.lower < interval.upper)
    }

    @Test("α of attitude and of small bfi subsets, negative α included")
    func small() throws {
        let cases = try Self.expected.get().cases
        #expect(cases.count == 5)
        for c in cases.dropFirst() {
            let rows = try #require(c.rows)
            let alpha = CronbachAlpha(items: Matrix(rows: rows))
            Self.check(alpha, c)
            if c.itemVariances.contains(0) {
                // psych::alpha drops an item without variance from k; the scale keeps its k items
                #expect(abs((alpha.alpha ?? 0) - c.psychRawAlpha) > 0.1, "\(c.name)")
            } else {
                expectClose(alpha.alpha, c.psychRawAlpha, rtol: 1e-12, c.name)
            }
        }
    }

    @Test("incomplete rows are dropped: complete cases")
    func completeCases() throws {
        let c = try Self.expected.get().cases[1]
        let rows = try #require(c.rows).map { $0.map { Optional($0) } }
        var withMissing = rows
        withMissing.insert([nil, 1, 2, 3, 4, 5, 6], at: 4)
        withMissing.append([1, 2, 3, 4, 5, 6, nil])
        let alpha = CronbachAlpha(rows: withMissing)
        Self.check(alpha, c)
    }

    @Test("n < 2, k < 2 and no variation give no α")
    func undefined() {
        let one = CronbachAlpha(rows: [[1, 2, 3]])
        #expect(one.alpha == nil && one.unavailableReason == .tooFewObservations(required: 2, available: 1))
        let none = CronbachAlpha(rows: [[1, nil], [nil, 2]])
        #expect(none.n == 0 && none.alpha == nil)
        let single = CronbachAlpha(rows: [[1], [2], [4]])
        #expect(single.alpha == nil && single.unavailableReason == .tooFewObservations(required: 2, available: 1))
        let flat = CronbachAlpha(rows: [[3, 3], [3, 3], [3, 3]])
        #expect(flat.alpha == nil && flat.unavailableReason == .constantData)
    }

    @Test("two items, two people: α by hand")
    func byHand() throws {
        // items (1, 3) and (2, 5): variances 2 and 4.5, sum scores 3 and 8: variance 12.5
        let alpha = CronbachAlpha(rows: [[1, 2], [3, 5]])
        expectClose(alpha.alpha, 2 * (1 - 6.5 / 12.5), rtol: 1e-14)
        // F(1, 1) has no useful quantile shortcut; the limits still bracket α
        let interval = try #require(alpha.confidenceInterval)
        #expect(interval.lower < 0.96 && 0.96 < interval.upper)
    }

    @Test("RCI: |RCI| ≥ 1.96 is reliable, inclusive, in the better direction")
    func reliableChange() throws {
        // sd 1, r = 0.5: S_diff = √2·√0.5 (1 up to rounding); 1.96·S_diff / S_diff is exactly 1.96
        let higher = try #require(ReliableChangeIndex(sdBaseline: 1, reliability: 0.5, direction: .higherIsBetter))
        let s = higher.standardErrorOfDifference
        expectClose(s, 1, rtol: 1e-15)
        #expect(higher.index(of: 1.96 * s) == 1.96)
        #expect(higher.classify(1.96 * s) == .improved)
        #expect(higher.classify(1.9599 * s) == .unchanged)
        #expect(higher.classify(-1.96 * s) == .deteriorated)
        let lower = try #require(ReliableChangeIndex(sdBaseline: 1, reliability: 0.5, direction: .lowerIsBetter))
        #expect(lower.classify(-1.96 * s) == .improved)
        #expect(lower.classify(1.96 * s) == .deteriorated)
        let counts = higher.counts([3, -3, 0, 1, 2, .nan])
        #expect(counts == ChangeCounts(improved: 2, unchanged: 2, deteriorated: 1))
        #expect(counts.total == 5)
        // WEMWBS-like: sd 8, r = 0.89 → S_diff = 8·√2·√0.11
        let wemwbs = try #require(ReliableChangeIndex(sdBaseline: 8, reliability: 0.89, direction: .higherIsBetter))
        expectClose(wemwbs.standardErrorOfDifference, 8 * 2.0.squareRoot() * 0.11.squareRoot(), rtol: 1e-15)
        expectClose(wemwbs.index(of: 7), 7 / (8 * (0.22).squareRoot()), rtol: 1e-14)
    }

    @Test("RCI needs a positive baseline sd and a reliability below 1")
    func reliableChangeUndefined() {
        #expect(ReliableChangeIndex(sdBaseline: 0, reliability: 0.8, direction: .higherIsBetter) == nil)
        #expect(ReliableChangeIndex(sdBaseline: 5, reliability: 1, direction: .higherIsBetter) == nil)
        #expect(ReliableChangeIndex(sdBaseline: .nan, reliability: 0.8, direction: .higherIsBetter) == nil)
        #expect(ReliableChangeIndex(sdBaseline: 5, reliability: -0.2, direction: .higherIsBetter) != nil)
    }

    @Test("MID counts are inclusive both ways and follow the direction")
    func mid() throws {
        let higher = try #require(MinimalImportantDifference(3, direction: .higherIsBetter))
        #expect(higher.classify(3) == .improved)
        #expect(higher.classify(2.999) == .unchanged)
        #expect(higher.classify(-3) == .deteriorated)
        #expect(higher.classify(3.1 - 0.1) == .improved)
        let small = try #require(MinimalImportantDifference(0.2, direction: .higherIsBetter))
        #expect(0.3 - 0.1 < 0.2)
        #expect(small.classify(0.3 - 0.1) == .improved)
        let lower = try #require(MinimalImportantDifference(3, direction: .lowerIsBetter))
        #expect(lower.classify(-3) == .improved)
        #expect(lower.classify(3) == .deteriorated)
        #expect(lower.counts([-5, -3, -2, 0, 2, 3, 4]) == ChangeCounts(improved: 2, unchanged: 3, deteriorated: 2))
        #expect(MinimalImportantDifference(0, direction: .higherIsBetter) == nil)
    }
}
