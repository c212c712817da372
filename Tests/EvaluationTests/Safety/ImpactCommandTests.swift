import Foundation
import Testing

@testable import Store

/// `evalrun impact` through the executable on MatchIt's lalonde data put in
/// evalrun's files (Fixtures/impact-lalonde/files, written by generate.R): the
/// pairs' effect, its two intervals, the balance table and the weighting against
/// R to 1e-6; the comparison files' own errors; nothing written to the database.
@Suite("impact through the executable")
struct ImpactCommandTests {
    static func lalonde() throws -> ProjectFolder {
        let project = try ProjectFolder()
        let files = try Fixture.url("impact-lalonde", "files/groups.csv").deletingLastPathComponent()
        let imported = try EvalrunProcess.run(["import", files.path, "--db", project.database, "--quiet"], in: project.url)
        guard imported.status == 0 else { throw ProjectFolder.Failure(message: imported.stderr) }
        return project
    }

    static let covariates = "age,educ,race,married,nodegree,re74,re75"

    func run(_ project: ProjectFolder, _ extra: [String]) throws -> [String: Any] {
        let outcome = try EvalrunProcess.run(
            ["impact", "--db", project.database, "--match", Self.covariates, "--json", "--quiet"] + extra, in: project.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func close(_ a: Any?, _ b: Any?, _ what: String) {
        guard let b = b as? Double else {
            #expect(a == nil || a is NSNull, "\(what): \(String(describing: a)) vs null")
            return
        }
        #expect(
            ((a as? Double) ?? .nan) - b < 1e-6 * max(1, abs(b)) && b - ((a as? Double) ?? .nan) < 1e-6 * max(1, abs(b)),
            "\(what): \(String(describing: a)) vs \(b)")
    }

    @Test("nearest within a 0.2 SD caliper: the counts, balance and effect of MatchIt, sandwich and clubSandwich")
    func nearest() throws {
        let project = try Self.lalonde()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let before = try project.dump()
        let json = try run(project, ["--caliper", "0.2"])
        // The data are untouched; the release is recorded (METHODS §9 Releases).
        func data(_ dump: String) -> String {
            dump.components(separatedBy: "\n## ").filter { !$0.hasPrefix("release") }.joined(separator: "\n## ")
        }
        let after = try project.dump()
        #expect(data(after) == data(before))
        #expect(after.contains("impact") && after.contains("cohort"))
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("impact-lalonde", "expected.json")) as? [String: Any])
        let nearest = try #require(expected["nearest"] as? [String: Any])
        #expect(json["method"] as? String == "nearest" && json["horizon_months"] as? Int == 12)
        #expect((json["treated"] as? [String: Int]) == ["n": 185, "observed": 185, "matched": 113])
        #expect((json["controls"] as? [String: Int]) == ["n": 429, "observed": 429, "matched": 113])
        let effect = try #require(json["effect"] as? [String: Any])
        for (key, value) in try #require(nearest["effect"] as? [String: Any]) { close(effect[key], value, key) }
        let balance = try #require(json["balance"] as? [[String: Any]])
        let reference = try #require(nearest["balance"] as? [[String: Any]])
        #expect(balance.map { $0["covariate"] as? String } == reference.map { $0["covariate"] as? String })
        for (row, r) in zip(balance, reference) {
            for (key, value) in r where key != "covariate" && key != "mean_treated_matched" {
                close(row[key], value, "\(r["covariate"] ?? "") \(key)")
            }
        }
        let unadjusted = try #require(json["unadjusted"] as? [String: Any])
        for key in ["estimate", "ci_low", "ci_high"] { close(unadjusted[key], (expected["unadjusted"] as? [String: Any])?[key], key) }
        let kinds = (json["caveats"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("unmeasured_confounding") && kinds.contains("unmatched_participants"))
    }

