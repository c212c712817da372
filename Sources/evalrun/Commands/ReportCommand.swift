import ArgumentParser
import Evaluation
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the funder report for a period (report.md, report.html, report.xlsx, tables/*.csv, figures, summary.json).",
        discussion:
            "A period is required: --period 2016Q2 (or 2016), or --from and --to. The report goes to reports/<period> unless --out is given."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Option(help: "Output folder: a new one, or a report evalrun wrote before, replaced whole (default: reports/<period>).")
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: "Tables as rfc4180 or excel-it (';', decimal comma, UTF-8 BOM).")
    var csvDialect: CSVDialectChoice = .rfc4180

    @Option(help: "Every indicator by the levels of this group or participant attribute (e.g. composition, site, service:support_pact).")
    var by: String?

    @Option(help: "Outcomes by enrolment cohort per year or quarter.")
    var cohort: CohortGrouping = .year

    @Flag(name: .customLong("no-suppress"), help: "Do not suppress small counts (researchers only; stamped on the report).")
    var noSuppress = false

    /// The options that decide what a report releases, as the record of releases lists them.
    func releaseOptions(_ period: Period) -> String {
        var words = ["--from \(period.from.iso8601)", "--to \(period.to.iso8601)"]
        if let by { words.append("--by \(by)") }
        words.append("--out \(out ?? "reports/\(period.label)")")
        return words.joined(separator: " ")
    }

    func run() async throws {
        // Checked here rather than in validate(), so that a mistyped option is named first ("--perod").
        guard let period = periodOptions.resolved else {
            throw UsageFailure(message: "give the period: --period (2016Q2, 2016) or --from/--to (see evalrun report --help)")
        }
        let directory = out ?? "reports/\(period.label)"
        let folder = try OutputFolder(directory, command: "report")
        let configuration = try global.loadConfiguration()
        let store = try global.openStore()
        let progress = ProgressLine("", steps: 3, quiet: global.quiet)
        defer { progress.finish() }
        progress.step("reading the database")
        let snapshot = try store.snapshot()
        progress.step("checking the data")
        let checks = ConsistencyCheck(snapshot: snapshot, configuration: configuration, today: .today)
        progress.pause()
        ConsistencySummary.print(checks, quiet: global.quiet, language: lang)
        if let earliest = snapshot.earliestDate, period.to < earliest {
            Terminal.error(TerminalText(lang).periodBeforeData(earliest))
        }
        if let latest = snapshot.latestDate, period.from > latest {
            Terminal.error(TerminalText(lang).periodAfterData(latest))
        }
        var report = FunderReport(
            period: period, configuration: configuration, language: lang, suppress: !noSuppress, csvFormat: csvDialect.format, by: by)
        report.checks = checks
        report.unitOptions = ReportUnitOptions(
            cohortByQuarter: cohort == .quarter, comparisonGroup: try store.comparisonGroupSnapshot())
        // METHODS §9 Releases: checked against what this database released before, and recorded.
        if !noSuppress { report.history = try store.releaseHistory() }
        progress.step("computing the indicators and writing the report")
        let output = try report.output(from: snapshot, for: folder)
        if !noSuppress {
            try store.recordRelease(command: "report", options: releaseOptions(period), cells: output.cells)
        }
        try report.write(output.files, to: folder)
        progress.finish()
        Terminal.note(TerminalText(lang).reportWritten("\(directory)/report.md"), quiet: global.quiet)
    }
}

/// `--cohort year|quarter`.
enum CohortGrouping: String, ExpressibleByArgument, CaseIterable {
    case year, quarter
}
