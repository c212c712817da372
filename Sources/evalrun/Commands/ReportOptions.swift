import ArgumentParser
import Evaluation

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

    @Option(help: "Start date (yyyy-mm-dd), with --to.")
    var from: String?

    @Option(help: "End date (yyyy-mm-dd), with --from.")
    var to: String?

    func validate() throws {
        if period != nil && (from != nil || to != nil) { throw ValidationError("give --period or --from/--to, not both") }
        if let period, Period(parsing: period) == nil { throw ValidationError("'\(period)' is not a period (e.g. 2016Q2 or 2016)") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to {
            guard let a = CalendarDate(iso8601: from), let b = CalendarDate(iso8601: to) else {
                throw ValidationError("--from and --to must be dates as yyyy-mm-dd")
            }
            if a > b { throw ValidationError("--from is after --to") }
        }
    }

    /// The period asked for, or `nil` when none was given.
    var resolved: Period? {
        if let period { return Period(parsing: period) }
        if let from, let to, let a = CalendarDate(iso8601: from), let b = CalendarDate(iso8601: to) {
            return Period.between(a, b)
        }
        return nil
    }
}
