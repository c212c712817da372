import Evaluation
import Foundation
import Testing

@testable import Report

/// `compare` read the way an attacker would (METHODS §9 *Disclosure: every output*):
/// its JSON, tables and Markdown released against the same comparison without
/// suppression. A binary level's n beside its share multiplies back to the people
/// with and without the outcome, so a shown share must stand for at least the
/// threshold on both sides; a withheld one must take every comparison with it.
@Suite("Disclosure: an attacker's reading of compare")
struct CompareDisclosureAttackTests {
    struct Case: CustomStringConvertible, Sendable {
        var programme: String
        var to: String
        var by: String
        var description: String { "\(programme) to \(to) by \(by)" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for (programme, dates) in [("demo", ["2016-09-26", "2015-09-30", "2014-12-31"]), ("small", ["2016-09-30", "2015-03-31"])] {
            for to in dates {
                for by in ["composition", "site", "sex", "group_id", "referred_by"] {
                    cases.append(Case(programme: programme, to: to, by: by))
                }
            }
        }
        return cases
    }()

    static func files(_ c: Case, suppress: Bool) throws -> [(String, Data)] {
        let snapshot = try DisclosureAttackTests.programme(c.programme).snapshot
        let configuration = ProjectConfiguration()
        let to = try #require(CalendarDate(iso8601: c.to))
        let comparison = try Comparison(snapshot: snapshot, to: to, configuration: configuration, attribute: c.by)
        let release = ReleasedComparison(comparison, policy: Disclosure(configuration: configuration, suppress: suppress))
        return try ComparisonReport(release, language: .en).files()
    }

    static func json(_ files: [(String, Data)]) throws -> [String: Any] {
        let data = try #require(files.first { $0.0 == "comparison.json" }?.1)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("no share gives a small count back, and a withheld share withholds the comparisons", arguments: cases)
    func nothingRecoverable(_ c: Case) throws {
        let threshold = 5
        let released = try Self.files(c, suppress: true)
        let truth = try Self.files(c, suppress: false)
        let outcomes = try #require(try Self.json(released)["outcomes"] as? [[String: Any]])
        let truthOutcomes = try #require(try Self.json(truth)["outcomes"] as? [[String: Any]])
        var checked = 0
        for (outcome, real) in zip(outcomes, truthOutcomes) where outcome["kind"] as? String == "binary" {
            let name = outcome["outcome"] as? String ?? "?"
            let levels = outcome["levels"] as? [[String: Any]] ?? []
            let realLevels = real["levels"] as? [[String: Any]] ?? []
            var anySmall = false
            for (level, realLevel) in zip(levels, realLevels) {
                guard let n = realLevel["n"] as? Int, let share = realLevel["estimate"] as? Double else { continue }
                let events = Int((share * Double(n)).rounded())
                let small = (1..<threshold).contains(events) || (1..<threshold).contains(n - events) || n < threshold
                anySmall = anySmall || small
                checked += 1
                if let shownN = level["n"] as? Int, let shownShare = level["estimate"] as? Double {
                    let recovered = Int((shownShare * Double(shownN)).rounded())
                    #expect(
                        !(1..<threshold).contains(recovered) && !(1..<threshold).contains(shownN - recovered),
                        "\(c) \(name) \(level["level"] ?? ""): share × n gives \(recovered) of \(shownN)")
                } else if small {
                    continue
                }
                #expect(!small || level["estimate"] is NSNull, "\(c) \(name) \(level["level"] ?? ""): a small cell's share is shown")
            }
            if anySmall {
                for difference in outcome["differences"] as? [[String: Any]] ?? [] {
                    #expect(difference["estimate"] is NSNull, "\(c) \(name): a difference beside a withheld share")
                }
                for term in outcome["adjusted"] as? [[String: Any]] ?? [] {
                    #expect(term["estimate"] is NSNull, "\(c) \(name): a model beside a withheld share")
                }
            }
        }
        #expect(checked > 0)
        var attacker = DisclosureAttacker(threshold: threshold)
        attacker.attack(released: released, truth: truth)
        #expect(attacker.findings.isEmpty, "\(c): \(attacker.findings.prefix(10).map(\.description).joined(separator: "\n"))")
    }
}
