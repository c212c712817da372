/// The character encoding of a CSV export, as detected (or forced) when the file is opened.
///
/// The rule (METHODS §5, "Reading files"): a file whose bytes are valid UTF-8 is read as
/// UTF-8, with or without a byte-order mark; any other file is read as Windows-1252, the
/// encoding Excel uses for "CSV (separatore: punto e virgola)" on Italian Windows.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    /// UTF-8 without a byte-order mark (survey tools, LibreOffice, R).
    case utf8 = "UTF-8"
    /// UTF-8 starting with the bytes `EF BB BF` (Excel's "CSV UTF-8").
    case utf8WithBOM = "UTF-8 with BOM"
    /// Windows-1252 (a superset of Latin-1 with `€` and typographic quotes in 0x80–0x9F).
    case windows1252 = "Windows-1252"

    /// Whether field bytes are UTF-8 (with or without the mark).
    var isUTF8: Bool { self != .windows1252 }
}
