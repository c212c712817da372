import ArgumentParser
import Evaluation
import Foundation

/// The command-line runner: thin wiring over the `Evaluation` library.
@main
struct Evalrun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalrun",
        abstract: "Outcome evaluation of employment-support programmes: from CSV exports to funder reports.",
        version: Engine.version,
        subcommands: [
            InitCommand.self, ImportCommand.self, CheckCommand.self, ReportCommand.self, CompareCommand.self, ImpactCommand.self,
            DemoCommand.self,
            SynthCommand.self, TemplateCommand.self, ReleasesCommand.self,
        ])

    /// Runs the command and maps every failure to the exit codes of the
    /// contract: 0 ok, 1 invalid input (nothing changed), 2 usage error, 3 internal error.
    static func main() async {
        // Past a file-size limit (ulimit -f) the kernel sends SIGXFSZ, which ends the
        // process mid-write; ignored, the write fails with EFBIG and is reported like a
        // full disk, with nothing left half-written.
        signal(SIGXFSZ, SIG_IGN)
        if let suggestion = SubcommandSuggestion.message(for: CommandLine.arguments.dropFirst().first) {
            Terminal.error(suggestion)
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Foundation.exit(ExitStatus.report(error))
        }
    }
}
