/// A way of writing dates, as recognised by ``DateParser``; an import reports the formats
/// it saw in each date column.
public enum DateFormat: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// `2016-04-05` (ISO 8601; also 1-digit month and day).
    case isoDate = "yyyy-mm-dd"
    /// `2016-04-05 10:22:33` (survey tools; seconds optional).
    case isoDateTime = "yyyy-mm-dd hh:mm:ss"
    /// `2016-04-05T10:22:33Z`, `2016-04-05T10:22:33.000+02:00` (ISO 8601 timestamp; the
    /// date is taken as written, in its own offset).
    case isoTimestamp = "yyyy-mm-ddThh:mm:ss±hh:mm"
    /// `05/04/2016` (Excel in an Italian locale; day first, 1-digit day and month allowed).
    case dayMonthYearSlash = "dd/mm/yyyy"
    /// `05/04/2016 10:22:33` (day first; seconds optional).
    case dayMonthYearSlashTime = "dd/mm/yyyy hh:mm:ss"
    /// `05-04-2016` (day first).
    case dayMonthYearDash = "dd-mm-yyyy"
    /// `05.04.2016` (day first).
    case dayMonthYearDot = "dd.mm.yyyy"

    /// The pattern, e.g. `dd/mm/yyyy`.
    public var description: String { rawValue }

    /// Whether a time of day follows the date.
    public var hasTime: Bool {
        switch self {
        case .isoDateTime, .isoTimestamp, .dayMonthYearSlashTime: true
        case .isoDate, .dayMonthYearSlash, .dayMonthYearDash, .dayMonthYearDot: false
        }
    }
}
