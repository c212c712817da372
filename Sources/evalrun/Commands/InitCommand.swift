import ArgumentParser
import Evaluation
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the project database and a commented evalrun.toml beside it.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try UserPath.writableFile(global.db, "the project database")
        let existed = FileManager.default.fileExists(atPath: global.db)
        _ = try EvaluationStore.open(path: global.db)
        Terminal.note(existed ? "\(global.db): database already there, schema up to date" : "created \(global.db)", quiet: global.quiet)
        if !FileManager.default.fileExists(atPath: global.configurationPath) {
            try DefaultConfiguration.text.write(toFile: global.configurationPath, atomically: true, encoding: .utf8)
            Terminal.note("wrote \(global.configurationPath) (every default spelled out as a comment)", quiet: global.quiet)
        }
    }
}
