import ArgumentParser
import Evaluation
import Foundation

extension ImpactOptions.Method: ExpressibleByArgument {}

struct ImpactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "Would they have found work anyway? The participants against a comparison group matched on their characteristics.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var periodOptions: PeriodOptions

    @Option(help: "The covariates to match on, comma-separated (e.g. age,sex,education).")
    var match: String

    @Option(help: "The outcome's horizon in months: in work within 6 or 12 months of the reference date.")
    var horizon: Int = 12

    @Option(help: "nearest (1:1 nearest neighbour on the propensity score) or weighting (ATT weights).")
    var method: ImpactOptions.Method = .nearest

    @Option(help: "The caliper in standard deviations of the score (nearest), or none.")
    var caliper: String = "0.2"

    @Flag(help: "Print the result as JSON on stdout.")
    var json = false

    @Option(help: "Also write impact.md, impact.html, impact.json, tables/impact_*.csv and the figures into this folder.")
    var out: String?

    @Option(help: "Tables as rfc4180 or excel-it (';', decimal comma, UTF-8 BOM).")
    var csvDialect: CSVDialectChoice = .rfc4180

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Flag(name: .customLong("no-suppress"), help: "Do not withhold small counts.")
    var noSuppress = false

    func validate() throws {
        guard ImpactOptions.horizons.contains(horizon) else { throw ValidationError("--horizon is 6 or 12") }
        if caliper.lowercased() != "none" {
            guard let value = Double(caliper), value > 0 else {
                throw ValidationError("--caliper is a positive number of standard deviations, or none")
            }
        }
    }

    func run() async throws {
        let folder = try out.map { try OutputFolder($0, command: "impact") }
        let configuration = try global.loadConfiguration()
        let store = try global.openStore()
        let progress = ProgressLine("", quiet: global.quiet)
        defer { progress.finish() }
        progress.step("reading the database")
        let snapshot = try store.snapshot()
        let comparison = try store.comparisonGroupSnapshot()
        progress.pause()
        let to = try periodOptions.end(
            orLatest: [snapshot.latestDate, comparison.latestDate].compactMap({ $0 }).max(), language: lang, quiet: global.quiet || json)
        let options = ImpactOptions(
            covariates: match.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            horizonMonths: horizon, method: method, caliper: caliper.lowercased() == "none" ? nil : Double(caliper))
        progress.step("matching")
        let analysis = try ImpactAnalysis(
            snapshot: snapshot, comparison: comparison, to: to, configuration: configuration, options: options)
        progress.finish()
        // METHODS §9 Releases: checked against what this database released before, and recorded.
        let history = noSuppress ? nil : try store.releaseHistory()
        let release = ReleasedImpact(
            analysis, policy: Disclosure(configuration: configuration, suppress: !noSuppress), history: history)
        if !noSuppress {
            var recorded = ["--to \(to.iso8601)", "--match \(match)", "--horizon \(horizon)", "--method \(method.rawValue)"]
            if method == .nearest { recorded.append("--caliper \(caliper)") }
            if let out { recorded.append("--out \(out)") }
            if json { recorded.append("--json") }
            try store.recordRelease(command: "impact", options: recorded.joined(separator: " "), cells: release.releaseCells)
        }
        if json {
            print(ImpactJSON(release, language: lang).document.serialised(), terminator: "")
        }
        if let folder {
            var report = ImpactReport(release, language: lang)
            report.csvFormat = csvDialect.format
            try report.write(to: folder)
            Terminal.note(TerminalText(lang).impactWritten("\(folder.path)/impact.md"), quiet: global.quiet)
        }
        if !json && folder == nil {
            print(ImpactReport(release, language: lang).markdown, terminator: "")
        }
    }
}
