/// A day of the proleptic Gregorian calendar, without time or time zone.
///
/// Arithmetic uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (<https://howardhinnant.github.io/date_algorithms.html>), not Foundation's `Calendar`,
/// which depends on locale and time zone. Encoded as its ISO 8601 text (`"2016-04-05"`).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01: a date is four bytes and two dates compare in one
    /// instruction (a programme snapshot holds millions of them).
    private let day1970: Int32

    /// The year (astronomical numbering: 0 is 1 BC).
    public var year: Int { civil.year }
    /// The month, 1–12.
    public var month: Int { civil.month }
    /// The day of the month, 1–31.
    public var day: Int { civil.day }

    /// Years a date may have (its day number fits 32 bits with room to spare).
    public static let years = -1_000_000...1_000_000

    /// The date, or `nil` when it does not exist (31/02/2016, month 13, day 0) or its year is outside `years`.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), let length = Self.daysInMonth(month, year: year), day >= 1, day <= length else {
            return nil
        }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        day1970 = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// The date `days` days after 1970-01-01 (before it when negative; clamped to the years allowed).
    public init(daysSince1970 days: Int) {
        day1970 = Int32(clamping: days)
    }

    /// Year, month and day of the day number (`civil_from_days`).
    private var civil: (year: Int, month: Int, day: Int) {
        let z = Int(day1970) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads strict ISO 8601 `yyyy-mm-dd`; `nil` for anything else or a date that does not exist.
    public init?(iso8601 text: String) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(iso8601: $0) }) else { return nil }
        self = date
    }

    /// Reads strict ISO 8601 `yyyy-mm-dd` from UTF-8 bytes (a snapshot reads every
    /// stored date this way): exactly `dddd-dd-dd`, ASCII digits.
    public init?(iso8601 utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch offset {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSince1970: Int { Int(day1970) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSince1970: daysSince1970 + days)
    }

    /// Days from this date to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// `yyyy-MM-dd` (years outside 0–9999 get a sign and more digits, as ISO 8601 allows).
    public var iso8601: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let yearText = year < 0 ? "-" + pad(-year, 4) : (year > 9999 ? "+" + String(year) : pad(year, 4))
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The ISO 8601 text.
    public var description: String { iso8601 }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of `month` in `year`, or `nil` when `month` is not 1–12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int? {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: nil
        }
    }

    /// English month names, for messages.
    package static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.day1970 < rhs.day1970
    }

    /// Decodes from `"yyyy-MM-dd"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a yyyy-MM-dd date")
        }
        self = date
    }

    /// Encodes as `"yyyy-MM-dd"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
