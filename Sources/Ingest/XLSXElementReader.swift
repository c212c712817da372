import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the attributes of the elements of a small part (the workbook's sheet list,
/// a relationships part), in document order.
final class XLSXElementReader: NSObject, XLSXPartReader {
    /// One element: its local name and its attributes keyed by local name.
    struct Element {
        var name: Substring
        var attributes: [Substring: String]
    }

    /// The elements read whose local name is one of those asked for.
    private(set) var elements: [Element] = []
    let failure: String? = nil
    private let names: Set<Substring>

    /// A reader keeping the elements whose local names are `names`.
    init(keeping names: Set<Substring>) {
        self.names = names
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String]
    ) {
        let name = Self.local(elementName)
        if names.contains(name) { elements.append(Element(name: name, attributes: Self.localAttributes(attributeDict))) }
    }
}
