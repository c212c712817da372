import EvaluationDomain

/// Reads a field as a ``CalendarDate``.
///
/// Accepted (see ``DateFormat``): ISO `yyyy-mm-dd`; day-first `dd/mm/yyyy`, `dd-mm-yyyy`,
/// `dd.mm.yyyy` (1- or 2-digit day and month); and survey-tool timestamps
/// `2016-04-05 10:22:33`, `2016-04-05T10:22:33Z`, `2016-04-05T10:22:33.000+02:00`,
/// `05/04/2016 10:22:33` (seconds optional). A timestamp's date is the date as written, in
/// its own offset: zones are never converted.
///
/// Rejected with a reason: dates that do not exist (`31/02/2016`), two-digit years, times
/// out of range and unknown shapes. Slash dates are day first (Italian exports); a second
/// component over 12 (`04/15/2016`) is reported as month-first evidence, not guessed.
public enum DateParser {
    /// A date read from a field, with the format it was written in.
    public struct Parsed: Sendable, Hashable {
        /// The calendar date.
        public var date: CalendarDate
        /// How it was written.
        public var format: DateFormat
    }

    /// Reads `text` (trimmed first); `nil` when it is blank.
    public static func parse(_ text: String) throws(FieldValueError) -> Parsed? {
        try FieldText.withBytes(text) { bytes throws(FieldValueError) in try parse(bytes: bytes) }
    }

    /// Reads ASCII bytes (e.g. ``CSVRow/rawBytes(_:)``, trimmed first); `nil` when blank.
    public static func parse(bytes: UnsafeRawBufferPointer) throws(FieldValueError) -> Parsed? {
        let text = FieldText.trimmed(bytes, utf8: true)
        if text.isEmpty { return nil }
        var cursor = Cursor(text)
        guard let first = cursor.digits() else { throw unknownShape(text) }
        let separator = cursor.next()
        guard let separator, separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: "."),
            let second = cursor.digits(), cursor.next() == separator, let third = cursor.digits()
        else { throw unknownShape(text) }

        if first.length == 4 && separator == UInt8(ascii: "-") {
            guard second.length <= 2, third.length <= 2 else { throw unknownShape(text) }
            let date = try makeDate(text, year: first.value, month: second.value, day: third.value, dayFirst: false)
            if cursor.atEnd { return Parsed(date: date, format: .isoDate) }
            let mark = cursor.next()
            if mark == UInt8(ascii: " ") {
                try readTime(&cursor, text, allowZone: false)
                return Parsed(date: date, format: .isoDateTime)
            }
            if mark == UInt8(ascii: "T") || mark == UInt8(ascii: "t") {
                try readTime(&cursor, text, allowZone: true)
                return Parsed(date: date, format: .isoTimestamp)
            }
            throw unknownShape(text)
        }

