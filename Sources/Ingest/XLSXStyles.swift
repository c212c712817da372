import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a workbook's styles (`xl/styles.xml`) far enough to tell, for each cell style
/// (`s` of a cell, an index into `<cellXfs>`), whether a number in it is shown as a date,
/// a date and time, a time of day, or a number.
final class XLSXStyles: NSObject, XLSXPartReader {
    /// How a number formatted by a style is shown.
    enum Kind: Sendable, Equatable {
        case number, date, dateTime, time
    }

    let failure: String? = nil
    /// Custom number formats: id → format code.
    private var codes: [Int: String] = [:]
    /// The number format id of each cell style.
    private var formatIDs: [Int] = []
    private var inCellStyles = false

    /// The kind of number style `index` shows (a number when there is no such style).
    func kind(ofStyle index: Int) -> Kind {
        guard index >= 0 && index < formatIDs.count else { return .number }
        let id = formatIDs[index]
        if let code = codes[id] { return Self.kind(ofCode: code) }
        return Self.kind(ofBuiltIn: id)
    }

    /// The built-in number formats (ECMA-376 §18.8.30): 14–17 and 22 are dates (22 with a
    /// time), 18–21 and 45–47 times, 27–36 and 50–58 the dates of East Asian locales.
    static func kind(ofBuiltIn id: Int) -> Kind {
        switch id {
        case 14...17, 27...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 45...47: return .time
        default: return .number
        }
    }

    /// Classifies a custom format code such as `dd/mm/yyyy`, `[$-410]d mmmm yyyy;@`,
    /// `hh:mm` or `#,##0.00 "giorni"`: its first section, without quoted text, escaped
    /// characters and bracketed colours or locales, is a date if it has a day or year
    /// (or only a month), a time if it has hours or seconds (or elapsed `[h]`, `[mm]`).
    static func kind(ofCode code: String) -> Kind {
        var letters = ""
        var elapsed = false
        var iterator = code.lowercased().makeIterator()
        scan: while let character = iterator.next() {
            switch character {
            case ";": break scan
            case "\"":
                while let c = iterator.next(), c != "\"" {}
            case "\\", "_", "*": _ = iterator.next()
            case "[":
                var inside = ""
                while let c = iterator.next(), c != "]" { inside.append(c) }
                if inside.allSatisfy({ "hms".contains($0) }) && !inside.isEmpty { elapsed = true }
            default: letters.append(character)
            }
        }
        let hasDate = letters.contains("d") || letters.contains("y")
        let hasTime = elapsed || letters.contains("h") || letters.contains("s")
        if hasDate { return hasTime ? .dateTime : .date }
        if hasTime { return .time }
        return letters.contains("m") ? .date : .number
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String]
    ) {
        switch Self.local(elementName) {
        case "numFmt":
            let attributes = Self.localAttributes(attributeDict)
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { codes[id] = code }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles:
            formatIDs.append(Self.localAttributes(attributeDict)["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if Self.local(elementName) == "cellXfs" { inCellStyles = false }
    }
}
