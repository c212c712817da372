import Evaluation
import Foundation
import Testing

/// `evalrun compare` run as a researcher runs it (METHODS §5 "Caveats a
/// researcher needs", "Outputs of compare --out"): the caveats on the demo
/// and on a programme built to trigger the others, per-level counts of rows
/// left out for a missing covariate, and the `--out` folder in Italian with
/// the Excel dialect.
@Suite("compare outputs through the executable", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct CompareOutputTests {
    static func json(_ project: ProjectFolder, _ options: [String]) throws -> [String: Any] {
        let outcome = try EvalrunProcess.run(["compare", "--db", project.database, "--json", "--quiet"] + options, in: project.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    static func caveats(_ document: [String: Any]) -> [(kind: String, message: String)] {
        (document["caveats"] as? [[String: Any]] ?? []).map { ($0["kind"] as? String ?? "", $0["message"] as? String ?? "") }
    }

    @Test("headline effects: pp and points with CR2, wild and randomization p, Holm over every contrast; by site not reliable (df 2)")
    func headline() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let outcomes = try #require(try Self.json(project, ["--by", "composition"])["outcomes"] as? [[String: Any]])
        let headlines = outcomes.flatMap { ($0["headline"] as? [[String: Any]]) ?? [] }
        #expect(headlines.count == 5)  // the binary and continuous outcomes, one level each
        let retained = try #require(outcomes.first { $0["outcome"] as? String == "retained" }?["headline"] as? [[String: Any]]).first
        #expect(retained?["unit"] as? String == "percentage_points")
        #expect(abs((retained?["estimate"] as? Double ?? 0) - 14.1211323239) < 1e-6)
        #expect(retained?["reliable"] as? Bool == true && retained?["p_wild"] is Double && retained?["p_randomization"] is Double)
        // p_holm is Holm's adjustment of every contrast's p_cr2.
        let holm = HolmAdjustment.adjust(headlines.map { $0["p_cr2"] as? Double })
        for (h, expected) in zip(headlines, holm) {
            #expect(abs((h["p_holm"] as? Double ?? -1) - (expected ?? -2)) < 1e-9)
        }
        let site = try #require(try Self.json(project, ["--by", "site"])["outcomes"] as? [[String: Any]])
        let attendance = try #require(site.first { $0["outcome"] as? String == "attendance_rate" }?["headline"] as? [[String: Any]])
        #expect(attendance.count == 5 && attendance.allSatisfy { $0["reliable"] as? Bool == false && ($0["df"] as? Double ?? 9) < 4 })
    }

    @Test("Italian written as Italian for every --by of the demo: no assembled form, no invented term")
    func italianEveryAttribute() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let assembled = [
            "Composizione del gruppo è", "Sede è", "determina quasi composizione", "Aggiustato per: nulla", "Esiti per valore",
            "Rietichettature", "ES misto", "l'effetto di composizione", "homogeneous", "heterogeneous", "Headline", "not reliable",
        ]
        for attribute in ["composition", "site", "sex", "education", "status_at_entry", "referred_by", "età"] {
            let out = project.url.appendingPathComponent("it-\(UUID().uuidString)")
            let run = try EvalrunProcess.run(
                ["compare", "--db", project.database, "--by", attribute, "--lang", "it", "--out", out.path, "--quiet"], in: project.url)
            try #require(run.status == 0, "\(attribute): \(run.stderr)")
            let text = String(decoding: try Data(contentsOf: out.appendingPathComponent("comparison.md")), as: UTF8.self)
            for form in assembled { #expect(!text.contains(form), "\(attribute): '\(form)'") }
        }
    }

    @Test("--jobs adds the jobs that last after the six: the ESF+ leavers as a binary outcome, the first period in work as a survival one")
    func jobsOutcomes() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let plain = try #require(try Self.json(project, ["--by", "composition"])["outcomes"] as? [[String: Any]])
        let document = try Self.json(project, ["--by", "composition", "--jobs"])
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == plain.count + 2)
        let names = outcomes.map { $0["outcome"] as? String ?? "" }
        #expect(Array(names.suffix(2)) == ["in_work_6m_after_leaving", "first_spell_days"])
        #expect(outcomes.suffix(2).map { $0["kind"] as? String } == ["binary", "survival"])
        // The first period in work is over the re-employed: 57 people in the demo, split by composition.
        let levels = try #require(outcomes.last?["levels"] as? [[String: Any]])
        #expect(levels.compactMap { $0["n"] as? Int }.reduce(0, +) == 57)
        #expect(Self.caveats(document).contains { $0.message.contains("8 outcomes") })
    }

    @Test("the demo: few clusters, site confounding composition (Cramér's V 0.91), six outcomes, each caveat once; waves named")
    func demoCaveats() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let document = try Self.json(project, ["--adjust", "age,sex"])
        let caveats = Self.caveats(document)
        #expect(
            caveats.map(\.kind) == [
                "few_clusters", "group_confounder", "baseline_imbalance", "multiple_outcomes", "unadjusted_ignores_clustering",
            ])
        #expect(caveats[0].message.contains("heterogeneous: 5, homogeneous: 7"))
        #expect(caveats[1].message.contains("site") && caveats[1].message.contains("Cramér's V 0.91"))
        #expect(caveats[2].message.contains("standardised difference 0.3"))
        #expect(caveats[3].message.contains("6 outcomes") && caveats[3].message.contains("26.5%"))
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        for o in outcomes {
            let name = o["outcome"] as? String ?? ""
            #expect((o["waves"] as? [String]) == (name.hasPrefix("wellbeing_change:") ? ["baseline", "end"] : nil), "\(name)")
            let dropped = o["dropped_missing_covariates"] as? [String: Any]
            #expect(Set(dropped?.keys.map { $0 } ?? []) == ["heterogeneous", "homogeneous"])
            #expect(o["warning"] as? String == nil || !(o["warning"] as? String ?? "").contains("few clusters"))
        }
        // The per-level "fragile" warnings are now the one few_clusters caveat.
        #expect((document["warnings"] as? [String] ?? []).allSatisfy { !$0.contains("fewer than 10 groups") })
    }

    /// Two early homogeneous groups (2014) and two late heterogeneous ones
    /// (2016), observed to the end of 2016; a participants file with its own
    /// `age` column, missing for some; sites that do not follow composition
    /// (but the start year does).
    static func unequalProject() throws -> ProjectFolder {
        let project = try ProjectFolder()
        var groups = "group_id,composition,site,start_date\n"
        var participants = "participant_id,group_id,enrolled_on,age,sex\n"
        var sessions = "group_id,session_no,date\n"
        var attendance = "group_id,participant_id,session_no,present\n"
        var outcomes = "participant_id,event_date,outcome\n"
        for (g, (composition, site, start)) in [
            ("homogeneous", "Forlì", "2014-02-03"), ("homogeneous", "Cesena", "2014-03-03"),
            ("heterogeneous", "Forlì", "2016-05-02"), ("heterogeneous", "Cesena", "2016-06-06"),
        ].enumerated() {
            let code = "G\(g + 1)"
            groups += "\(code),\(composition),\(site),\(start)\n"
            for k in 1...4 { sessions += "\(code),\(k),\(start.prefix(8))\(String(format: "%02d", 2 + 6 * k))\n" }
            for p in 1...8 {
                let id = "P\(g + 1)\(p)"
                participants += "\(id),\(code),\(start),\(p == 1 ? "" : String(30 + p + g)),\(p % 2 == 0 ? "F" : "M")\n"
                for k in 1...4 { attendance += "\(code),\(id),\(k),\(k <= 2 + p % 3 ? 1 : 0)\n" }
                if p % 3 == 0 { outcomes += "\(id),\(start.prefix(4))-11-15,fixed_term\n" }
            }
        }
        for (kind, name, text) in [
            ("groups", "groups.csv", groups), ("participants", "participants.csv", participants),
            ("sessions", "sessions.csv", sessions), ("attendance", "attendance.csv", attendance),
            ("outcomes", "outcomes.csv", outcomes),
        ] {
            let imported = try project.importFile(kind, try project.write(name, text))
            try #require(imported.status == 0, "\(name): \(imported.stderr)")
        }
        return project
    }

    @Test("unequal follow-up is named with both medians; rows without a covariate are counted per level")
    func unequalFollowUp() throws {
        let project = try Self.unequalProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let document = try Self.json(project, ["--adjust", "age", "--to", "2016-12-31", "--from", "2014-01-01", "--no-suppress"])
        let caveats = Self.caveats(document)
        #expect(caveats.map(\.kind).contains("unequal_follow_up"), "\(caveats.map(\.kind))")
        let confounders = caveats.filter { $0.kind == "group_confounder" }.map(\.message)
        #expect(confounders.count == 1 && confounders[0].contains("start year"), "\(confounders)")
        let follow = try #require(caveats.first { $0.kind == "unequal_follow_up" })
        // Heterogeneous groups enrolled on 2 May and 6 June 2016 (243 and 208 days to the end of 2016: median
        // 225.5 days, 7.4 months), homogeneous ones on 3 February and 3 March 2014 (1,062 and 1,034 days: 34.4 months).
        #expect(follow.message.contains("heterogeneous: 7.4") && follow.message.contains("homogeneous: 34.4"), "\(follow.message)")
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        let reemployed = try #require(outcomes.first { $0["outcome"] as? String == "reemployed" })
        let dropped = reemployed["dropped_missing_covariates"] as? [String: Int]
        #expect(dropped == ["heterogeneous": 2, "homogeneous": 2])
        #expect(reemployed["n_dropped_missing_covariates"] as? Int == 4)
        // With suppression, a count of 2 is withheld.
        let suppressed = try Self.json(project, ["--adjust", "age", "--to", "2016-12-31", "--from", "2014-01-01"])
        let first = (suppressed["outcomes"] as? [[String: Any]])?.first
        #expect((first?["dropped_missing_covariates"] as? [String: Any])?["heterogeneous"] is NSNull)
    }

    @Test("compare --out in Italian with excel-it: md, html, json, tidy tables and both forest plots; no English word")
    func outFolder() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let out = project.url.appendingPathComponent("comparison")
        let run = try EvalrunProcess.run(
            [
                "compare", "--db", project.database, "--adjust", "age,sex", "--out", out.path, "--lang", "it", "--csv-dialect",
                "excel-it", "--quiet",
            ], in: project.url)
        try #require(run.status == 0, "\(run.stderr)")
        let files = try CPUIndependenceTests.files(out)
        for name in [
            "/comparison.md", "/comparison.html", "/comparison.json", "/figures/comparison_forest.svg",
            "/figures/comparison_differences.svg", "/tables/comparison_levels.csv", "/tables/comparison_models.csv",
        ] {
            #expect(files[name] != nil, "\(name) missing: \(files.keys.sorted())")
        }
        for (path, data) in files where path.hasPrefix("/tables/") {
            ReportOptionsTests.checkTidy(path, data, separator: ";", decimalComma: true)
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(path)")
        }
        let html = ReportOptionsTests.text(files["/comparison.html"])
        #expect(html.contains("<svg") && !html.contains("src=\"http") && !html.contains("<script"))
        let markdown = ReportOptionsTests.text(files["/comparison.md"])
        #expect(markdown.contains("## Prima di leggere") && markdown.contains("V di Cramér 0,91"))
        let english: Set<String> = [
            "the", "and", "of", "homogeneous", "heterogeneous", "reemployed", "retained", "attendance", "composition", "nothing",
            "groups", "level", "reference", "logistic", "linear", "boundary", "fit", "age", "sex",
        ]
        let words = ReportOptionsTests.words(markdown)
        #expect(words.intersection(english).isEmpty, "English in the Italian comparison: \(words.intersection(english).sorted())")
        let json = try #require(try JSONSerialization.jsonObject(with: files["/comparison.json"] ?? Data()) as? [String: Any])
        #expect(Self.caveats(json).first?.message.hasPrefix("Pochi cluster") == true)
    }
}

