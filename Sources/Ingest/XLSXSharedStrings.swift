import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a workbook's shared strings (`xl/sharedStrings.xml`): the text of each `<si>`, plain
/// (`<t>`) or rich (the `<t>` of each run `<r>` joined), without phonetic guides (`<rPh>`).
final class XLSXSharedStrings: NSObject, XLSXPartReader {
    /// The strings, by index.
    private(set) var strings: [String] = []
    let failure: String? = nil
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String]
    ) {
        switch Self.local(elementName) {
        case "si":
            inItem = true
            current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "si":
            strings.append(ExcelCellText.unescaped(current))
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
