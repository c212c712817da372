import Evaluation
import Foundation
import Testing

/// The funder's targets through the binary (METHODS §9 *Targets*): `[targets]` in the
/// project's `evalrun.toml`, the demo's 2016 report, and the status of each in the
/// Markdown, the workbook and `summary.json`.
@Suite("targets in the report", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct TargetsTests {
    /// The demo's 2016 figures (README): re-employed 35.6% (28.6% to 43.3%), retained 61.9%
    /// (54.2% to 69.0%), WEMWBS +5.0 (4.0 to 6.0), 160 enrolled, 13 in 2016 and fewer than 5
    /// first jobs in 2016 (withheld).
    static let configuration = """
        [targets]
        reemployment_rate = 0.2
        retention_rate = 0.75
        wellbeing_change.WEMWBS = 5
        spend_per_reemployed = 1500

        [targets."2016"]
        enrolled = 150
        period_activity.first_jobs = 3

        [targets."2015"]
        enrolled = 999
        """

    static let expected: [String: String] = [
        "reemployment_rate": "met", "retention_rate": "not_met", "wellbeing_change.WEMWBS": "uncertain",
        "spend_per_reemployed": "met", "enrolled": "met", "period_activity.first_jobs": "not_observable",
    ]

    @Test("met, not met, uncertain and not observable, in md, xlsx and JSON alike")
    func statuses() throws {
        let project = try ReportOptionsTests.demoProject()
        defer { try? FileManager.default.removeItem(at: project.url) }
        try project.write("evalrun.toml", Self.configuration)
        let files = try ReportOptionsTests.report(project, ["--period", "2016"])

        let json = try #require(try JSONSerialization.jsonObject(with: files["/summary.json"] ?? Data()) as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for t in targets { statuses[t["indicator"] as? String ?? ""] = t["status"] as? String }
        #expect(statuses == Self.expected)
        let reemployment = try #require(targets.first { $0["indicator"] as? String == "reemployment_rate" })
        let rate = try #require((json["reemployment"] as? [String: Any])?["rate"] as? Double)
        #expect(reemployment["actual"] as? Double == rate && reemployment["target"] as? Double == 0.2)
        #expect(targets.first { $0["indicator"] as? String == "enrolled" }?["period"] as? String == "2016")
        // The withheld count is not given away by its status.
        let withheld = try #require(targets.first { $0["indicator"] as? String == "period_activity.first_jobs" })
        #expect(withheld["actual"] is NSNull)

        let markdown = ReportOptionsTests.text(files["/report.md"])
        let table = try #require(markdown.range(of: "*Targets set by the funder"))
        let lines = markdown[table.upperBound...].split(separator: "\n").prefix(10).joined(separator: "\n")
        for status in ["| met", "| not met", "| uncertain", "| not observable"] {
            #expect(lines.contains(status), "\(status) missing from the Markdown table")
        }
        #expect(lines.contains("Share re-employed") && lines.contains("20.0%"))

        let csv = ReportOptionsTests.text(files["/tables/targets.csv"])
        #expect(csv.hasPrefix("indicator,target,actual,ci_low,ci_high,status"))
        let python = try #require(Python.withOpenpyxl, "openpyxl is missing: apt-get install python3-openpyxl (make deps installs it)")
        let book = project.url.appendingPathComponent("targets.xlsx")
        try (files["/report.xlsx"] ?? Data()).write(to: book)
        let run = try python.run([
            "-c",
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(wb.sheetnames[0])
            for row in wb["targets"].iter_rows(min_row=2, values_only=True): print(row[-1])
            """, book.path,
        ])
        try #require(run.status == 0, "\(run.stderr)")
        let out = run.stdout.split(separator: "\n").map(String.init)
        #expect(out.first == "Key figures")
        #expect(Set(out.dropFirst()) == ["met", "not_met", "uncertain", "not_observable"])
        #expect(out.count == 1 + Self.expected.count)
    }
}
