import ArgumentParser
import Evaluation
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV export or .xlsx workbook (KIND FILE), or every known file of a folder (DIR) atomically.",
        discussion: """
            Kinds: groups, participants, sessions, attendance, questionnaires, services, outcomes
            (Italian names gruppi, partecipanti, incontri, presenze/registro, questionari, servizi, esiti
            also work). Of an .xlsx workbook, the sheet named like the kind is read, else the first.
            A file with any invalid row changes nothing; every problem is listed as
            file:line:column (file.xlsx:Sheet!B7 in a workbook). Re-importing the same file changes nothing.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "KIND FILE, or DIR.")
    var arguments: [String]

    @Flag(help: "Read an attendance file as a wide register (one column per meeting); detected when omitted.")
    var wide = false

    @Flag(name: .customLong("dry-run"), help: "Check and count everything, change nothing.")
    var dryRun = false

    @Flag(
        name: [.customLong("pseudonymise"), .customLong("pseudonymize")],
        help:
            "Store participant codes as a keyed hash (HMAC-SHA-256), so the database can be handed to a researcher; the key is never stored. Every import into the database must then use the same key."
    )
    var pseudonymise = false

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The pseudonymisation key (at least 32 bytes; default: the environment variable EVALRUN_PSEUDONYM_KEY).", valueName: "PATH"))
    var keyFile: String?

    func validate() throws {
        guard arguments.count == 1 || arguments.count == 2 else {
            throw ValidationError("give KIND FILE, or a folder DIR")
        }
        if arguments.count == 2, FileKind(name: arguments[0]) == nil {
            throw ValidationError(
                "'\(arguments[0])' is not a kind of file (\(FileKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if keyFile != nil && !pseudonymise {
            throw ValidationError("--key-file goes with --pseudonymise")
        }
    }

    func run() async throws {
        let configuration = try global.loadConfiguration()
        var options = ImportOptions()
        if pseudonymise {
            options.pseudonymizer = try Pseudonymizer.load(keyFile: keyFile, environment: ProcessInfo.processInfo.environment)
        }
        let store = try global.openStore()
        let interruption = ImportInterruption()
        options.willCommit = { interruption.willCommit() }
        defer { interruption.finish() }
        let progress = ProgressLine("importing", quiet: global.quiet)
        defer { progress.finish() }
        let summaries: [ImportSummary]
        if arguments.count == 1 {
            let requests = try DirectoryScan.requests(in: arguments[0])
            progress.setSteps(requests.count)
            summaries = try store.importFiles(requests, configuration: configuration, options: options, dryRun: dryRun) { file, rows in
                progress.update(file, rows: rows)
            }
        } else {
            guard let kind = FileKind(name: arguments[0]) else { throw UsageFailure(message: "unknown kind") }
            let path = arguments[1]
            guard FileManager.default.fileExists(atPath: path) else {
                throw UsageFailure(message: "\(path): no such file; check the name, or import a whole folder with `evalrun import DIR`")
            }
            let request = ImportRequest(kind: kind, path: path, wide: wide ? true : nil)
            summaries = [
                try store.importFile(request, configuration: configuration, options: options, dryRun: dryRun) { rows in
                    progress.update((path as NSString).lastPathComponent, rows: rows)
                }
            ]
        }
        progress.finish()
        for summary in summaries {
            for warning in summary.warnings { Terminal.note(warning.description, quiet: global.quiet) }
            let verb = dryRun ? "would import" : (summary.isNoOp ? "nothing new in" : "imported")
            Terminal.note(
                "\(verb) \(summary.file) (\(summary.kind.rawValue), \(summary.dialect)): \(summary.rows) rows; "
                    + "\(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged",
                quiet: global.quiet)
        }
    }
}

/// Finds the known files of a folder (METHODS §3: by name, any suffix).
enum DirectoryScan {
    static func requests(in directory: String) throws -> [ImportRequest] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw UsageFailure(message: "\(directory): no such folder; check the name (to import one file, give KIND FILE)")
        }
        guard isDirectory.boolValue else {
            throw InputFailure(description: "\(directory): not a folder (to import one file, give KIND FILE)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        let requests = names.compactMap { name in
            FileKind(fileName: name).map { ImportRequest(kind: $0, path: (directory as NSString).appendingPathComponent(name)) }
        }
        guard !requests.isEmpty else {
            throw InputFailure(
                description:
                    "\(directory): no known export here (groups/gruppi, participants/partecipanti, sessions/incontri, attendance/presenze/registro, questionnaires/questionari, services/servizi, outcomes/esiti .csv or .xlsx)"
            )
        }
        return requests
    }
}
