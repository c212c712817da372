import ArgumentParser
import Evaluation
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the funder report for a period (report.md, tables/*.csv, summary.json).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Option(help: "Output folder (replaced whole).")
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: "Tables as rfc4180 or excel-it (';', decimal comma, UTF-8 BOM).")
    var csvDialect: CSVDialectChoice = .rfc4180

    @Option(help: "Every indicator by the levels of this group or participant attribute (e.g. composition, site, service:support_pact).")
    var by: String?

    @Flag(name: .customLong("no-suppress"), help: "Do not suppress small counts (researchers only; stamped on the report).")
    var noSuppress = false

    func validate() throws {
        guard periodOptions.period != nil || periodOptions.from != nil else {
            throw ValidationError("give --period (2016Q2, 2016) or --from/--to")
        }
    }

    func run() async throws {
        guard let period = periodOptions.resolved else { throw UsageFailure(message: "no period") }
        let configuration = try global.loadConfiguration()
        let store = try global.openStore()
        let snapshot = try store.snapshot()
        ConsistencySummary.print(ConsistencyCheck(snapshot: snapshot, configuration: configuration, today: .today), quiet: global.quiet)
        if let latest = snapshot.latestDate, period.from > latest {
            Terminal.error(
                "warning: the period starts after the last date recorded in the database (\(latest.iso8601)): import the newer exports first; the report says so"
            )
        }
        let directory = out ?? "reports/\(period.label)"
        let report = FunderReport(
            period: period, configuration: configuration, language: lang, suppress: !noSuppress, csvFormat: csvDialect.format, by: by)
        try report.write(from: snapshot, to: directory)
        Terminal.note("report written to \(directory)/report.md", quiet: global.quiet)
    }
}
