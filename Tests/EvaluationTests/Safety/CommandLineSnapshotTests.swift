import Evaluation
import Foundation
import Testing

/// What an evaluator sees on the terminal, pinned as text (as
/// swift-argument-parser's example tests pin their help): the help, a rejected
/// import, a usage error and the consistency check of the demo. A change to any
/// of them shows up as a diff of `Fixtures/cli/<name>.txt`; after a deliberate
/// change, `EVALRUN_RECORD_SNAPSHOTS=1 swift test --filter CommandLineSnapshot`
/// rewrites them.
@Suite("Command-line output", .disabled(if: EvalrunProcess.skipped))
struct CommandLineSnapshotTests {
    static let record = ProcessInfo.processInfo.environment["EVALRUN_RECORD_SNAPSHOTS"] == "1"

    /// The fixture file of a snapshot, in the source tree (so recording updates what is committed).
    static func snapshotURL(_ name: String) -> URL {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures/cli/\(name).txt")
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// Files written into the project folder before the run.
        var files: [String: String] = [:]
        /// Import the demo first.
        var demo = false
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "help", arguments: ["--help"]),
        Case(name: "report-help", arguments: ["report", "--help"]),
        Case(name: "compare-help", arguments: ["compare", "--help"]),
        Case(
            name: "import-rejected",
            arguments: ["import", "groups", "gruppi.csv"],
            files: [
                "gruppi.csv":
                    "codice_gruppo;composizione;sede;incontri_previsti\nG1;omogeneo;Forlì;18\nG2;misto;Cesena;diciotto\nG1;eterogeneo;Forlì;18\n"
            ]),
        Case(name: "unknown-option", arguments: ["report", "--perod", "2016Q2"]),
        Case(name: "mistyped-command", arguments: ["reprot", "--period", "2016"]),
        Case(name: "report-without-period", arguments: ["report"], demo: true),
        Case(name: "check-demo", arguments: ["check"], demo: true),
    ]

    @Test("the output of a command is the committed text", arguments: cases)
    func snapshot(_ c: Case) throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        if c.demo {
            let demo = try PrivacyTests.demoFolder()
            let imported = try EvalrunProcess.run(["import", demo.path, "--quiet"], in: project.url)
            try #require(imported.status == 0, "\(imported.stderr)")
        }
        for (name, text) in c.files { try project.write(name, text) }
        let outcome = try EvalrunProcess.run(c.arguments, in: project.url, environment: ["COLUMNS": "100"])
        let text = """
            $ evalrun \(c.arguments.joined(separator: " "))
            exit \(outcome.status)
            --- stdout
            \(outcome.stdout)--- stderr
            \(outcome.stderr)
            """
        let url = Self.snapshotURL(c.name)
        if Self.record {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(text == committed, "\(c.name): the output changed; if on purpose, record again (EVALRUN_RECORD_SNAPSHOTS=1)")
    }
}
