import EvaluationDomain
import Foundation

/// One cell of a CSV table.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number written with at most `digits` decimals (trailing zeros trimmed).
    case number(Double, digits: Int)
    /// A number to `digits` significant digits (`3.2e-12` for a tiny p-value,
    /// which a fixed number of decimals would write as 0).
    case significant(Double, digits: Int)
    case date(CalendarDate)
    case empty
}

/// Writes tables as CSV in a given `CSVFormat`: quoting per RFC 4180, the
/// format's decimal mark and date style, formula neutralisation when asked.
public struct CSVWriter: Sendable {
    public var format: CSVFormat

    public init(format: CSVFormat) {
        self.format = format
    }

    /// The bytes of a whole table.
    public func encode(header: [String], rows: [[CSVCell]]) throws -> Data {
        var text = line(header.map { CSVCell.text($0) })
        for row in rows { text += line(row) }
        var data = Data()
        if format.windows1252 {
            guard let bytes = Windows1252.encode(text) else {
                throw CSVWriterError.notRepresentable
            }
            data.append(contentsOf: bytes)
        } else {
            if format.byteOrderMark { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
            data.append(contentsOf: Array(text.utf8))
        }
        return data
    }

    /// One line, with its line ending.
    public func line(_ cells: [CSVCell]) -> String {
        cells.map(render).joined(separator: String(format.separator)) + format.lineEnding
    }

    package func render(_ cell: CSVCell) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let n): return String(n)
        case .number(let x, let digits): return quoteIfNeeded(Self.number(x, digits: digits, decimalComma: format.decimalComma))
        case .significant(let x, let digits):
            let text = String(format: "%.\(digits)g", x)
            return quoteIfNeeded(format.decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text)
        case .date(let d):
            switch format.dateStyle {
            case .iso: return d.iso8601
            case .dayMonthYear: return String(format: "%02d/%02d/%04d", d.day, d.month, d.year)
            }
        case .text(let s):
            var value = s
            if format.neutraliseFormulas, let first = value.unicodeScalars.first,
                ["=", "+", "-", "@", "\t", "\r"].contains(first)
            {
                value = "'" + value
            }
            return quoteIfNeeded(value)
        }
    }

    func quoteIfNeeded(_ value: String) -> String {
        let needs = value.contains(format.separator) || value.contains("\"") || value.contains("\n") || value.contains("\r")
        guard needs else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with at most `digits` decimals, trailing zeros trimmed, in the given mark.
    public static func number(_ x: Double, digits: Int, decimalComma: Bool) -> String {
        DecimalText.format(x, digits: digits, decimalComma: decimalComma)
    }
}

/// A table that cannot be written in the requested encoding.
public enum CSVWriterError: Error, CustomStringConvertible {
    case notRepresentable
    public var description: String { "a character cannot be written in Windows-1252" }
}
