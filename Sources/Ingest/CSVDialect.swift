/// How a CSV file is written: separator, encoding, line endings and decimal mark; for the
/// sheet of an `.xlsx` workbook, which sheet (its cells are read as text with a decimal point).
///
/// ``CSVSource/open(path:displayName:dialect:limits:)`` detects it (and the import records
/// it as provenance); a caller may also force one.
public struct CSVDialect: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The field separator: `,` (0x2C), `;` (0x3B) or tab (0x09).
    public var separator: UInt8
    /// The character encoding.
    public var encoding: TextEncoding
    /// The line endings found.
    public var lineEnding: LineEnding
    /// Whether numbers use a decimal comma (`12,5`), as in Italian Excel exports.
    public var decimalComma: Bool
    /// The sheet read, when the file is an `.xlsx` workbook rather than a CSV export.
    public var workbookSheet: String?

    /// The separators the sniffer considers, in order of preference on ties.
    public static let candidateSeparators: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]

    /// Creates a dialect.
    public init(
        separator: UInt8, encoding: TextEncoding = .utf8, lineEnding: LineEnding = .lf, decimalComma: Bool = false,
        workbookSheet: String? = nil
    ) {
        self.separator = separator
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.decimalComma = decimalComma
        self.workbookSheet = workbookSheet
    }

    /// How the cells of a workbook's sheet reach the row decoders: UTF-8 text, numbers with a
    /// decimal point, dates as ISO `yyyy-mm-dd`.
    public static func workbook(sheet: String) -> CSVDialect {
        CSVDialect(
            separator: UInt8(ascii: ","), encoding: .utf8, lineEnding: .none, decimalComma: false, workbookSheet: sheet)
    }

    /// Excel in Italian locale: `;`, Windows-1252, CRLF, decimal comma.
    public static let italianExcel = CSVDialect(
        separator: UInt8(ascii: ";"), encoding: .windows1252, lineEnding: .crlf, decimalComma: true)
    /// Survey tools (LimeSurvey, KoboToolbox, Google Forms): `,`, UTF-8, LF, decimal point.
    public static let surveyTool = CSVDialect(separator: UInt8(ascii: ","), encoding: .utf8, lineEnding: .lf, decimalComma: false)

    /// The separator as shown to people: `';'`, `','` or `tab`.
    public var separatorName: String {
        separator == UInt8(ascii: "\t") ? "tab" : "'\(Character(Unicode.Scalar(separator)))'"
    }

    /// A one-line summary, e.g. `';' separated, Windows-1252, CRLF, decimal comma`, or
    /// `Excel workbook, sheet 'presenze'`.
    public var description: String {
        if let workbookSheet { return "Excel workbook, sheet '\(workbookSheet)'" }
        let lines: String
        switch lineEnding {
        case .none: lines = "single line"
        case .mixed: lines = "mixed line endings"
        default: lines = lineEnding.rawValue
        }
        return "\(separatorName) separated, \(encoding.rawValue), \(lines), decimal \(decimalComma ? "comma" : "point")"
    }

    private enum CodingKeys: String, CodingKey {
        case separator, encoding, lineEnding = "line_ending", decimalComma = "decimal_comma"
        case workbookSheet = "workbook_sheet"
    }

    /// Decodes a dialect whose separator is written as a one-character string (`";"`, `"\t"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .separator)
        guard text.utf8.count == 1, let byte = text.utf8.first else {
            throw DecodingError.dataCorruptedError(
                forKey: .separator, in: container, debugDescription: "a separator is one ASCII character, not '\(text)'")
        }
        separator = byte
        encoding = try container.decode(TextEncoding.self, forKey: .encoding)
        lineEnding = try container.decode(LineEnding.self, forKey: .lineEnding)
        decimalComma = try container.decode(Bool.self, forKey: .decimalComma)
        workbookSheet = try container.decodeIfPresent(String.self, forKey: .workbookSheet)
    }

    /// Encodes the separator as a one-character string, the rest by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(decoding: [separator], as: UTF8.self), forKey: .separator)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(lineEnding, forKey: .lineEnding)
        try container.encode(decimalComma, forKey: .decimalComma)
        try container.encodeIfPresent(workbookSheet, forKey: .workbookSheet)
    }
}
