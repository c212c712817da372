import Evaluation
import Foundation
import Testing

@testable import Indicators

/// compare's headline effects and balance at entry against R (Fixtures/headline-balance:
/// generate.R on the 8-group programme's data.csv — lm with clubSandwich CR2 and
/// Satterthwaite df, p.adjust(holm), and the standardised differences written out).
@Suite("Headline effects and balance at entry against R")
struct HeadlineBalanceTests {
    static func expected() throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("headline-balance", "expected.json")) as? [String: Any])
    }

    static func close(_ a: Double?, _ b: Any?) -> Bool {
        guard let a, let b = b as? Double else { return false }
        return abs(a - b) <= 1e-8 * max(1, abs(b))
    }

    @Test("every headline contrast, unadjusted and adjusted for age and sex, to 1e-8", arguments: [false, true])
    func headline(adjusted: Bool) throws {
        let (snapshot, to) = try CompareFixture.snapshot()
        let comparison = try Comparison(
            snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: "composition",
            adjust: adjusted ? ["age", "sex"] : [])
        let rows = try #require(try Self.expected()[adjusted ? "adjusted" : "unadjusted"] as? [[String: Any]])
        #expect(rows.count == 5)
        for row in rows {
            let name = try #require(row["outcome"] as? String)
            let h = try #require(comparison.outcomes.first { $0.outcome == name }?.headline.first, "\(name)")
            #expect(h.level == row["level"] as? String)
            for (mine, key) in [
                (h.estimate, "estimate"), (h.ciLow, "ci_low"), (h.ciHigh, "ci_high"), (h.df, "df"), (h.pCR2, "p_cr2"), (h.pHolm, "p_holm"),
            ] {
                #expect(Self.close(mine, row[key]), "\(name) \(key): \(String(describing: mine)) vs \(String(describing: row[key]))")
            }
        }
    }

    @Test("balance at entry: the share of women and the mean age by composition, with their standardised differences")
    func balance() throws {
        let (snapshot, to) = try CompareFixture.snapshot()
        let comparison = try Comparison(snapshot: snapshot, to: to, configuration: ProjectConfiguration(), attribute: "composition")
        let rows = try #require(try Self.expected()["balance"] as? [[String: Any]])
        for row in rows {
            let attribute = try #require(row["attribute"] as? String)
            let category = row["category"] as? String
            let mine = try #require(comparison.balance.rows.first { $0.attribute == attribute && $0.category == category }, "\(attribute)")
            #expect(Self.close(mine.valueReference, row["value_reference"]), "\(attribute)")
            #expect(Self.close(mine.valueOther, row["value_other"]), "\(attribute)")
            #expect(Self.close(mine.smd, row["smd"]), "\(attribute) smd")
        }
    }
}
