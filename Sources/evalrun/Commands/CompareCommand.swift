import ArgumentParser
import Evaluation
import Foundation

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the levels of a group or participant attribute on every outcome (default: composition).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: "The attribute to compare (composition, site, sex, service:support_pact, …).")
    var by: String = "composition"

    @Option(help: "The reference level (default: heterogeneous for composition, else the first level).")
    var reference: String?

    @Option(help: "Covariates, comma-separated (e.g. age,sex).")
    var adjust: String?

    @Flag(
        help:
            "Also compare jobs that last: in work 6 months after leaving (in_work_6m_after_leaving) and the first period in work's length (first_spell_days)."
    )
    var jobs = false

    @Flag(help: "Print the comparison as JSON on stdout.")
    var json = false

    @Option(
        help: "Also write comparison.md, comparison.html, comparison.json, tables/comparison_*.csv and the forest plots into this folder."
    )
    var out: String?

    @Option(help: "Tables as rfc4180 or excel-it (';', decimal comma, UTF-8 BOM).")
    var csvDialect: CSVDialectChoice = .rfc4180

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Flag(name: .customLong("no-suppress"), help: "Do not suppress levels with fewer people than the threshold.")
    var noSuppress = false

    func run() async throws {
        let folder = try out.map { try OutputFolder($0, command: "compare") }
        let configuration = try global.loadConfiguration()
        let store = try global.openStore()
        let progress = ProgressLine("", quiet: global.quiet)
        defer { progress.finish() }
        progress.step("reading the database")
        let snapshot = try store.snapshot()
        progress.pause()
        let to = try periodOptions.end(orLatest: snapshot.latestDate, language: lang, quiet: global.quiet || json)
        let covariates =
            adjust.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        progress.step("preparing the comparison")
        let comparison = try Comparison(
            snapshot: snapshot, to: to, configuration: configuration, attribute: by, reference: reference, adjust: covariates,
            jobs: jobs
        ) { outcome, index, count in
            progress.setSteps(count + 2)
            progress.step("comparing \(outcome) (\(index + 1) of \(count))")
        }
        progress.finish()
        // METHODS §9 Releases: checked against what this database released before, and recorded.
        let history = noSuppress ? nil : try store.releaseHistory()
        let release = ReleasedComparison(
            comparison, policy: Disclosure(configuration: configuration, suppress: !noSuppress), history: history)
        if !noSuppress {
            var options = ["--to \(to.iso8601)", "--by \(by)"]
            if let adjust { options.append("--adjust \(adjust)") }
            if let out { options.append("--out \(out)") }
            if json { options.append("--json") }
            try store.recordRelease(command: "compare", options: options.joined(separator: " "), cells: release.releaseCells)
        }
        if json {
            print(ComparisonJSON(release, language: lang).document.serialised(), terminator: "")
        }
        if let folder {
            var report = ComparisonReport(release, language: lang)
            report.csvFormat = csvDialect.format
            try report.write(to: folder)
            Terminal.note(TerminalText(lang).comparisonWritten("\(folder.path)/comparison.md"), quiet: global.quiet)
        }
        if !json && folder == nil {
            print(ComparisonReport(release, language: lang).markdown, terminator: "")
        }
    }
}
