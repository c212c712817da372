import ArgumentParser
import Evaluation
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Cross-file consistency checks; exit 1 when any error is found.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try global.openStore()
        let check = ConsistencyCheck(snapshot: try store.snapshot(), configuration: try global.loadConfiguration(), today: .today)
        for problem in check.problems { print(problem.description) }
        Terminal.note("\(check.errorCount) error(s), \(check.warningCount) warning(s)", quiet: global.quiet)
        if check.errorCount > 0 { throw ExitCode(ExitStatus.invalidInput) }
    }
}
