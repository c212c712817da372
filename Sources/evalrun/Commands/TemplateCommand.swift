import ArgumentParser
import Evaluation
import Foundation

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Blank import files with their headers, and DATA_DICTIONARY.md describing every column.")

    @Argument(help: "The folder to write into (created; existing files are never overwritten).")
    var directory: String

    @Option(help: "Column and file names in Italian (it) or English (en).")
    var lang: ReportLanguage = .en

    @Flag(help: "One workbook with a sheet per kind, header comments and drop-down lists, instead of CSV files.")
    var xlsx = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func run() async throws {
        do {
            try ImportTemplate(language: lang).write(to: directory, xlsx: xlsx)
        } catch let error as TemplateError {
            throw InputFailure(description: error.description)
        }
        Terminal.note("templates and DATA_DICTIONARY.md written to \(directory)", quiet: quiet)
    }
}
