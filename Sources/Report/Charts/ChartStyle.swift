/// Colours, strokes and type sizes shared by the charts.
///
/// The series colours differ in lightness as well as hue and each series also
/// has its own dash pattern, so the charts stay readable when printed in
/// greyscale or read by someone who does not tell the hues apart.
enum ChartStyle {
    /// Generic families only: no font is loaded from anywhere.
    static let fontFamily = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"

    static let ink = "#1a1a1a"
    static let muted = "#555555"
    static let axis = "#404040"
    static let grid = "#e3e3e3"
    static let reference = "#6e6e6e"
    static let connector = "#8c8c8c"
    static let hatch = "#7a7a7a"
    static let primary = "#1f3b63"

    /// Series colours, darkest first.
    static let series = ["#1f3b63", "#c0620c", "#3f8f7c", "#8c2d4a", "#6b6b6b"]
    /// Dash patterns paired with the colours (`nil` is solid).
    static let dashes: [String?] = [nil, "7 4", "2 3", "10 3 2 3", "4 2"]

    static func colour(_ index: Int) -> String { series[index % series.count] }
    static func dash(_ index: Int) -> String? { dashes[index % dashes.count] }

    static let width = 640.0
    static let padding = 16.0
    static let titleSize = 15.0
    static let subtitleSize = 12.0
    static let labelSize = 12.0
    static let tickSize = 11.0
    static let lineHeight = 1.3
}

/// Estimated text widths, for layout without font metrics.
///
/// The factors are the advance widths of DejaVu Sans, the widest of the
/// common sans-serif faces (what a Debian browser falls back to), so a label
/// laid out with them never collides when a narrower face such as Arial or
/// Helvetica is used.
enum TextMetrics {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for character in text { em += advance(character) }
        return em * size * (bold ? 1.1 : 1.0)
    }

    private static func advance(_ c: Character) -> Double {
        switch c {
        case " ", ".", ",", ":", ";", "'", "!", "|", "i", "j", "l", "I": return 0.32
        case "(", ")", "[", "]", "{", "}", "f", "t", "r": return 0.40
        case "m", "M", "W", "w", "%", "—": return 0.95
        case "<", ">", "=", "+", "−", "±", "×", "≥", "≤": return 0.84
        case "0"..."9", "$", "€", "#", "?", "_": return 0.64
        case "-", "–": return 0.5
        default:
            if c.isUppercase { return 0.74 }
            return 0.62
        }
    }

    /// Splits `text` at spaces into lines no wider than `width` (a single word
    /// longer than the width gets a line of its own).
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || Self.width(candidate, size: size, bold: bold) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
