import EvaluationDomain
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An `.xlsx` workbook opened for reading one of its sheets as a table.
///
/// The archive is read with ZIPFoundation and each part with Foundation's `XMLParser`:
/// the package's relationships lead to the workbook (`xl/workbook.xml`: its sheets in
/// order, its date system), the workbook's to its sheets, shared strings and styles. No
/// part is inflated beyond ``CSVLimits/maxWorkbookPartBytes``, whatever its header claims.
struct XLSXWorkbook {
    /// A sheet: its name, its part in the archive, whether it is shown.
    struct Sheet: Sendable, Equatable {
        var name: String
        var part: String
        var visible: Bool
    }

    /// The workbook's name in problems (the file's name).
    let displayName: String
    /// The sheets, in the workbook's order.
    let sheets: [Sheet]
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`) rather than 1900.
    let uses1904Dates: Bool
    private let archive: Archive
    private let limits: CSVLimits
    private let sharedStringsPart: String?
    private let stylesPart: String?

    /// Opens the workbook at `path` and reads its list of sheets.
    ///
    /// - Throws: ``CSVError`` when the archive or one of its parts is damaged, or holds no sheet.
    init(path: String, displayName: String, limits: CSVLimits) throws(CSVError) {
        self.displayName = displayName
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
        } catch {
            throw Self.damaged(displayName, "its ZIP archive cannot be read")
        }
        let package = try Self.relationships(of: "", in: archive, displayName, limits)
        guard let workbookPart = package.first(where: { $0.type.hasSuffix("/officeDocument") })?.target else {
            throw Self.damaged(displayName, "it has no workbook part (no officeDocument relationship in _rels/.rels)")
        }
        let workbook = XLSXElementReader(keeping: ["sheet", "workbookPr"])
        try Self.parse(workbookPart, in: archive, with: workbook, displayName, limits)
        let parts = try Self.relationships(of: workbookPart, in: archive, displayName, limits)
        var sheets: [Sheet] = []
        var date1904 = false
        for element in workbook.elements {
            if element.name == "workbookPr" {
                date1904 = ["1", "true"].contains(element.attributes["date1904"]?.lowercased() ?? "")
            } else if let name = element.attributes["name"], let id = element.attributes["id"],
                let part = parts.first(where: { $0.id == id && $0.type.hasSuffix("/worksheet") })
            {
                sheets.append(Sheet(name: name, part: part.target, visible: (element.attributes["state"] ?? "visible") == "visible"))
            }
        }
        guard !sheets.isEmpty else { throw Self.damaged(displayName, "it has no worksheet") }
        self.sheets = sheets
        uses1904Dates = date1904
        sharedStringsPart = parts.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = parts.first { $0.type.hasSuffix("/styles") }?.target
    }

    /// The sheet to import as `kind`: the first named like the kind (`presenze`,
    /// `Participants 2016`, as files are recognised by name), else the first shown.
    func sheet(for kind: FileKind) -> Sheet {
        sheets.first { FileKind(sheetName: $0.name) == kind } ?? sheets.first(where: \.visible) ?? sheets[0]
    }

    /// Reads `sheet` as a table whose problems are located in `file` (`book.xlsx:Sheet`).
    func read(_ sheet: Sheet, file: String) throws(CSVError) -> SheetTable {
        let strings = XLSXSharedStrings()
        if let sharedStringsPart { try Self.parse(sharedStringsPart, in: archive, with: strings, displayName, limits) }
        let styles = XLSXStyles()
        if let stylesPart { try Self.parse(stylesPart, in: archive, with: styles, displayName, limits) }
        let reader = XLSXSheetReader(sharedStrings: strings.strings, styles: styles, uses1904Dates: uses1904Dates)
        try Self.parse(sheet.part, in: archive, with: reader, displayName, limits, required: true)
        var table = reader.table
        table.blank(reader.merges)
        try table.resolve(file: file, limits: limits)
        return table
    }

    /// A relationship of a part: its id, type and target part (resolved to a path in the archive).
    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `part` (`""` for the package's own, `_rels/.rels`).
    private static func relationships(
        of part: String, in archive: Archive, _ displayName: String, _ limits: CSVLimits
    ) throws(CSVError) -> [Relationship] {
        let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        let reader = XLSXElementReader(keeping: ["Relationship"])
        try parse(relsPart, in: archive, with: reader, displayName, limits, required: part.isEmpty)
        return reader.elements.compactMap { element in
            guard element.attributes["TargetMode"] != "External", let id = element.attributes["Id"],
                let type = element.attributes["Type"], let target = element.attributes["Target"]
            else { return nil }
            return Relationship(id: id, type: type, target: resolve(target, from: folder))
        }
    }

    /// A relationship's target as a path in the archive: absolute (`/xl/worksheets/sheet1.xml`)
    /// or relative to the folder of the part it belongs to (`worksheets/sheet1.xml`, `../x.xml`).
    private static func resolve(_ target: String, from folder: String) -> String {
        var path: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = path.popLast()
            default: path.append(component)
            }
        }
        return path.joined(separator: "/")
    }

    /// Parses `part` with `reader`; a missing part is skipped unless `required`.
    private static func parse(
        _ part: String, in archive: Archive, with reader: some XLSXPartReader, _ displayName: String, _ limits: CSVLimits,
        required: Bool = true
    ) throws(CSVError) {
        guard let entry = archive[part] else {
            if required { throw damaged(displayName, "its part \(part) is missing") }
            return
        }
        try parse(contents(of: entry, in: archive, displayName, limits), part: part, with: reader, displayName)
    }

    /// Parses the XML of `part` with `reader`.
    ///
    /// The parser is fed from a stream, in chunks: given the whole document at once, libxml2
    /// refuses one over 10 MB ("huge input lookup"), and Excel writes a sheet's rows on one line.
    static func parse(_ data: Data, part: String, with reader: some XLSXPartReader, _ displayName: String) throws(CSVError) {
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if let failure = reader.failure { throw damaged(displayName, "in \(part), \(failure)") }
        guard parsed else {
            let detail = parser.parserError.map { " (\($0.localizedDescription))" } ?? ""
            throw damaged(displayName, "its part \(part) is not well-formed XML at line \(parser.lineNumber)\(detail)")
        }
    }

    /// Thrown by the extraction when a part inflates beyond the limit.
    private struct PartTooLarge: Error {}

    /// The bytes of `entry`, inflated up to ``CSVLimits/maxWorkbookPartBytes`` and checked
    /// against their CRC-32.
    private static func contents(of entry: Entry, in archive: Archive, _ displayName: String, _ limits: CSVLimits) throws(CSVError)
        -> Data
    {
        let limit = limits.maxWorkbookPartBytes
        let tooLarge = CSVError(
            Problem(
                file: displayName, line: 0,
                reason: "its part \(entry.path) is larger than \(limit) bytes uncompressed, the limit for one part of a workbook",
                hint: "split the sheet into several workbooks, or save it as CSV UTF-8"))
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(min(Int(entry.uncompressedSize), 64 << 20))
        do {
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= limit else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw damaged(displayName, "its part \(entry.path) cannot be extracted (\(error))")
        }
        return data
    }

    /// A workbook that cannot be read, with the way out.
    static func damaged(_ displayName: String, _ why: String) -> CSVError {
        CSVError(
            Problem(
                file: displayName, line: 0, reason: "the workbook cannot be read: \(why)",
                hint: "open it in Excel or LibreOffice Calc and save it again as .xlsx, or as CSV UTF-8"))
    }
}
