/// One problem found in an input file, described the compiler way:
///
///     attendance.csv:17:4: error: 'si ' is not a presence mark (expected 1/0, sì/no, x/blank)
///
/// `line` is the physical line of the file (line breaks inside quoted fields counted),
/// `column` the 1-based number of the field. A problem about the whole file has line 0
/// and is printed as `file: error: reason`.
///
/// In a sheet of an Excel workbook, `file` is `book.xlsx:Sheet` (see
/// ``sheetFile(workbook:sheet:)``), `line` the row and `column` the column, and the place
/// is printed as the cell's reference, as Excel's Name Box takes it:
///
///     presenze.xlsx:presenze!E7: error: 'forse' is not a presence mark (expected 1/0, sì/no, x/blank)
public struct Problem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Whether the problem rejects the file.
    public enum Severity: String, Sendable, Codable {
        /// The file is rejected.
        case error
        /// The file is imported; the problem is reported.
        case warning
    }

    /// Whether the problem rejects the file.
    public var severity: Severity
    /// The file's name as shown to the user.
    public var file: String
    /// The physical 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based field number, when the problem concerns one field.
    public var column: Int?
    /// The header name of that field, when known.
    public var columnName: String?
    /// The offending value as written (trimmed), when there is one.
    public var value: String?
    /// What is wrong, as a sentence fragment without a trailing period.
    public var reason: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a problem; errors by default.
    public init(
        _ severity: Severity = .error, file: String, line: Int, column: Int? = nil,
        columnName: String? = nil, value: String? = nil, reason: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.value = value
        self.reason = reason
        self.hint = hint
    }

    /// `file:line:column: error: reason`, followed by `(hint)` when there is a hint; in a
    /// workbook's sheet `book.xlsx:Sheet!C7: error: reason` (`Sheet!7:7` for a whole row).
    public var description: String {
        var place = file
        if line > 0 && Self.isSheetFile(file) {
            place += "!" + (column.map { Self.cellReference(column: $0, row: line) } ?? "\(line):\(line)")
        } else if line > 0 {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity.rawValue): \(reason)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension Problem {
    /// The `file` of problems in a sheet of a workbook: `presenze.xlsx:presenze`.
    ///
    /// Excel forbids `:` in sheet names, so the sheet is what follows the last `:`.
    public static func sheetFile(workbook: String, sheet: String) -> String {
        "\(workbook):\(sheet)"
    }

    /// Whether `file` names a sheet of an `.xlsx` workbook (``sheetFile(workbook:sheet:)``).
    public static func isSheetFile(_ file: String) -> Bool {
        guard let colon = file.lastIndex(of: ":"), file.index(after: colon) < file.endIndex else { return false }
        return file[..<colon].lowercased().hasSuffix(".xlsx")
    }

    /// A cell's A1 reference: column 1 is `A`, 26 `Z`, 27 `AA`; `cellReference(column: 3, row: 7)` is `C7`.
    public static func cellReference(column: Int, row: Int) -> String {
        var letters: [Character] = []
        var n = max(1, column)
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed()) + "\(row)"
    }
}