/// METHODS §5 "Age" end to end, on public data: AchievementAwardsRCT's 2001
/// cohort (Fixtures/compare-achievement-awards, from clubSandwich) exported the
/// way a survey tool would — a participants file with its own `age` column (the
/// fixture's lagscore, a numeric covariate) and no `birth_year`, the award arm
/// as a participant column, Bagrut attainment as a job event — then
/// `compare --by arm --adjust age,sex` through the executable against R's
/// glm + clubSandwich (generate.R there, `awards_sex_lagscore`).
@Suite("compare on a file's own age column against R", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct CompareOwnAgeTests {
    @Test("the adjusted logistic by-term, its CR2 SE and Satterthwaite df match R to 1e-6")
    func ownAge() throws {
        let t = try CompareRealDataTests.table("data.csv")
        let schools = t["school"] ?? []
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        var groups = "group_id\n"
        for school in Set(schools).sorted() { groups += "S\(school)\n" }
        var participants = "participant_id,group_id,enrolled_on,sex,age,arm\n"
        var events = "participant_id,event_date,outcome\n"
        for k in schools.indices {
            let id = "A\(k + 1)"
            participants += "\(id),S\(schools[k]),2001-01-15,\(t["sex"]?[k] ?? ""),\(t["lagscore"]?[k] ?? ""),\(t["arm"]?[k] ?? "")\n"
            if t["attained"]?[k] == "1" { events += "\(id),2001-09-01,fixed_term\n" }
        }
        for (kind, name, text) in [
            ("groups", "groups.csv", groups), ("participants", "participants.csv", participants), ("outcomes", "outcomes.csv", events),
        ] {
            let imported = try project.importFile(kind, try project.write(name, text))
            try #require(imported.status == 0, "\(name): \(imported.stderr)")
        }
        let document = try CompareOutputTests.json(
            project,
            ["--by", "arm", "--reference", "control", "--adjust", "age,sex", "--to", "2001-12-31", "--from", "2001-01-01", "--no-suppress"])
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        let reemployed = try #require(outcomes.first { $0["outcome"] as? String == "reemployed" })
        let term = try #require((reemployed["adjusted"] as? [[String: Any]])?.first { $0["term"] as? String == "treated" })

        let expected = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data(CompareRealDataTests.fixture, "expected.json")) as? [String: Any])
        let analysis = try #require((expected["analyses"] as? [[String: Any]])?.first { $0["name"] as? String == "awards_sex_lagscore" })
        let attained = try #require((analysis["outcomes"] as? [[String: Any]])?.first { $0["outcome"] as? String == "attained" })
        let reference = try #require((attained["adjusted"] as? [[String: Any]])?.first { $0["term"] as? String == "treated" })
        for key in ["estimate", "se_model", "se_cr2", "df_cr2", "p_cr2", "ci_low_cr2", "ci_high_cr2"] {
            expectClose(term[key] as? Double, reference[key] as? Double, rtol: 1e-6, "\(key)")
        }
        #expect((reemployed["dropped_missing_covariates"] as? [String: Int]) == ["control": 0, "treated": 0])
    }
}