    @Test("a 6-month horizon: the same people (every job began two months in), the same effect; a short follow-up counts out")
    func sixMonths() throws {
        let project = try Self.lalonde()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let twelve = try run(project, [])
        let six = try run(project, ["--horizon", "6"])
        #expect(six["horizon_months"] as? Int == 6)
        #expect((six["effect"] as? [String: Any])?["estimate"] as? Double == (twelve["effect"] as? [String: Any])?["estimate"] as? Double)
        // Followed to 31 March 1979: 15 months, so every one is observed at 12 months; 18 would leave nobody.
        let refused = try EvalrunProcess.run(
            ["impact", "--db", project.database, "--match", Self.covariates, "--horizon", "18", "--quiet"], in: project.url)
        #expect(refused.status == 2 && refused.stderr.contains("--horizon is 6 or 12"), "\(refused.stderr)")
        let early = try EvalrunProcess.run(
            ["impact", "--db", project.database, "--match", Self.covariates, "--to", "1978-12-31", "--from", "1978-01-01", "--quiet"],
            in: project.url)
        #expect(early.status == 1 && early.stderr.contains("too few people observed 12 months"), "\(early.stderr)")
    }

    @Test("weighting: ATT weights, the weighted balance and the HC3 effect of R")
    func weighting() throws {
        let project = try Self.lalonde()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let json = try run(project, ["--method", "weighting"])
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("impact-lalonde", "expected.json")) as? [String: Any])
        let weighting = try #require(expected["weighting"] as? [String: Any])
        let effect = try #require(json["effect"] as? [String: Any])
        for (key, value) in try #require(weighting["effect"] as? [String: Any]) where key != "p" {
            close(effect[key], value, key)
        }
        close(json["effective_sample_size"], weighting["effective_sample_size"], "effective sample size")
        for (row, r) in zip(json["balance"] as? [[String: Any]] ?? [], weighting["balance"] as? [[String: Any]] ?? []) {
            for (key, value) in r where key != "covariate" { close(row[key], value, "\(r["covariate"] ?? "") \(key)") }
        }
    }

    @Test("the report's files in both languages, into a folder of its own")
    func outputs() throws {
        let project = try Self.lalonde()
        defer { try? FileManager.default.removeItem(at: project.url) }
        for lang in ["en", "it"] {
            let out = project.url.appendingPathComponent("impact-\(lang)")
            let made = try EvalrunProcess.run(
                ["impact", "--db", project.database, "--match", Self.covariates, "--out", out.path, "--lang", lang, "--quiet"],
                in: project.url)
            try #require(made.status == 0, "\(made.stderr)")
            let names = Set(try FileManager.default.subpathsOfDirectory(atPath: out.path))
            for name in [
                "impact.md", "impact.html", "impact.json", "tables/impact_balance.csv", "tables/impact_effect.csv",
                "figures/impact_balance.svg", "figures/impact_overlap.svg",
            ] {
                #expect(names.contains(name), "\(lang): \(name)")
            }
            let md = try String(contentsOf: out.appendingPathComponent("impact.md"), encoding: .utf8)
            #expect(md.contains(lang == "it" ? "Prima l'equilibrio" : "Balance first"))
            #expect(!md.contains("[text missing"))
        }
    }

    @Test("the demo: fewer than 5 participants unmatched withhold the people analysed and what pins them, not the effect")
    func demoDisclosure() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let outcome = try EvalrunProcess.run(
            ["impact", "--db", project.database, "--match", "age,sex,education,status_at_entry", "--period", "2016", "--json", "--quiet"],
            in: project.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let treated = try #require(json["treated"] as? [String: Any])
        // Fewer than 5 unmatched: the people observed would give them back beside the 145 matched.
        #expect(treated["observed"] is NSNull && treated["matched"] as? Int == 145)
        let balance = try #require(json["balance"] as? [[String: Any]])
        #expect(balance.allSatisfy { $0["mean_treated"] is NSNull && $0["smd_all"] is NSNull })
        #expect(balance.allSatisfy { $0["smd_matched"] is Double })
        let effect = try #require(json["effect"] as? [String: Any])
        #expect(effect["estimate"] is Double && effect["ci_low_cr2"] is Double)
        let caveats = (json["caveats"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(caveats.contains { $0.hasPrefix("<5 of the [c] participants") }, "\(caveats)")
    }

    @Test("--pseudonymise: comparison codes are stored as pseudonyms, the both-sides check works on them, impact runs")
    func pseudonymised() throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let key = try project.write("key", "0123456789abcdef0123456789abcdef-test-key\n")
        let keyed = ["--pseudonymise", "--key-file", key]
        #expect(try project.importFile("groups", try project.write("g.csv", "group_id\nG1\n")).status == 0)
        let participants = (1...6).map { "P0000\($0),G1,2016-01-1\($0),\($0 % 2 == 0 ? "F" : "M"),197\($0)" }
        #expect(
            try project.importFile(
                "participants",
                try project.write(
                    "p.csv", "participant_id,group_id,enrolled_on,sex,birth_year\n" + participants.joined(separator: "\n") + "\n"),
                keyed
            ).status == 0)
        let both = try project.importFile(
            "comparison",
            try project.write("c.csv", "person_id,reference_date,sex,birth_year\nC00001,2016-01-10,F,1970\nP00003,2016-01-10,M,1972\n"),
            keyed)
        #expect(both.status == 1 && both.stderr.contains("c.csv:3:") && both.stderr.contains("P00003"), "\(both.stderr)")
        let people = (1...8).map { "C0000\($0),2016-01-0\($0),\($0 % 3 == 0 ? "F" : "M"),196\($0)" }
        #expect(
            try project.importFile(
                "comparison",
                try project.write("c.csv", "person_id,reference_date,sex,birth_year\n" + people.joined(separator: "\n") + "\n"), keyed
            ).status == 0)
        #expect(
            try project.importFile(
                "comparison_outcomes", try project.write("co.csv", "person_id,event_date,outcome\nC00002,2016-03-01,TD\n"), keyed
            ).status == 0)
        let dump = try project.dump()
        #expect(!dump.contains("C00001") && !dump.contains("P00001"))
        let impact = try EvalrunProcess.run(
            [
                "impact", "--db", project.database, "--match", "sex,birth_year", "--to", "2018-12-31", "--from", "2016-01-01",
                "--caliper", "none", "--json", "--no-suppress", "--quiet",
            ], in: project.url)
        #expect(impact.status == 0 && impact.stdout.contains("\"matched\": 6"), "\(impact.stderr)\(impact.stdout)")
        #expect(!impact.stdout.contains("C0000") && !impact.stdout.contains("P0000"))
    }

    @Test("no comparison group, an unknown covariate, a person on both sides: clear errors, nothing changed")
    func errors() throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        try project.loadBasics()
        let none = try EvalrunProcess.run(["impact", "--db", project.database, "--match", "sex"], in: project.url)
        #expect(none.status == 1 && none.stderr.contains("no comparison group"), "\(none.stderr)")
        let before = try project.dump()
        let both = try project.write("confronto.csv", "codice_persona,data_riferimento,sesso\nC1,2016-01-10,F\nP1,2016-01-10,M\n")
        let refused = try project.importFile("confronto", both)
        #expect(
            refused.status == 1 && refused.stderr.contains("confronto.csv:3:") && refused.stderr.contains("both a participant"),
            "\(refused.stderr)")
        #expect(try project.dump() == before)
        let fine = try project.write("confronto2.csv", "codice_persona,data_riferimento,sesso\nC1,2016-01-10,F\nC2,2016-01-12,M\n")
        #expect(try project.importFile("confronto", fine).status == 0)
        let unknown = try EvalrunProcess.run(["impact", "--db", project.database, "--match", "shoe_size"], in: project.url)
        #expect(unknown.status == 2 && unknown.stderr.contains("shoe_size"), "\(unknown.stderr)")
        let orphan = try project.write("esiti_confronto.csv", "person_id,event_date,outcome\nC9,2016-03-01,TD\n")
        let refusedOutcome = try project.importFile("esiti_confronto", orphan)
        #expect(refusedOutcome.status == 1 && refusedOutcome.stderr.contains("C9"), "\(refusedOutcome.stderr)")
    }
}
