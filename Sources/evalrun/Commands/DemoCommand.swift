import ArgumentParser
import Evaluation
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled demo data (fictional people) in a temporary database.")

    @Option(help: "Output folder for the report: a new folder, or one demo wrote before.")
    var out: String = "reports/demo"

    @Option(help: "Run on this folder of exports instead of the demo data built into evalrun.")
    var data: String?

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Option(help: "The period to report on.")
    var period: String = "2016"

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    /// The import time recorded for the bundled files, so the demo report is byte-identical run to run.
    /// What the demo's impact matches on (`evalrun impact --match age,sex,education,status_at_entry`).
    static let impactCovariates = ["age", "sex", "education", "status_at_entry"]

    static let demoImportTime = Date(timeIntervalSince1970: 1_475_193_600)  // 2016-09-30T00:00:00Z

    func run() async throws {
        guard let period = Period(parsing: period) else { throw UsageFailure(message: "'\(self.period)' is not a period") }
        let output = try OutputFolder(out, command: "demo")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-demo-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try data ?? Self.writeBuiltInData(into: scratch.appendingPathComponent("data"))
        let configuration = try ConfigurationFile.load(path: (folder as NSString).appendingPathComponent(ConfigurationFile.fileName))
        let store = try EvaluationStore.open(path: scratch.appendingPathComponent("demo.sqlite").path)
        let summaries = try store.importFiles(
            try DirectoryScan.requests(in: folder), configuration: configuration, now: Self.demoImportTime)
        for s in summaries {
            Terminal.note("imported \(s.file) (\(s.kind.rawValue), \(s.dialect)): \(s.rows) rows", quiet: quiet)
        }
        let comparison = try store.comparisonGroupSnapshot()
        var report = FunderReport(period: period, configuration: configuration, language: lang)
        report.unitOptions = ReportUnitOptions(comparisonGroup: comparison)
        let snapshot = try store.snapshot()
        var files = try report.output(from: snapshot, for: output).files
        // The bundled comparison group: the impact of taking part, in impact/ beside the report.
        if !comparison.isEmpty {
            let analysis = try ImpactAnalysis(
                snapshot: snapshot, comparison: comparison, to: period.to, configuration: configuration,
                options: ImpactOptions(covariates: Self.impactCovariates))
            let impact = ImpactReport(
                ReleasedImpact(analysis, policy: Disclosure(configuration: configuration, suppress: true)), language: lang)
            files += try impact.files().map { ("impact/" + $0.0, $0.1) }
        }
        try report.write(files, to: output)
        Terminal.note("report written to \(out)/report.md", quiet: quiet)
    }

    /// Writes the demo exports built into the executable (datasets/demo of the
    /// source, byte for byte) into `folder`, so the demo runs anywhere.
    static func writeBuiltInData(into folder: URL) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in DemoData.files {
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        }
        return folder.path
    }
}