        guard first.length <= 2, second.length <= 2 else { throw unknownShape(text) }
        if third.length == 2 {
            throw FieldValueError(
                reason: "'\(display(text))' has a two-digit year", hint: "write the year with four digits")
        }
        guard third.length == 4 else { throw unknownShape(text) }
        let date = try makeDate(text, year: third.value, month: second.value, day: first.value, dayFirst: true)
        let format: DateFormat
        switch separator {
        case UInt8(ascii: "/"): format = .dayMonthYearSlash
        case UInt8(ascii: "-"): format = .dayMonthYearDash
        default: format = .dayMonthYearDot
        }
        if cursor.atEnd { return Parsed(date: date, format: format) }
        guard format == .dayMonthYearSlash, cursor.next() == UInt8(ascii: " ") else { throw unknownShape(text) }
        try readTime(&cursor, text, allowZone: false)
        return Parsed(date: date, format: .dayMonthYearSlashTime)
    }

    private static func makeDate(
        _ text: UnsafeRawBufferPointer, year: Int, month: Int, day: Int, dayFirst: Bool
    ) throws(FieldValueError) -> CalendarDate {
        if let date = CalendarDate(year: year, month: month, day: day) { return date }
        let shown = display(text)
        guard (1...12).contains(month) else {
            if dayFirst && (1...12).contains(day) && month <= 31 {
                throw FieldValueError(
                    reason: "'\(shown)' is not a date: \(month) is not a month (dates are read day first)",
                    hint: "this date looks month-first (mm/dd/yyyy): export the dates as dd/mm/yyyy or yyyy-mm-dd")
            }
            throw FieldValueError(reason: "'\(shown)' is not a date: \(month) is not a month")
        }
        let length = CalendarDate.daysInMonth(month, year: year) ?? 31
        if day == 0 { throw FieldValueError(reason: "'\(shown)' is not a date: there is no day 0") }
        throw FieldValueError(
            reason: "'\(shown)' is not a date: \(CalendarDate.monthNames[month - 1]) \(year) has \(length) days")
    }

    /// `hh:mm[:ss[.fff]]`, then with `allowZone` an optional `Z`, `±hh:mm`, `±hhmm` or `±hh`.
    private static func readTime(
        _ cursor: inout Cursor, _ text: UnsafeRawBufferPointer, allowZone: Bool
    ) throws(FieldValueError) {
        guard let hour = cursor.digits(), hour.length <= 2, cursor.next() == UInt8(ascii: ":"),
            let minute = cursor.digits(), minute.length == 2
        else { throw unknownShape(text) }
        var second: Int?
        if cursor.peek() == UInt8(ascii: ":") {
            _ = cursor.next()
            guard let value = cursor.digits(), value.length == 2 else { throw unknownShape(text) }
            second = value.value
            if cursor.peek() == UInt8(ascii: ".") || cursor.peek() == UInt8(ascii: ",") {
                _ = cursor.next()
                guard cursor.digits() != nil else { throw unknownShape(text) }
            }
        }
        guard hour.value <= 23 else { throw badTime(text, "\(hour.value) is not an hour") }
        guard minute.value <= 59 else { throw badTime(text, "\(minute.value) is not a minute") }
        if let second, second > 60 { throw badTime(text, "\(second) is not a second") }
        if cursor.atEnd { return }
        guard allowZone else { throw unknownShape(text) }
        let mark = cursor.next()
        if mark == UInt8(ascii: "Z") || mark == UInt8(ascii: "z") {
            guard cursor.atEnd else { throw unknownShape(text) }
            return
        }
        guard mark == UInt8(ascii: "+") || mark == UInt8(ascii: "-"), let offset = cursor.digits() else {
            throw unknownShape(text)
        }
        var offsetHours = offset.value
        var offsetMinutes = 0
        switch offset.length {
        case 2:
            if cursor.peek() == UInt8(ascii: ":") {
                _ = cursor.next()
                guard let minutes = cursor.digits(), minutes.length == 2 else { throw unknownShape(text) }
                offsetMinutes = minutes.value
            }
        case 4:
            offsetHours = offset.value / 100
            offsetMinutes = offset.value % 100
        default:
            throw unknownShape(text)
        }
        guard cursor.atEnd else { throw unknownShape(text) }
        guard offsetHours <= 18, offsetMinutes <= 59 else { throw badTime(text, "the offset is out of range") }
    }

    private static func unknownShape(_ text: UnsafeRawBufferPointer) -> FieldValueError {
        FieldValueError(
            reason: "'\(display(text))' is not a date",
            hint: "expected dd/mm/yyyy, yyyy-mm-dd or a timestamp such as 2016-04-05 10:22:33")
    }

    private static func badTime(_ text: UnsafeRawBufferPointer, _ why: String) -> FieldValueError {
        FieldValueError(reason: "'\(display(text))' is not a date and time: \(why)")
    }

    /// The text for messages: UTF-8 if valid, else Windows-1252; cut at 60 characters.
    static func display(_ text: UnsafeRawBufferPointer) -> String {
        let string = String(validating: text, as: UTF8.self) ?? Windows1252.decode(text)
        return string.count > 60 ? String(string.prefix(60)) + "…" : string
    }

    /// A position in ASCII bytes.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
        }

        var atEnd: Bool { index >= bytes.count }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            index += 1
            return bytes[index - 1]
        }

        /// A run of 1–9 decimal digits.
        mutating func digits() -> (value: Int, length: Int)? {
            var value = 0
            var length = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, length < 9 {
                value = value * 10 + Int(bytes[index] - 0x30)
                length += 1
                index += 1
            }
            if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return nil }
            return length > 0 ? (value, length) : nil
        }
    }
}
