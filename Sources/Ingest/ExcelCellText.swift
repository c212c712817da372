import EvaluationDomain
import Foundation

/// How the values of a workbook's cells are written as the text the row decoders read,
/// as a CSV export of the sheet would hold them: numbers with a decimal point, dates as
/// ISO `yyyy-mm-dd` (with ` hh:mm:ss` when a date-and-time format shows a time).
enum ExcelCellText {
    /// The last serial Excel accepts as a date, 9999-12-31, in the 1900 date system.
    static let lastSerial1900 = 2_958_465
    /// The same day in the 1904 date system.
    static let lastSerial1904 = 2_957_003

    /// A number as Excel shows it, to 15 significant digits (`0.1 + 0.2` is `0.3`):
    /// whole numbers without a decimal point, others in the shortest form that reads back.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let shown = Double(String(format: "%.15g", value)) ?? value
        if shown == shown.rounded(), abs(shown) < 1e15 { return String(Int64(shown)) }
        return "\(shown)"
    }

    /// A date serial: days since the epoch of the workbook's date system (1900-01-00 with
    /// Excel's fictitious 1900-02-29 as day 60, or 1904-01-01 as day 0), the fraction the
    /// time of day.
    ///
    /// - Throws: for a negative serial, the fictitious 1900-02-29, day 0 of the 1900 system,
    ///   and serials after 9999-12-31.
    static func date(serial: Double, kind: XLSXStyles.Kind, uses1904Dates: Bool) throws(FieldValueError) -> String {
        let last = uses1904Dates ? lastSerial1904 : lastSerial1900
        guard serial >= 0, serial < Double(last + 1) else {
            throw FieldValueError(
                reason: "\(number(serial)) is not a date Excel can show (serials run from \(uses1904Dates ? 0 : 1) to \(last), 9999-12-31)",
                hint: "type the date again")
        }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 {
            days += 1
            seconds = 0
        }
        var clock: String { String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) }
        if kind == .time {
            let hours = days * 24 + seconds / 3600
            return String(format: "%02d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
        }
        let epochDay: Int
        if uses1904Dates {
            epochDay = -24_107  // 1904-01-01
        } else if days == 0 {
            if seconds > 0 { return clock }
            throw FieldValueError(
                reason: "0 is not a date (Excel shows it as 0 January 1900)", hint: "type the date again, or leave the cell empty")
        } else if days == 60 {
            throw FieldValueError(
                reason:
                    "serial 60 is 29 February 1900, a day that does not exist (Excel counts it only to match Lotus 1-2-3)",
                hint: "type the date again")
        } else {
            epochDay = days < 60 ? -25_568 : -25_569  // 1899-12-31, or 1899-12-30 after the fictitious 1900-02-29
        }
        let date = CalendarDate(daysSince1970: epochDay + days)
        return kind == .dateTime && seconds > 0 ? "\(date.iso8601) \(clock)" : date.iso8601
    }

    /// Undoes the `_xHHHH_` escapes with which Office writes characters XML cannot hold
    /// (`_x000D_` is a carriage return; `_x005F_` escapes an underscore).
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}
