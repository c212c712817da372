/// How a CSV file is written: the `--csv-dialect` choices of the reports, and
/// the export styles the synthetic programme imitates.
public struct CSVFormat: Sendable, Equatable {
    public var separator: Character
    public var decimalComma: Bool
    public var byteOrderMark: Bool
    public var lineEnding: String
    public var windows1252: Bool
    /// Whether text cells beginning with `=`, `+`, `-`, `@`, tab or CR are
    /// neutralised against formula injection (prefixed with `'`).
    public var neutraliseFormulas: Bool
    /// How dates are written.
    public var dateStyle: DateStyle

    public enum DateStyle: Sendable, Equatable { case iso, dayMonthYear }

    public init(
        separator: Character, decimalComma: Bool, byteOrderMark: Bool, lineEnding: String, windows1252: Bool,
        neutraliseFormulas: Bool, dateStyle: DateStyle
    ) {
        self.separator = separator
        self.decimalComma = decimalComma
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.windows1252 = windows1252
        self.neutraliseFormulas = neutraliseFormulas
        self.dateStyle = dateStyle
    }

    /// RFC 4180: `,`, CRLF, UTF-8 without BOM, decimal point, ISO dates.
    public static let rfc4180 = CSVFormat(
        separator: ",", decimalComma: false, byteOrderMark: false, lineEnding: "\r\n", windows1252: false,
        neutraliseFormulas: true, dateStyle: .iso)

    /// What Excel in Italian locale opens directly: `;`, decimal comma, UTF-8 with BOM.
    public static let excelItalian = CSVFormat(
        separator: ";", decimalComma: true, byteOrderMark: true, lineEnding: "\r\n", windows1252: false,
        neutraliseFormulas: true, dateStyle: .iso)
}
