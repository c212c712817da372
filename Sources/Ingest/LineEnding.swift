/// The line endings found in a file, counting every physical line break
/// (including those inside quoted fields).
public enum LineEnding: String, Sendable, Codable, CaseIterable {
    /// Every line ends with LF (`\n`): Unix, macOS, most survey tools.
    case lf = "LF"
    /// Every line ends with CR LF (`\r\n`): Windows, Excel.
    case crlf = "CRLF"
    /// Every line ends with a lone CR (`\r`): classic Mac OS and old Excel for Mac.
    case cr = "CR"
    /// More than one kind, e.g. CRLF rows with LF line breaks typed inside cells (Alt+Enter).
    case mixed
    /// No line break at all: a file of one line.
    case none

    /// Classifies from the counts of each kind of break.
    init(lf: Int, crlf: Int, cr: Int) {
        switch (lf > 0, crlf > 0, cr > 0) {
        case (false, false, false): self = .none
        case (true, false, false): self = .lf
        case (false, true, false): self = .crlf
        case (false, false, true): self = .cr
        default: self = .mixed
        }
    }
}
