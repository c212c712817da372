/// Collects the elements of one SVG chart and serialises them with fixed
/// number formatting, so the same chart always gives the same bytes.
///
/// Coordinates are written with at most two decimals (trailing zeros
/// dropped, never `-0`); text is XML-escaped and characters XML 1.0 forbids
/// are dropped. Non-finite coordinates are written as 0 rather than `nan`,
/// which a browser would refuse; the chart renderers filter them out before.
struct SVGWriter {
    /// Prefix for element ids, unique per chart, so that several charts
    /// inlined in one HTML page never share an id.
    let idPrefix: String
    private(set) var lines: [String] = []
    private(set) var definitions: [String] = []

    init(idPrefix: String) {
        self.idPrefix = Self.identifier(idPrefix)
    }

    enum Anchor: String { case start, middle, end }

    // MARK: Elements

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, cap: String? = nil
    ) {
        element(
            "line",
            [
                ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
                ("stroke", stroke), ("stroke-width", Self.number(width)), ("stroke-dasharray", dash),
                ("stroke-linecap", cap),
            ])
    }

    mutating func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double? = nil
    ) {
        element(
            "rect",
            [
                ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, width))),
                ("height", Self.number(max(0, height))), ("fill", fill), ("stroke", stroke),
                ("stroke-width", strokeWidth.map(Self.number)),
            ])
    }

    mutating func circle(
        _ cx: Double, _ cy: Double, radius: Double, fill: String, stroke: String? = nil, strokeWidth: Double? = nil
    ) {
        element(
            "circle",
            [
                ("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(radius)), ("fill", fill),
                ("stroke", stroke), ("stroke-width", strokeWidth.map(Self.number)),
            ])
    }

    /// A path from `PathBuilder`.
    mutating func path(
        _ path: PathBuilder, fill: String = "none", fillOpacity: Double? = nil, stroke: String? = nil,
        width: Double? = nil, dash: String? = nil, join: String? = nil
    ) {
        guard !path.isEmpty else { return }
        element(
            "path",
            [
                ("d", path.data), ("fill", fill), ("fill-opacity", fillOpacity.map(Self.number)), ("stroke", stroke),
                ("stroke-width", width.map(Self.number)), ("stroke-dasharray", dash), ("stroke-linejoin", join),
            ])
    }

    /// One line of text; `y` is the baseline.
    mutating func text(
        _ text: String, x: Double, y: Double, size: Double, anchor: Anchor = .start, bold: Bool = false,
        fill: String = ChartStyle.ink, rotate: Double? = nil
    ) {
        guard !text.isEmpty else { return }
        let transform = rotate.map { "rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))" }
        lines.append(
            "<text"
                + Self.attributes([
                    ("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
                    ("text-anchor", anchor == .start ? nil : anchor.rawValue), ("font-weight", bold ? "bold" : nil),
                    ("fill", fill == ChartStyle.ink ? nil : fill), ("transform", transform),
                ]) + ">" + Self.escape(text) + "</text>")
    }

    mutating func openGroup(_ attributes: [(String, String?)]) {
        lines.append("<g" + Self.attributes(attributes) + ">")
    }

    mutating func closeGroup() { lines.append("</g>") }

    /// Adds a definition (pattern, clip path) to `<defs>`.
    mutating func define(_ markup: String) { definitions.append(markup) }

    /// An id unique to this chart.
    func id(_ name: String) -> String { "\(idPrefix)-\(name)" }

    private mutating func element(_ name: String, _ attributes: [(String, String?)]) {
        lines.append("<\(name)" + Self.attributes(attributes) + "/>")
    }

    // MARK: Document

    /// The `<svg>` element: accessible name and description first, then
    /// definitions and the drawing; the generic sans-serif family is set once.
    func document(width: Double, height: Double, title: String, description: String) -> String {
        let w = Self.number(width)
        let h = Self.number(height)
        var out =
            "<svg"
            + Self.attributes([
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(w) \(h)"), ("width", w), ("height", h),
                ("role", "img"), ("aria-labelledby", "\(id("title")) \(id("desc"))"),
                ("font-family", ChartStyle.fontFamily), ("fill", ChartStyle.ink),
            ]) + ">\n"
        out += "<title id=\"\(id("title"))\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"\(id("desc"))\">\(Self.escape(description))</desc>\n"
        if !definitions.isEmpty {
            out += "<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>\n"
        }
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        for line in lines { out += line + "\n" }
        out += "</svg>\n"
        return out
    }

    // MARK: Formatting

    /// A coordinate with at most two decimals, trailing zeros dropped.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let scaled = (x * 100).rounded(.toNearestOrAwayFromZero)
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = String(whole)
        if fraction != 0 {
            let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
            text += "." + digits
        }
        return (negative ? "-" : "") + text
    }

    static func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name)=\"\(escape($0))\"" } }.joined()
    }

    /// XML text: `&`, `<`, `>`, quotes escaped; characters XML 1.0 does not
    /// allow (C0 controls other than tab, newline, return) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Letters, digits, `-` and `_` only, starting with a letter.
    static func identifier(_ text: String) -> String {
        let kept = String(
            text.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return (scalar.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "-"
            })
        guard let first = kept.first, first.isLetter else { return "chart-" + kept }
        return kept
    }
}

/// Builds SVG path data with the writer's fixed number formatting.
struct PathBuilder {
    private(set) var data = ""

    var isEmpty: Bool { data.isEmpty }

    mutating func move(_ x: Double, _ y: Double) { append("M\(SVGWriter.number(x)) \(SVGWriter.number(y))") }
    mutating func line(_ x: Double, _ y: Double) { append("L\(SVGWriter.number(x)) \(SVGWriter.number(y))") }
    mutating func horizontal(_ x: Double) { append("H\(SVGWriter.number(x))") }
    mutating func vertical(_ y: Double) { append("V\(SVGWriter.number(y))") }
    mutating func close() { append("Z") }

    private mutating func append(_ command: String) {
        data += data.isEmpty ? command : " " + command
    }
}
