import ArgumentParser
import Evaluation
import Foundation

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The project database.")
    var db: String = "evaluation.sqlite"

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    /// `evalrun.toml` beside the database.
    var configurationPath: String {
        let directory = (db as NSString).deletingLastPathComponent
        return (directory.isEmpty ? "." : directory) + "/" + ConfigurationFile.fileName
    }

    /// Opens the existing project database.
    func openStore() throws -> EvaluationStore {
        try UserPath.existingFile(db, "the project database", hint: "run `evalrun init` first, or pass --db PATH")
        return try EvaluationStore.open(path: db)
    }

    func loadConfiguration() throws -> ProjectConfiguration {
        try ConfigurationFile.load(path: configurationPath)
    }
}
