import EvaluationDomain
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a worksheet part (`xl/worksheets/sheet1.xml`) into a ``SheetTable``: each cell by
/// its type, shared strings (`t="s"`), inline strings (`t="inlineStr"`), a formula's cached
/// string (`t="str"`), booleans (`t="b"`, as 1/0), errors (`t="e"`), ISO dates (`t="d"`) and
/// numbers, which a date style turns into dates; formulas are not computed: their cached
/// value `<v>` is read. Also collects the merged ranges (`<mergeCell ref="E1:F1"/>`).
final class XLSXSheetReader: NSObject, XLSXPartReader {
    /// The largest row and column numbers of an Excel sheet: 1,048,576 and 16,384 (XFD).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    /// The cells read.
    private(set) var table = SheetTable()
    /// The merged ranges.
    private(set) var merges: [SheetTable.Area] = []
    private(set) var failure: String?

    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let uses1904Dates: Bool

    private var rowNumber = 0
    private var cells: [(column: Int, cell: SheetTable.Cell)] = []
    private var cellsInOrder = true
    private var column = 0
    private var cellReference = ""
    private var cellType = "n"
    private var cellStyle = 0
    private var value = ""
    private var inlineText = ""
    private var inValue = false
    private var inInlineString = false
    private var inText = false
    private var phoneticDepth = 0

    /// A reader resolving shared strings and number styles with the workbook's.
    init(sharedStrings: [String], styles: XLSXStyles, uses1904Dates: Bool) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.uses1904Dates = uses1904Dates
    }

    /// Parses an A1 reference (`C7`, `$C$7`) into 1-based (column, row), within Excel's bounds.
    static func reference(_ text: Substring) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var digits = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default: return nil
            }
            if column > maxColumn || row > maxRow { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        return (column, row)
    }

    private func fail(_ parser: XMLParser, _ reason: String) {
        guard failure == nil else { return }
        failure = reason
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String]
    ) {
        switch Self.local(elementName) {
        case "row":
            let reference = Self.attribute("r", in: attributeDict)
            let number = reference.map { Int($0) ?? 0 } ?? rowNumber + 1
            guard number > rowNumber, number <= Self.maxRow else {
                return fail(parser, "row \(reference ?? "\(number)") is out of order or out of range")
            }
            rowNumber = number
            cells.removeAll(keepingCapacity: true)
            cellsInOrder = true
            column = 0
        case "c":
            if let reference = Self.attribute("r", in: attributeDict) {
                guard let place = Self.reference(Substring(reference)), place.row == rowNumber else {
                    return fail(parser, "cell '\(reference)' is not a cell of row \(rowNumber)")
                }
                if place.column <= column { cellsInOrder = false }
                column = place.column
                cellReference = reference
            } else {
                column += 1
                guard column <= Self.maxColumn else { return fail(parser, "row \(rowNumber) has more than \(Self.maxColumn) cells") }
                cellReference = Problem.cellReference(column: column, row: rowNumber)
            }
            cellType = Self.attribute("t", in: attributeDict) ?? "n"
            cellStyle = Self.attribute("s", in: attributeDict).flatMap { Int($0) } ?? 0
            value = ""
            inlineText = ""
        case "v": inValue = true
        case "is": inInlineString = true
        case "rPh": phoneticDepth += 1
        case "t": inText = inInlineString && phoneticDepth == 0
        case "mergeCell":
            guard let range = Self.attribute("ref", in: attributeDict) else { return }
            let corners = range.split(separator: ":")
            guard let first = corners.first.flatMap(Self.reference), let last = corners.last.flatMap(Self.reference),
                first.column <= last.column, first.row <= last.row
            else { return fail(parser, "merged range '\(range)' is not a range of cells") }
            merges.append(SheetTable.Area(rows: first.row...last.row, columns: first.column...last.column))
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch Self.local(elementName) {
        case "v": inValue = false
        case "is": inInlineString = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        case "c":
            if let cell = cell(parser) { cells.append((column, cell)) }
        case "row":
            if !cellsInOrder {
                cells.sort { $0.column < $1.column }
                for index in cells.indices.dropFirst() where cells[index].column == cells[index - 1].column {
                    return fail(parser, "cell \(Problem.cellReference(column: cells[index].column, row: rowNumber)) is given twice")
                }
            }
            table.append(row: rowNumber, cells: cells)
            cells.removeAll(keepingCapacity: true)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue {
            value += string
        } else if inText {
            inlineText += string
        }
    }

    /// The cell just read, or `nil` when it is blank.
    private func cell(_ parser: XMLParser) -> SheetTable.Cell? {
        let text: String
        switch cellType {
        case "s":
            guard !value.isEmpty else { return nil }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                fail(parser, "cell \(cellReference) refers to shared string \(value), which does not exist")
                return nil
            }
            text = sharedStrings[index]
        case "inlineStr": text = ExcelCellText.unescaped(inlineText.isEmpty ? value : inlineText)
        case "str", "d": text = ExcelCellText.unescaped(value)
        case "b":
            switch value.trimmingCharacters(in: .whitespaces) {
            case "": return nil
            case "1", "true": text = "1"
            case "0", "false": text = "0"
            default:
                return .unreadable(FieldValueError(reason: "'\(value)' is not a boolean"), value: value)
            }
        case "e":
            return .unreadable(
                FieldValueError(
                    reason: "the cell holds the Excel error \(value), not a value",
                    hint: "correct the formula or type the value, and save the workbook again"),
                value: value)
        default:
            guard !value.isEmpty else { return nil }
            let written = Double(value) != nil ? value : value.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { return nil }
            guard let number = Double(written), number.isFinite else {
                return .unreadable(FieldValueError(reason: "'\(written)' is not a number"), value: written)
            }
            let kind = styles.kind(ofStyle: cellStyle)
            if kind == .number {
                text = ExcelCellText.number(number)
            } else {
                do {
                    text = try ExcelCellText.date(serial: number, kind: kind, uses1904Dates: uses1904Dates)
                } catch {
                    return .unreadable(error, value: written)
                }
            }
        }
        return text.allSatisfy(\.isWhitespace) ? nil : .text(text)
    }
}
