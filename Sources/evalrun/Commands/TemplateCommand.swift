import ArgumentParser
import Evaluation
import Foundation

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Blank import files with their headers, and DATA_DICTIONARY.md describing every column.")

    @Argument(help: "A new folder to write into (or the untouched templates evalrun wrote there before).")
    var directory: String

    @Option(help: "Column and file names in Italian (it) or English (en).")
    var lang: ReportLanguage = .en

    @Flag(help: "One workbook with a sheet per kind, header comments and drop-down lists, instead of CSV files.")
    var xlsx = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func run() async throws {
        try ImportTemplate(language: lang).write(to: try OutputFolder(directory, command: "template"), xlsx: xlsx)
        Terminal.note("templates and DATA_DICTIONARY.md written to \(directory)", quiet: quiet)
    }
}
