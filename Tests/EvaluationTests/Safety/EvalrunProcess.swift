import Evaluation
import Foundation
import Testing

/// The built `evalrun` executable, run as a child process the way an evaluator
/// runs it. It sits beside the test bundle in the build folder
/// (`swift build --build-tests` builds both).
///
/// Tests that start processes can be skipped with `EVALRUN_SKIP_PROCESS_TESTS=1`
/// (for a machine where they cannot run); `make test` and CI run them.
enum EvalrunProcess {
    static let skipped = ProcessInfo.processInfo.environment["EVALRUN_SKIP_PROCESS_TESTS"] == "1"

    /// The executable, or `nil` when it has not been built.
    static let executable: URL? = {
        let candidates = [
            Bundle.module.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("evalrun")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// What a finished run did.
    struct Outcome {
        var status: Int32
        var killedBySignal: Bool
        var stdout: String
        var stderr: String
    }

    /// A started run, with its output going to files.
    struct Running {
        let process: Process
        let stdout: URL
        let stderr: URL

        /// Waits for the end and collects the output.
        func wait() throws -> Outcome {
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                stdout: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: stderr), as: UTF8.self))
        }

        /// Sends SIGKILL (no chance to clean up), then waits.
        func kill() throws -> Outcome {
            Foundation.kill(process.processIdentifier, SIGKILL)
            return try wait()
        }
    }

    /// Whether the run died in ThreadSanitizer's runtime, which cannot start under a
    /// small file-size limit (`swift test --sanitize=thread`): such a run says nothing
    /// about evalrun, whose behaviour there the plain and AddressSanitizer runs check.
    static func sanitizerRuntimeDied(_ outcome: Outcome) -> Bool {
        let died = outcome.stderr.hasPrefix("ThreadSanitizer:DEADLYSIGNAL")
        if died { print("skipped: ThreadSanitizer's runtime cannot run under ulimit -f") }
        return died
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the evalrun executable is not beside the test bundle: run `swift build --build-tests` first" }
    }

    /// Starts `evalrun arguments…` in `directory`; with `fileSizeLimit` (bytes), under
    /// `ulimit -f`, as on a disk that fills up.
    static func start(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], fileSizeLimit: Int? = nil
    ) throws -> Running {
        guard let executable else { throw NotBuilt() }
        let process = Process()
        if let fileSizeLimit {
            // POSIX sh counts ulimit -f in 512-byte blocks.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(max(1, fileSizeLimit / 512)) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        var inherited = ProcessInfo.processInfo.environment
        inherited[Pseudonymizer.environmentVariable] = nil
        inherited["EVALRUN_TRACE"] = nil
        process.environment = inherited.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let id = UUID().uuidString
        let stdout = directory.appendingPathComponent(".out-\(id)")
        let stderr = directory.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, stdout: stdout, stderr: stderr)
    }

    /// Runs `evalrun arguments…` to the end.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], fileSizeLimit: Int? = nil
    ) throws -> Outcome {
        try start(arguments, in: directory, environment: environment, fileSizeLimit: fileSizeLimit).wait()
    }
}

/// A project folder with an `evalrun init`ed database, for runs of the executable.
struct ProjectFolder {
    let url: URL
    let database: String

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        database = url.appendingPathComponent("evaluation.sqlite").path
        let outcome = try EvalrunProcess.run(["init", "--db", database, "--quiet"], in: url)
        guard outcome.status == 0 else { throw Failure(message: "evalrun init failed: \(outcome.stderr)") }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Writes `text` as `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `evalrun import KIND FILE --db DB` (plus `extra`).
    @discardableResult
    func importFile(_ kind: String, _ path: String, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> EvalrunProcess.Outcome
    {
        try EvalrunProcess.run(["import", kind, path, "--db", database, "--quiet"] + extra, in: url, environment: environment)
    }

    /// The database's dump, read in this process (the store is closed again on return).
    func dump(_ path: String? = nil) throws -> String {
        try EvaluationStore.open(path: path ?? database).dump()
    }

    /// The dump with import times blanked: two imports of the same files differ only there.
    static func normalised(_ dump: String) -> String {
        dump.replacingOccurrences(of: #"imported_at:"[^"]*""#, with: "imported_at:*", options: .regularExpression)
    }

    /// Groups G1, G2, participants P1–P3 and four meetings each, imported through the executable.
    func loadBasics() throws {
        for (kind, name, text) in [
            ("groups", "groups.csv", "group_id,composition,site\nG1,homogeneous,Forlì\nG2,eterogeneo,Cesena\n"),
            (
                "participants", "participants.csv",
                "participant_id,group_id,enrolled_on\nP1,G1,2016-01-10\nP2,G1,2016-01-10\nP3,G2,2016-01-12\n"
            ),
            ("sessions", "sessions.csv", "group_id,session_no,date\nG1,1,2016-01-15\nG1,2,2016-01-29\nG2,1,2016-01-16\nG2,2,2016-01-30\n"),
        ] {
            let outcome = try importFile(kind, try write(name, text))
            guard outcome.status == 0 else { throw Failure(message: "import of \(name) failed: \(outcome.stderr)") }
        }
    }
}
