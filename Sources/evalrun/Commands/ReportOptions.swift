import ArgumentParser
import Evaluation
import Foundation

/// Report languages on the command line.
extension ReportLanguage: ExpressibleByArgument {}

/// CSV dialects of the output tables.
enum CSVDialectChoice: String, ExpressibleByArgument, CaseIterable {
    case rfc4180
    case excelIT = "excel-it"

    var format: CSVFormat { self == .rfc4180 ? .rfc4180 : .excelItalian }
}

/// Period selection shared by `report` and `compare`.
struct PeriodOptions: ParsableArguments {
    @Option(help: "A quarter (2016Q2) or a year (2016).")
    var period: String?

    @Option(help: "Start date (yyyy-mm-dd or dd/mm/yyyy), with --to.")
    var from: String?

    @Option(help: "End date (yyyy-mm-dd or dd/mm/yyyy), with --from.")
    var to: String?

    /// A date as an evaluator types it: ISO `2016-01-31`, or day first as the
    /// exports write it (`31/01/2016`, `31-01-2016`, `31.01.2016`).
    static func date(_ text: String) -> CalendarDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso8601: t) { return iso }
        let parts = t.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else {
            return nil
        }
        return CalendarDate(year: y, month: m, day: d)
    }

    func validate() throws {
        if period != nil && (from != nil || to != nil) { throw ValidationError("give --period or --from/--to, not both") }
        if let period, Period(parsing: period) == nil { throw ValidationError("'\(period)' is not a period (e.g. 2016Q2 or 2016)") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to {
            guard let a = Self.date(from), let b = Self.date(to) else {
                throw ValidationError("--from and --to must be dates as yyyy-mm-dd or dd/mm/yyyy")
            }
            if a > b { throw ValidationError("--from is after --to") }
        }
    }

    /// The end of the period asked for; without one, the latest date recorded (`latest`),
    /// said on the terminal (in `language`, unless `quiet`).
    /// - Throws: `InputFailure` when no period was given and nothing is recorded.
    func end(orLatest latest: CalendarDate?, language: ReportLanguage, quiet: Bool) throws -> CalendarDate {
        if let period = resolved { return period.to }
        guard let latest else { throw InputFailure(description: "the database holds no records to compare") }
        Terminal.note(TerminalText(language).noPeriodGiven(latest), quiet: quiet)
        return latest
    }

    /// The period asked for, or `nil` when none was given.
    var resolved: Period? {
        if let period { return Period(parsing: period) }
        if let from, let to, let a = Self.date(from), let b = Self.date(to) {
            return Period.between(a, b)
        }
        return nil
    }
}
