import Evaluation
import Foundation
import Testing

@testable import Report

/// METHODS §9 *Rounding that holds*: with `[suppression] round = 5`, every rate,
/// share, interval and cost per person published is the one of the counts as
/// published (rounded), so none pins an unrounded count; means and α are coarsened.
@Suite("Disclosure: rounding that holds")
struct RoundingDisclosureTests {
    static let cases: [(String, String, String?)] = [
        ("demo", "2016", nil), ("demo", "2013", nil), ("demo", "2015Q3", "site"), ("small", "2016", "sex"), ("larger", "2014Q4", nil),
    ]

    @Test("every published rate and cost per person is that of the rounded counts beside it", arguments: cases.indices)
    func consistent(_ index: Int) throws {
        let (name, label, by) = Self.cases[index]
        let snapshot = try DisclosureAttackTests.programme(name).snapshot
        var configuration = ProjectConfiguration()
        configuration.suppressionRound = 5
        configuration.budget = 48_700
        let period = try #require(Period(parsing: label))
        let files = try FunderReport(period: period, configuration: configuration, by: by).files(from: snapshot)
        let data = try #require(files.first { $0.0 == "summary.json" }?.1)
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var checked = 0
        func check(_ object: [String: Any], _ count: String, _ denominator: String, _ rate: String, _ place: String) {
            guard let x = object[count] as? Int, let n = object[denominator] as? Int, let r = object[rate] as? Double else { return }
            #expect(x % 5 == 0 && n % 5 == 0, "\(place): counts \(x), \(n) not rounded")
            #expect(abs(r - Double(x) / Double(n)) < 1e-9, "\(place): \(rate) \(r) is not \(x)/\(n)")
            if let low = object["ci_low"] as? Double, let p = Proportion(successes: x, trials: n)?.wilsonInterval(level: 0.95) {
                #expect(abs(low - p.lower) < 1e-9, "\(place): the interval is not that of \(x)/\(n)")
            }
            checked += 1
        }
        func visit(_ value: Any, _ place: String) {
            if let object = value as? [String: Any] {
                check(object, "retained", "n", "rate", place)
                check(object, "employed", "n", "rate", place)
                check(object, "employed", "enrolled", "reemployment_rate", place)
                for (key, child) in object { visit(child, place + "." + key) }
            } else if let array = value as? [Any] {
                for (k, child) in array.enumerated() { visit(child, place + "[\(k)]") }
            }
        }
        visit(summary, label)
        #expect(checked > 2)
        // Cost per person: the total over the published people.
        if let cost = summary["cost"] as? [String: Any], let total = cost["total"] as? Double,
            let reemployment = summary["reemployment"] as? [String: Any]
        {
            if let per = cost["per_enrolled"] as? Double, let n = reemployment["n"] as? Int {
                #expect(abs(per - total / Double(n)) < 1e-6)
            }
            if let per = cost["per_reemployed"] as? Double, let n = reemployment["employed"] as? Int {
                #expect(abs(per - total / Double(n)) < 1e-6)
            }
        }
        // Means and α are coarsened to two decimals.
        for w in summary["wellbeing"] as? [[String: Any]] ?? [] {
            for key in ["mean_baseline", "mean_followup", "mean_change", "alpha_baseline"] {
                if let x = w[key] as? Double { #expect(abs(x * 100 - (x * 100).rounded()) < 1e-6, "\(key) \(x) at full precision") }
            }
        }
    }
}
