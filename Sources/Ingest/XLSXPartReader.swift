import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A reader of one XML part of an `.xlsx` workbook (the workbook, its relationships, styles,
/// shared strings, a sheet), driven by Foundation's `XMLParser`.
protocol XLSXPartReader: XMLParserDelegate {
    /// Why the part cannot be read although it is well-formed XML (a cell reference out of
    /// range, a shared string that does not exist…); the reader stops the parser when it sets it.
    var failure: String? { get }
}

extension XLSXPartReader {
    /// An element's or attribute's name without its namespace prefix (`x:c` → `c`, `r:id` → `id`):
    /// writers choose their own prefixes, and parts are read without namespace processing.
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The attribute whose local name is `name` (`r`, or `x:r` when a writer prefixes it).
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { local($0.key) == name }?.value
    }

    /// `attributes` keyed by their local names.
    static func localAttributes(_ attributes: [String: String]) -> [Substring: String] {
        var result: [Substring: String] = [:]
        for (name, value) in attributes { result[local(name)] = value }
        return result
    }
}
