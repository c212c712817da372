import Evaluation
import Foundation
import Testing

/// `evalrun report` run as an evaluator runs it, with the options a funder's
/// report depends on (METHODS §6): `--lang it`, `--csv-dialect excel-it`,
/// `--from/--to`, `--by`, `--no-suppress`; every table tidy and the
/// `summary.json` keys the contract lists.
@Suite("Report options through the executable", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct ReportOptionsTests {
    /// A project holding the demo programme.
    static func demoProject() throws -> ProjectFolder {
        let project = try ProjectFolder()
        let demo = CPUIndependenceTests.checkout.appendingPathComponent("datasets/demo")
        let imported = try EvalrunProcess.run(["import", demo.path, "--db", project.database, "--quiet"], in: project.url)
        try #require(imported.status == 0, "\(imported.stderr)")
        return project
    }

    /// Runs `report` with `options` into a fresh folder; returns its files by relative path.
    static func report(_ project: ProjectFolder, _ options: [String]) throws -> [String: Data] {
        let out = project.url.appendingPathComponent("report-\(UUID().uuidString)")
        let outcome = try EvalrunProcess.run(
            ["report", "--db", project.database, "--out", out.path, "--quiet"] + options, in: project.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return try CPUIndependenceTests.files(out)
    }

    static func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

    /// The words of a text (letters, digits, `_`, apostrophes inside).
    static func words(_ text: String) -> Set<String> {
        Set(
            text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() })
    }

    /// What the report writes in its own words: report.md without the
    /// provenance table (file names are the data's), and every CSV's cells
    /// without the header (its keys are the same in both languages).
    static func ownWords(_ files: [String: Data]) -> Set<String> {
        var text = text(files["/report.md"])
        if let provenance = text.range(of: "\n## Data provenance") ?? text.range(of: "\n## Provenienza dei dati") {
            text = String(text[..<provenance.lowerBound])
        }
        for (path, data) in files where path.hasPrefix("/tables/") && path != "/tables/provenance.csv" {
            text += "\n" + Self.text(data).split(whereSeparator: \.isNewline).dropFirst().joined(separator: "\n")
        }
        return words(text)
    }

    /// English words and codes that must not reach an Italian report.
    static let english: Set<String> = [
        "the", "and", "of", "with", "by", "from", "to", "retained", "retention", "reemployed", "employed", "months", "share",
        "not", "reached", "missing", "baseline", "end", "fixed_term", "traineeship", "self_employment", "permanent",
        "training", "support_pact", "counselling", "workshop", "homogeneous", "heterogeneous", "sex", "education",
        "status_at_entry", "referred_by", "attendance", "participants", "questionnaires", "outcomes", "services",
        "sessions", "groups", "meeting", "meetings", "period", "rate", "people", "mean", "change", "indicator", "level",
        "yes", "women", "men", "quarter", "january", "december", "shortest", "longest", "median", "cost", "treat",
    ]

    /// Italian words the engine writes, which must not reach an English report.
    static let italian: Set<String> = [
        "iscritti", "mesi", "quota", "tirocinio", "omogeneo", "eterogeneo", "incontri", "frequenza", "periodo", "persone",
        "cambiamento", "strumento", "gruppi", "esiti", "trimestre", "dicembre", "gennaio", "costo", "mancante", "donne",
    ]

    @Test("the Italian report and its tables hold no English word; the English report no Italian one")
    func oneLanguage() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        for by in ["composition", "sex", "service:support_pact"] {
            let it = Self.ownWords(try Self.report(project, ["--period", "2016", "--lang", "it", "--by", by]))
            #expect(
                it.intersection(Self.english).isEmpty,
                "--by \(by): English in the Italian report: \(it.intersection(Self.english).sorted())")
            let en = Self.ownWords(try Self.report(project, ["--period", "2016", "--by", by]))
            #expect(
                en.intersection(Self.italian).isEmpty,
                "--by \(by): Italian in the English report: \(en.intersection(Self.italian).sorted())")
        }
    }

    /// Keys of text columns; every other column of every table is numeric.
    static let textKeys: Set<String> = [
        "indicator", "definition", "type", "service", "attribute", "level", "per", "unit", "instrument", "wave",
        "population_reference", "kind", "file", "sha256", "imported_at", "outcome", "term", "model", "relabelings", "period", "to",
        "check", "severity", "figure", "status", "window", "reliable", "category",
    ]

    /// Checks one CSV: unique snake_case header; numeric columns hold numbers, `[c]`, `[x]` or nothing.
    static func checkTidy(_ path: String, _ data: Data, separator: Character, decimalComma: Bool) {
        var text = text(data)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: separator, omittingEmptySubsequences: false).map(String.init) else {
            Issue.record("\(path): empty")
            return
        }
        #expect(Set(header).count == header.count, "\(path): repeated column names \(header)")
        for key in header {
            #expect(
                key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil, "\(path): column '\(key)' is not snake_case")
        }
        for line in lines.dropFirst() {
            let cells = CSVLine.split(line, separator: separator)
            #expect(cells.count == header.count, "\(path): \(line)")
            for (key, cell) in zip(header, cells) where !textKeys.contains(key) {
                let number = decimalComma ? cell.replacingOccurrences(of: ",", with: ".") : cell
                let ok = cell.isEmpty || cell == "[c]" || cell == "[x]" || Double(number) != nil
                #expect(ok, "\(path): column \(key) holds '\(cell)'")
                if key.hasPrefix("p_"), let p = Double(number) { #expect(p > 0, "\(path): a p-value of 0") }
            }
        }
    }

    @Test("every table is tidy, in both dialects and languages, with --by, --from/--to and --no-suppress")
    func tidyTables() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let runs: [[String]] = [
            ["--period", "2016"], ["--period", "2016Q2", "--lang", "it", "--by", "site"],
            ["--from", "2013-01-01", "--to", "2016-12-31", "--by", "composition", "--csv-dialect", "excel-it"],
            ["--period", "2015", "--no-suppress", "--by", "group_id"],
        ]
        for options in runs {
            let files = try Self.report(project, options)
            let excel = options.contains("excel-it")
            let tables = files.filter { $0.key.hasPrefix("/tables/") }
            #expect(tables.count >= 10, "\(options): \(tables.keys.sorted())")
            for (path, data) in tables {
                Self.checkTidy(path, data, separator: excel ? ";" : ",", decimalComma: excel)
                if excel { #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(path): no UTF-8 BOM") }
            }
        }
    }

    @Test("--csv-dialect excel-it writes ';', a decimal comma and a BOM; rates stay fractions with ci_low and ci_high")
    func excelDialect() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let files = try Self.report(project, ["--period", "2016", "--csv-dialect", "excel-it"])
        let retention = Self.text(files["/tables/retention.csv"])
        #expect(retention.hasPrefix("\u{FEFF}indicator;numerator;denominator;rate;ci_low;ci_high;definition"))
        #expect(retention.contains(";99;160;0,61875;0,54"), "\(retention)")
        let plain = Self.text(try Self.report(project, ["--period", "2016"])["/tables/retention.csv"])
        #expect(plain.contains(",99,160,0.61875,0.54"), "\(plain)")
    }

    @Test("--from/--to names the period in words; --no-suppress is stamped and recorded")
    func periodAndStamp() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let span = try Self.report(project, ["--from", "2015-07-01", "--to", "2016-06-30", "--lang", "it"])
        let markdown = Self.text(span["/report.md"])
        #expect(markdown.hasPrefix("# Rapporto di valutazione del programma — dal 1 luglio 2015 al 30 giugno 2016"))
        let summary = try #require(try JSONSerialization.jsonObject(with: span["/summary.json"] ?? Data()) as? [String: Any])
        let period = summary["period"] as? [String: Any]
        #expect(period?["from"] as? String == "2015-07-01" && period?["to"] as? String == "2016-06-30")
        let quarter = Self.text(try Self.report(project, ["--period", "2016Q2"])["/report.md"])
        #expect(quarter.hasPrefix("# Programme evaluation report — 2nd quarter 2016"))

        let open = try Self.report(project, ["--period", "2016", "--no-suppress"])
        #expect(Self.text(open["/report.md"]).contains("NOT FOR DISTRIBUTION"))
        #expect(Self.text(open["/report.html"]).contains("@top-center { content: \"NOT FOR DISTRIBUTION"))
        let openSummary = try #require(try JSONSerialization.jsonObject(with: open["/summary.json"] ?? Data()) as? [String: Any])
        #expect((openSummary["suppression"] as? [String: Any])?["applied"] as? Bool == false)
    }

    @Test("the key figures open the report, before any table, in both languages")
    func keyFiguresFirst() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        for (lang, heading, retained) in [
            ("en", "## Key figures", "**99 of 160 retained** (61.9%, 95% CI 54.2% to 69.0%)"),
            ("it", "## Cifre chiave", "**99 su 160 con frequenza regolare** (61,9%, IC 95% da 54,2% a 69,0%)"),
        ] {
            let markdown = Self.text(try Self.report(project, ["--period", "2016", "--lang", lang])["/report.md"])
            let figures = try #require(markdown.range(of: heading), "\(lang): no key figures")
            let firstTable = try #require(markdown.range(of: "\n| "))
            #expect(figures.lowerBound < firstTable.lowerBound)
            #expect(markdown.contains(retained), "\(lang)")
        }
    }

    @Test(
        "a report over several quarters has a trend whose last recorded quarter is the report's figures, quarters after the data cut-off are not yet recorded (nulls, never zeros); a quarter has none"
    )
    func trend() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let year = try Self.report(project, ["--period", "2016"])
        let summary = try #require(try JSONSerialization.jsonObject(with: year["/summary.json"] ?? Data()) as? [String: Any])
        let trend = try #require(summary["trend"] as? [[String: Any]])
        #expect(trend.map { $0["period"] as? String } == ["2016Q1", "2016Q2", "2016Q3", "2016Q4"])
        #expect(trend.map { $0["to"] as? String } == ["2016-03-31", "2016-06-30", "2016-09-30", "2016-12-31"])
        // The demo's records end on 24 September 2016: the 4th quarter is not yet recorded.
        #expect(summary["cutoff"] as? String == "2016-09-24")
        #expect(trend.map { $0["recorded"] as? Bool } == [true, true, true, false])
        let after = try #require(trend.last)
        for key in ["enrolled", "retained", "employed", "meetings_held", "attended_once", "reemployment_rate"] {
            #expect(after[key] is NSNull, "\(key) of a quarter not yet recorded")
        }
        // Nothing happened after the cut-off: the last recorded quarter holds the report's figures.
        let last = try #require(trend.last { $0["recorded"] as? Bool == true })
        let retention = summary["retention"] as? [String: Any]
        let work = summary["reemployment"] as? [String: Any]
        #expect(last["enrolled"] as? Int == work?["n"] as? Int)
        #expect(last["retained"] as? Int == retention?["retained"] as? Int)
        #expect(last["retention_rate"] as? Double == retention?["rate"] as? Double)
        #expect(last["employed"] as? Int == work?["employed"] as? Int)
        #expect(last["reemployment_rate"] as? Double == work?["rate"] as? Double)
        for q in trend {
            #expect(
                Set(q.keys).isSuperset(of: [
                    "period", "to", "enrolled", "retained", "retention_rate", "employed", "reemployment_rate", "meetings_held",
                    "attended_once",
                ]))
        }
        #expect(Self.text(year["/report.md"]).contains("## Trend by quarter"))
        #expect(year["/tables/trend.csv"] != nil)
        let quarter = try Self.report(project, ["--period", "2016Q2"])
        let quarterSummary = try #require(try JSONSerialization.jsonObject(with: quarter["/summary.json"] ?? Data()) as? [String: Any])
        #expect(quarterSummary["trend"] == nil)
        #expect(quarter["/tables/trend.csv"] == nil)
    }

    @Test("guardrails: check errors are counted in the opening and listed by kind; a period after or before the data is named")
    func guardrails() throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        try project.loadBasics()
        // Meeting 3 of G1 is dated before anyone enrolled: P1 marked present there is a check error.
        let sessions = try project.importFile("sessions", try project.write("early.csv", "group_id,session_no,date\nG1,3,2016-01-05\n"))
        try #require(sessions.status == 0, "\(sessions.stderr)")
        let marks = try project.importFile(
            "attendance", try project.write("a.csv", "group_id,participant_id,session_no,present\nG1,P1,3,1\nG1,P1,1,1\n"))
        try #require(marks.status == 0, "\(marks.stderr)")
        let files = try Self.report(project, ["--period", "2016"])
        let markdown = Self.text(files["/report.md"])
        #expect(markdown.contains("**The data checks found 1 error(s)**"), "\(markdown.prefix(1200))")
        #expect(Self.text(files["/tables/data_checks.csv"]).contains("present_before_enrolment,error,1"))
        #expect(!markdown.contains("P1"))

        let out = project.url.appendingPathComponent("late")
        let late = try EvalrunProcess.run(
            ["report", "--db", project.database, "--period", "2030", "--out", out.path, "--lang", "it"], in: project.url)
        #expect(late.status == 0)
        #expect(
            late.stderr.contains("attenzione: il periodo inizia dopo l'ultima data registrata nel database (2016-01-30)"), "\(late.stderr)")
        let italian = Self.text(try Data(contentsOf: out.appendingPathComponent("report.md")))
        #expect(italian.contains("l'ultima data registrata nei dati (30 gennaio 2016)"))

        // A period that ends before the records begin warns the same way (METHODS §9 Data cut-off).
        let early = try EvalrunProcess.run(
            ["report", "--db", project.database, "--period", "2012", "--out", project.url.appendingPathComponent("early").path],
            in: project.url)
        #expect(early.status == 0)
        #expect(early.stderr.contains("warning: the period ends before the first date recorded in the database"), "\(early.stderr)")
        let english = Self.text(try Data(contentsOf: project.url.appendingPathComponent("early/report.md")))
        #expect(english.contains("Warning: the period ends before the first date recorded in the database"))
    }

    @Test("dates as the exports write them (dd/mm/yyyy) and Italian attribute names (--by sede) are understood")
    func evaluatorSpelling() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let italian = try Self.report(project, ["--from", "01/01/2016", "--to", "30/06/2016", "--by", "sede"])
        let iso = try Self.report(project, ["--from", "2016-01-01", "--to", "2016-06-30", "--by", "site"])
        #expect(italian["/summary.json"] == iso["/summary.json"])
        #expect(italian["/tables/by_site.csv"] != nil)
        let comparison = try CompareOutputTests.json(project, ["--by", "composizione", "--reference", "omogeneo", "--adjust", "età,sesso"])
        #expect(comparison["by"] as? String == "composition" && comparison["reference_level"] as? String == "homogeneous")
        #expect(comparison["adjust"] as? [String] == ["age", "sex"])
    }

    @Test("check: one line per kind and person, the checks it ran, every finding in --csv; outcomes before enrolment flagged")
    func checkGrouping() throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        for (kind, name, text) in [
            ("groups", "g.csv", "group_id,composition,site\nG1,homogeneous,Forlì\n"),
            ("participants", "p.csv", "participant_id,group_id,enrolled_on,left_on\nP1,G1,2016-01-10,2016-02-01\nP2,G1,2016-01-10,\n"),
            (
                "sessions", "s.csv",
                "group_id,session_no,date\nG1,1,2016-01-05\nG1,2,2016-01-15\nG1,3,2016-02-12\nG1,4,2016-02-26\nG1,5,2016-03-11\n"
            ),
            (
                "attendance", "a.csv",
                "group_id,participant_id,session_no,present\n" + (1...5).map { "G1,P1,\($0),1\n" }.joined() + "G1,P2,1,1\n"
            ),
            ("outcomes", "o.csv", "participant_id,event_date,outcome\nP2,2015-06-01,fixed_term\n"),
        ] {
            let imported = try project.importFile(kind, try project.write(name, text))
            try #require(imported.status == 0, "\(name): \(imported.stderr)")
        }
        let csv = project.url.appendingPathComponent("findings.csv").path
        let run = try EvalrunProcess.run(["check", "--db", project.database, "--csv", csv], in: project.url)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("checks run:\n  - meetings have dates"))
        #expect(
            run.stdout.contains(
                "attendance: warning: participant P1 of group G1: present after leaving, meetings 3–5 (2016-02-12 to 2016-03-11)\n"))
        #expect(run.stdout.components(separatedBy: "after leaving").count - 1 == 1, "one line for P1's three meetings")
        #expect(run.stdout.contains("P2 has a fixed_term event dated 2015-06-01, before enrolling on 2016-01-10"))
        let rows = Self.text(try Data(contentsOf: URL(fileURLWithPath: csv))).split(whereSeparator: \.isNewline)
        #expect(rows.first == "kind,severity,table,group,participant,meeting,date,message")
        #expect(rows.count == 7, "six findings: \(rows)")
        #expect(rows.contains { $0.hasPrefix("present_after_leaving,warning,attendance,G1,P1,4,2016-02-26,") })
    }

    @Test("summary.json has every key METHODS §6 lists, with --by levels of the same shape")
    func summaryKeys() throws {
        let project = try Self.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let files = try Self.report(project, ["--period", "2016", "--by", "composition"])
        let summary = try #require(try JSONSerialization.jsonObject(with: files["/summary.json"] ?? Data()) as? [String: Any])
        func keys(_ value: Any?) -> Set<String> { Set((value as? [String: Any])?.keys.map { $0 } ?? []) }
        #expect(
            keys(summary).isSuperset(of: [
                "engine", "period", "suppression", "inputs", "reach", "retention", "wellbeing", "reemployment", "instruments", "cost",
                "by",
            ]))
        #expect(keys(summary["engine"]) == ["name", "version"])
        #expect(keys(summary["period"]).isSuperset(of: ["label", "from", "to"]))
        #expect(keys(summary["suppression"]).isSuperset(of: ["threshold", "applied"]))
        #expect(
            keys(summary["reach"]).isSuperset(of: ["groups", "meetings_held", "enrolled", "attended_once", "services", "by_attribute"]))
        #expect(keys(summary["retention"]).isSuperset(of: ["threshold", "n", "retained", "rate", "ci_low", "ci_high", "not_started"]))
        let wellbeing = try #require((summary["wellbeing"] as? [Any])?.first)
        #expect(
            keys(wellbeing).isSuperset(of: [
                "instrument", "wave", "n_pairs", "mean_baseline", "mean_followup", "mean_change", "ci_low", "ci_high", "p_paired_t",
                "p_wilcoxon", "cohen_dz", "hedges_gav", "alpha_baseline", "reliably_improved", "no_reliable_change",
                "reliably_deteriorated", "cohen_dz_ci_low", "cohen_dz_ci_high", "hedges_gav_ci_low", "hedges_gav_ci_high", "mid",
                "mid_improved", "mid_unchanged", "mid_deteriorated", "norm_mean", "attrition",
            ]))
        let wellbeingAttrition = (wellbeing as? [String: Any])?["attrition"]
        #expect(
            keys(wellbeingAttrition).isSuperset(of: [
                "n_completers", "n_dropouts", "mean_baseline_completers", "mean_baseline_dropouts", "p_welch",
            ]))
        let work = summary["reemployment"]
        #expect(
            keys(work).isSuperset(of: [
                "n", "employed", "rate", "ci_low", "ci_high", "by_type", "median_days_to_job", "median_ci_low", "median_ci_high",
                "months_group_end_to_job", "employed_by_months", "retained", "lost_to_follow_up", "rate_upper_bound",
            ]))
        #expect(keys((work as? [String: Any])?["by_type"]) == ["traineeship", "fixed_term", "permanent", "self_employment"])
        #expect(keys((work as? [String: Any])?["employed_by_months"]) == ["3", "6", "12"])
        #expect(keys((work as? [String: Any])?["months_group_end_to_job"]) == ["n", "min", "median", "max"])
        #expect(keys(summary["cost"]).isSuperset(of: ["currency", "total", "per_enrolled", "per_retained", "per_reemployed", "basis"]))
        let instrument = try #require((summary["instruments"] as? [Any])?.first)
        #expect(keys(instrument).isSuperset(of: ["instrument", "wave", "n", "alpha", "alpha_ci_low", "alpha_ci_high"]))
        let by = summary["by"] as? [String: Any]
        #expect(by?["attribute"] as? String == "composition")
        let level = try #require((by?["levels"] as? [Any])?.first)
        #expect(keys(level).isSuperset(of: ["level", "reach", "retention", "reemployment"]))
    }
}

/// Splits one CSV line on a separator, honouring double quotes.
enum CSVLine {
    static func split(_ line: String, separator: Character) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var previousQuote = false
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    quoted = false
                    previousQuote = true
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                if previousQuote { current.append("\"") }
                quoted = true
                previousQuote = false
            } else if c == separator {
                cells.append(current)
                current = ""
                previousQuote = false
            } else {
                current.append(c)
                previousQuote = false
            }
        }
        cells.append(current)
        return cells
    }
}
