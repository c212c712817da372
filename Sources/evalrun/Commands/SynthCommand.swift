import ArgumentParser
import Evaluation
import Foundation

struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic programme of any size (fictional people), for trying and benchmarking.")

    @Option(help: "Participants to enrol.")
    var participants: Int

    @Option(help: "A new folder to write the CSV exports into (or one synth wrote before).")
    var out: String

    @Option(help: "Seed: the same seed gives byte-identical files.")
    var seed: UInt64 = 2016

    @Option(name: .customLong("first-year"), help: "First programme year.")
    var firstYear: Int = 2013

    @Option(help: "Years the programme spans (two phases).")
    var years: Int = 4

    @Option(name: .customLong("export-date"), help: "Date of the export (yyyy-mm-dd); default 30 September of the last year.")
    var exportDate: String?

    @Flag(name: .customLong("plain"), help: "Write every file as plain UTF-8 with English headers (no Italian Excel style).")
    var plain = false

    @Flag(help: "Write the attendance register wide (one column per meeting date).")
    var wide = false

    @Option(help: "Also write a comparison group of this many people who did not take part (confronto.csv, esiti_confronto.csv).")
    var comparison: Int = 0

    @Flag(name: .long, help: "Print nothing.")
    var quiet = false

    func validate() throws {
        guard participants >= 1 && participants <= 10_000_000 else { throw ValidationError("--participants must be 1…10,000,000") }
        guard years >= 1 && years <= 50 else { throw ValidationError("--years must be 1…50") }
        guard comparison >= 0 && comparison <= 10_000_000 else { throw ValidationError("--comparison must be 0…10,000,000") }
        if let exportDate, CalendarDate(iso8601: exportDate) == nil { throw ValidationError("--export-date must be yyyy-mm-dd") }
    }

    func run() async throws {
        let parameters = SynthesisParameters(
            participants: participants, seed: seed, firstYear: firstYear, years: years,
            exportDate: exportDate.flatMap { CalendarDate(iso8601: $0) }, italianStyle: !plain, wideRegister: wide,
            comparisonPeople: comparison)
        let folder = try OutputFolder(out, command: "synth")
        var files: [String] = []
        try folder.write { staging in files = try ProgrammeSynthesizer(parameters).write(to: staging.path) }
        Terminal.note("wrote \(files.joined(separator: ", ")) to \(out) (fictional people, seed \(seed))", quiet: quiet)
    }
}
