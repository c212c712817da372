import ArgumentParser
import Evaluation
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled demo data (fictional people) in a temporary database.")

    @Option(help: "Output folder for the report.")
    var out: String = "reports/demo"

    @Option(help: "The demo data folder (default: datasets/demo of this checkout).")
    var data: String?

    @Option(help: "Report language (en or it).")
    var lang: ReportLanguage = .en

    @Option(help: "The period to report on.")
    var period: String = "2016"

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    /// The import time recorded for the bundled files, so the demo report is byte-identical run to run.
    static let demoImportTime = Date(timeIntervalSince1970: 1_475_193_600)  // 2016-09-30T00:00:00Z

    func run() async throws {
        guard let period = Period(parsing: period) else { throw UsageFailure(message: "'\(self.period)' is not a period") }
        let folder = try data ?? Self.locateDemoData()
        let configuration = try ConfigurationFile.load(path: (folder as NSString).appendingPathComponent(ConfigurationFile.fileName))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-demo-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = try EvaluationStore.open(path: scratch.appendingPathComponent("demo.sqlite").path)
        let summaries = try store.importFiles(
            try DirectoryScan.requests(in: folder), configuration: configuration, now: Self.demoImportTime)
        for s in summaries {
            Terminal.note("imported \(s.file) (\(s.kind.rawValue), \(s.dialect)): \(s.rows) rows", quiet: quiet)
        }
        let report = FunderReport(period: period, configuration: configuration, language: lang)
        try report.write(from: try store.snapshot(), to: out)
        Terminal.note("report written to \(out)/report.md", quiet: quiet)
    }

    /// `datasets/demo` under the working directory or any parent of the executable.
    static func locateDemoData() throws -> String {
        var candidates = [FileManager.default.currentDirectoryPath]
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(url.path)
            url.deleteLastPathComponent()
        }
        for base in candidates {
            let path = (base as NSString).appendingPathComponent("datasets/demo")
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("participants.csv")) { return path }
        }
        throw InputFailure(description: "the bundled demo data (datasets/demo) was not found; pass --data DIR")
    }
}
