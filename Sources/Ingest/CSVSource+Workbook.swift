import Crypto
import EvaluationDomain
import Foundation

extension CSVSource {
    /// Opens an export of `kind` (METHODS §3): a CSV file, or a sheet of an `.xlsx` workbook,
    /// the one named like the kind (`presenze`, `Participants`) or else the first.
    ///
    /// A workbook's cells are read by their type and given to the row decoders as the text a
    /// CSV export would hold (numbers with a decimal point, dates as `yyyy-mm-dd`, booleans
    /// as 1/0); problems are located at cells, `presenze.xlsx:presenze!E7`, the source's
    /// ``displayName`` being `presenze.xlsx:presenze`; its ``sha256`` is the workbook's.
    ///
    /// - Throws: ``CSVError`` for what ``open(path:displayName:dialect:limits:)`` refuses,
    ///   for a legacy `.xls`, an `.ods`, an `.xlsb`, a workbook not named `.xlsx` or a text
    ///   file that is, a damaged or oversized workbook, and a sheet without a header.
    public static func open(path: String, kind: FileKind, limits: CSVLimits = .init()) throws -> CSVSource {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let format = SpreadsheetFormat(path: path)
        if let refusal = format.refusal(file: name) { throw CSVError(refusal) }
        guard format == .xlsx else { return try open(path: path, limits: limits) }

        let workbook = try XLSXWorkbook(path: path, displayName: name, limits: limits)
        let sheet = workbook.sheet(for: kind)
        let file = Problem.sheetFile(workbook: name, sheet: sheet.name)
        let table = try workbook.read(sheet, file: file)
        let (sha256, byteCount) = try digest(path: path, displayName: name)
        return CSVSource(
            displayName: file, path: path, sha256: sha256, byteCount: byteCount, dialect: .workbook(sheet: sheet.name),
            header: table.header, headerLine: table.headerRow, limits: limits, physicalLineCount: table.lastRow,
            hasByteOrderMark: false, checksUndefinedBytes: false, sheet: table)
    }

    /// The SHA-256 (lowercase hexadecimal) and size of the file's bytes, read in chunks.
    private static func digest(path: String, displayName: String) throws(CSVError) -> (String, Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVError(Problem(file: displayName, line: 0, reason: "the file cannot be read"))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            count += chunk.count
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (hex, count)
    }
}
