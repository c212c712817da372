import Evaluation
import Foundation
import Testing

@testable import Report

/// Every output of many reports read the way an attacker would (METHODS §5
/// "Nothing derived from a suppressed count is shown", "Markers say what is
/// true", "Small populations"): on the demo and on generated programmes with
/// many small groups, several periods, `--by` a group attribute, the group
/// itself and a participant attribute, rounding off and on.
@Suite("Disclosure: an attacker's reading of every output")
struct DisclosureAttackTests {
    /// A database of a programme, imported once per process.
    final class Programme: Sendable {
        let snapshot: ProgrammeSnapshot

        init(folder: URL) throws {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-attack-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let store = try EvaluationStore.open(path: scratch.appendingPathComponent("p.sqlite").path)
            _ = try store.importFiles(try PrivacyTests.requests(in: folder), configuration: ProjectConfiguration())
            snapshot = try store.snapshot()
        }

        /// A synthetic programme of `participants` people (groups of 10–15).
        convenience init(participants: Int, seed: UInt64) throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-synth-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try ProgrammeSynthesizer(
                SynthesisParameters(
                    participants: participants, seed: seed, firstYear: 2013, years: 4, exportDate: nil, italianStyle: false,
                    wideRegister: false)
            ).write(to: folder.path)
            try self.init(folder: folder)
        }

        static let demo = Result { try Programme(folder: try PrivacyTests.demoFolder()) }
        static let small = Result { try Programme(participants: 90, seed: 7) }
        static let larger = Result { try Programme(participants: 400, seed: 11) }
    }

    struct Case: CustomStringConvertible, Sendable {
        var programme: String
        var period: String
        var by: String?
        var round: Int
        var description: String { "\(programme) \(period) by \(by ?? "–") round \(round)" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for (programme, periods) in [
            ("demo", ["2016", "2016Q2", "2015Q3", "2014"]), ("small", ["2016", "2015Q1"]), ("larger", ["2016", "2014Q4"]),
        ] {
            for period in periods {
                // The larger programme has more groups than --by accepts.
                for by in [nil, "site", programme == "larger" ? nil : "group_id", "sex", "composition"] as [String?] {
                    for round in [0, 5] { cases.append(Case(programme: programme, period: period, by: by, round: round)) }
                }
            }
        }
        return cases.enumerated().filter { index, c in !cases[..<index].contains { $0.description == c.description } }.map(\.element)
    }()

    static func programme(_ name: String) throws -> Programme {
        switch name {
        case "small": return try Programme.small.get()
        case "larger": return try Programme.larger.get()
        default: return try Programme.demo.get()
        }
    }

    /// The attack on one case: the files as released, against the same report without suppression.
    static func attack(_ c: Case) throws -> DisclosureAttacker {
        let snapshot = try programme(c.programme).snapshot
        var configuration = ProjectConfiguration()
        configuration.suppressionRound = c.round
        let period = try #require(Period(parsing: c.period))
        let released = try FunderReport(period: period, configuration: configuration, by: c.by).files(from: snapshot)
        let truth = try FunderReport(period: period, configuration: configuration, suppress: false, by: c.by).files(from: snapshot)
        var attacker = DisclosureAttacker(threshold: configuration.suppressionThreshold)
        attacker.attack(released: released, truth: truth)
        return attacker
    }

    @Test("no withheld figure can be worked back and every <5 is true", arguments: cases)
    func nothingRecoverable(_ c: Case) throws {
        let attacker = try Self.attack(c)
        #expect(attacker.findings.isEmpty, "\(c): \(attacker.findings.prefix(10).map(\.description).joined(separator: "\n"))")
    }

    @Test("the attack has something to attack: withheld cells and <5 markers in the outputs")
    func attackIsExercised() throws {
        var withheld = 0
        var markers = 0
        let demo = Self.cases.filter { $0.programme == "demo" && $0.round == 0 }
        for c in demo {
            let attacker = try Self.attack(c)
            withheld += attacker.withheldCells
            markers += attacker.suppressedMarkers
        }
        print("disclosure attack on the demo: \(demo.count) reports, \(withheld) withheld cells, \(markers) <5 markers checked")
        #expect(withheld > 500 && markers > 50)
    }

    @Test("the attacker finds what an unprotected output gives away")
    func attackerFindsLeaks() {
        // A rate beside its hidden numerator, and a partition with one hidden part.
        let released = Data(
            #"{"retention": {"n": 23, "retained": null, "rate": 0.130434782608696, "ci_low": 0.045, "ci_high": 0.321}, "reemployment": {"n": 23, "employed": 10, "by_type": {"traineeship": null, "fixed_term": 4, "permanent": 3}}}"#
                .utf8)
        let truth = Data(
            #"{"retention": {"n": 23, "retained": 3, "rate": 0.130434782608696, "ci_low": 0.045, "ci_high": 0.321}, "reemployment": {"n": 23, "employed": 10, "by_type": {"traineeship": 3, "fixed_term": 4, "permanent": 3}}}"#
                .utf8)
        var attacker = DisclosureAttacker(threshold: 5)
        attacker.attack(released: [("summary.json", released)], truth: [("summary.json", truth)])
        #expect(attacker.findings.contains { $0.how.contains("rate × n") })
        #expect(attacker.findings.contains { $0.how.contains("total − the other parts") })
        // A false <5 in a Markdown table.
        var markdown = DisclosureAttacker(threshold: 5)
        markdown.attack(
            released: [("report.md", Data("| a | b |\n| - | -: |\n| x | <5 |\n".utf8))],
            truth: [("report.md", Data("| a | b |\n| - | -: |\n| x | 48 |\n".utf8))])
        #expect(markdown.findings.count == 1)
    }
}
