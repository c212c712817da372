import EvaluationDomain
import Foundation
import ZIPFoundation

/// What a file given as an export really is, from its first bytes and, for a ZIP archive,
/// its entries: a workbook saved in another format, or renamed, is refused with its real
/// format named, rather than read as garbled text.
enum SpreadsheetFormat: Equatable {
    /// Not a ZIP archive nor an Office file: read as a CSV export.
    case text
    /// An Office Open XML workbook (`.xlsx`).
    case xlsx
    /// An Excel binary workbook (`.xlsb`).
    case xlsb
    /// An OLE compound file: a legacy Excel workbook (`.xls`, Excel 97–2003), or an
    /// encrypted (password-protected) `.xlsx`.
    case compoundFile
    /// An OpenDocument file (`.ods` is `application/vnd.oasis.opendocument.spreadsheet`).
    case openDocument(mimeType: String)
    /// A ZIP archive that is none of these.
    case otherZIP
    /// A ZIP archive whose directory cannot be read.
    case damagedZIP

    /// The format of the file at `path` (``text`` when it cannot be told, for the CSV
    /// reader to report).
    init(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            self = .text
            return
        }
        let magic = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            self = .compoundFile
        } else if magic.count >= 4, magic[0] == 0x50, magic[1] == 0x4B, [3, 5, 7].contains(magic[2]) {
            self = Self.zipContents(path)
        } else {
            self = .text
        }
    }

    private static func zipContents(_ path: String) -> SpreadsheetFormat {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil)
        } catch {
            return .damagedZIP
        }
        if let entry = archive["mimetype"], entry.uncompressedSize <= 256 {
            var bytes = Data()
            if (try? archive.extract(entry, consumer: { bytes.append($0) })) != nil {
                return .openDocument(mimeType: String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return .damagedZIP
        }
        guard archive["[Content_Types].xml"] != nil else { return .otherZIP }
        if archive["xl/workbook.bin"] != nil { return .xlsb }
        return archive["xl/workbook.xml"] != nil || archive["_rels/.rels"] != nil ? .xlsx : .otherZIP
    }

    /// Why a file of this format named `name` is refused, with how to save it so that it
    /// is read; `nil` when it is read: text under any name but `.xlsx`, a workbook named `.xlsx`.
    func refusal(file name: String) -> Problem? {
        let namedXLSX = name.lowercased().hasSuffix(".xlsx")
        let dot = name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let saveAs = "save it as Excel Workbook (.xlsx) or as CSV UTF-8"
        let (reason, hint): (String, String)
        switch self {
        case .text where !namedXLSX, .xlsx where namedXLSX:
            return nil
        case .text:
            reason = "the file is not an Excel workbook: it holds no ZIP archive, as an .xlsx does (a CSV export renamed .xlsx?)"
            hint = "if it is a CSV export, rename it \(stem).csv; otherwise open it in Excel or LibreOffice Calc and \(saveAs)"
        case .xlsx:
            reason = "the file is an Excel workbook (.xlsx), not a CSV export, although it is named \(dot.isEmpty ? "without .xlsx" : dot)"
            hint = "rename it \(stem).xlsx to import its sheet, or open it in Excel and save the sheet as CSV UTF-8"
        case .xlsb:
            reason = "the file is an Excel binary workbook (.xlsb), which evalrun does not read"
            hint = "open it in Excel and \(saveAs)"
        case .compoundFile:
            reason =
                "the file is a legacy Excel workbook (.xls, Excel 97–2003) or a password-protected one, which evalrun does not read"
            hint = "open it in Excel or LibreOffice Calc, remove any password, and \(saveAs)"
        case .openDocument(let mimeType) where mimeType == "application/vnd.oasis.opendocument.spreadsheet":
            reason = "the file is an OpenDocument spreadsheet (.ods), which evalrun does not read"
            hint = "open it in LibreOffice Calc and save it as Excel 2007-365 (.xlsx) or as Text CSV (UTF-8)"
        case .openDocument(let mimeType):
            reason = "the file is an OpenDocument file (\(mimeType)), not a spreadsheet export"
            hint = "export the table from it as .xlsx or as CSV UTF-8"
        case .otherZIP where namedXLSX:
            reason = "the file is a ZIP archive but not an Excel workbook (it has no workbook part): damaged, or another file renamed .xlsx"
            hint = "open it in Excel or LibreOffice Calc and save it again as .xlsx, or as CSV UTF-8"
        case .otherZIP:
            reason = "the file is a ZIP archive, not a CSV export or an Excel workbook"
            hint = "extract the export from the archive, or \(saveAs)"
        case .damagedZIP:
            reason = "the file is a damaged ZIP archive (a workbook cut short or corrupted?) and cannot be read"
            hint = "open it in Excel or LibreOffice Calc and save it again as .xlsx, or as CSV UTF-8"
        }
        return Problem(file: name, line: 0, reason: reason, hint: hint)
    }
}
