import CXLSXWriter
import EvaluationDomain
import Foundation
import Ingest

/// The report's tables as one Excel workbook, `report.xlsx` (METHODS §6): a
/// first sheet "Notes" (label | text), then one sheet per table of `tables/`
/// with the same tidy header and cells. Numbers are typed as numbers (rates
/// formatted as percentages, dates as dates), markers such as `[c]` and `[x]`
/// stay text, the header row is bold and frozen, columns are sized to their
/// content. Written by libxlsxwriter with a given creation date and fixed zip
/// entry times, so the same tables give the same bytes on every run.
public struct ReportWorkbook: Sendable {
    /// Rows of the "Notes" sheet: a label and its text.
    public var notes: [(String, String)]
    public var tables: [ReportTable]

    public init(notes: [(String, String)], tables: [ReportTable]) {
        self.notes = notes
        self.tables = tables
    }

    /// 2000-01-01T00:00:00Z, the creation date written into a report's
    /// workbook, so that its bytes never depend on when it was made.
    public static let fixedCreation = Date(timeIntervalSince1970: 946_684_800)

    /// The name of the first sheet.
    public static let notesSheetName = "Notes"

    /// The widest a column is sized to, in characters.
    static let maximumWidth = 60

    /// The workbook's bytes. libxlsxwriter writes to a file, so the workbook is
    /// written to a temporary file, read back and the file removed.
    /// `created` must not be 1970-01-01T00:00:00Z, which libxlsxwriter reads
    /// as "now".
    public func data(created: Date = fixedCreation) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(to: url.path, created: created)
        return try Data(contentsOf: url)
    }

    /// Writes the workbook to `path`.
    func write(to path: String, created: Date) throws {
        guard let workbook = workbook_new(path) else {
            throw ReportWorkbookError(action: "create a workbook at \(path)", error: LXW_ERROR_CREATING_XLSX_FILE)
        }
        var closed = false
        defer { if !closed { lxw_workbook_free(workbook) } }

        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970.rounded(.down))
        try check(workbook_set_properties(workbook, &properties), "set the document properties")

        let formats = Formats(workbook)
        var names = SheetNames()
        try addNotes(to: workbook, name: names.unique(Self.notesSheetName), formats: formats)
        for table in tables {
            try add(table, to: workbook, name: names.unique(table.id), formats: formats)
        }
        closed = true  // workbook_close frees the workbook whatever it returns.
        try check(workbook_close(workbook), "write \(path)")
    }

    // MARK: Sheets

    private func addNotes(to workbook: UnsafeMutablePointer<lxw_workbook>, name: String, formats: Formats) throws {
        let sheet = try addSheet(name, to: workbook)
        var labelWidth = 10
        for (index, note) in notes.enumerated() {
            let row = lxw_row_t(index)
            try check(worksheet_write_string(sheet, row, 0, note.0, formats.label), "write a note")
            try check(worksheet_write_string(sheet, row, 1, note.1, formats.wrapped), "write a note")
            labelWidth = max(labelWidth, Self.width(of: note.0))
        }
        try check(worksheet_set_column(sheet, 0, 0, Double(min(labelWidth, 30)), nil), "size the notes")
        try check(worksheet_set_column(sheet, 1, 1, 100, formats.wrapped), "size the notes")
    }

    private func add(
        _ table: ReportTable, to workbook: UnsafeMutablePointer<lxw_workbook>, name: String, formats: Formats
    ) throws {
        let sheet = try addSheet(name, to: workbook)
        let contents = table.tidyContents
        var widths = table.header.map(Self.width(of:))
        for (column, key) in table.header.enumerated() {
            try check(worksheet_write_string(sheet, 0, lxw_col_t(column), key, formats.header), "write the header of \(table.id)")
        }
        for (index, cells) in table.tidyRows.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, cell) in cells.enumerated() {
                let rate = column < contents.count && contents[column] == .rate
                let shown = try write(cell, to: sheet, row: row, column: lxw_col_t(column), rate: rate, formats: formats)
                if column < widths.count {
                    widths[column] = max(widths[column], Self.width(of: shown))
                } else {
                    widths.append(Self.width(of: shown))
                }
            }
        }
        for (column, width) in widths.enumerated() {
            let characters = Double(min(width + 2, Self.maximumWidth))
            try check(
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), characters, nil), "size the columns of \(table.id)")
        }
        worksheet_freeze_panes(sheet, 1, 0)
    }

    private func addSheet(_ name: String, to workbook: UnsafeMutablePointer<lxw_workbook>) throws -> UnsafeMutablePointer<lxw_worksheet> {
        try check(workbook_validate_sheet_name(workbook, name), "name a sheet \(name)")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw ReportWorkbookError(action: "add the sheet \(name)", error: LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        return sheet
    }

    // MARK: Cells

    /// Writes one tidy cell; returns the text Excel shows for it (for sizing).
    private func write(
        _ cell: CSVCell, to sheet: UnsafeMutablePointer<lxw_worksheet>, row: lxw_row_t, column: lxw_col_t, rate: Bool,
        formats: Formats
    ) throws -> String {
        let action = "write row \(row + 1), column \(column + 1)"
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            try check(worksheet_write_string(sheet, row, column, text, nil), action)
            return text
        case .integer(let n):
            return try number(Double(n), text: String(n), sheet, row, column, rate: rate, formats: formats, action)
        case .number(let x, let digits):
            return try number(
                x, text: CSVWriter.number(x, digits: digits, decimalComma: false), sheet, row, column, rate: rate, formats: formats, action)
        case .significant(let x, let digits):
            return try number(x, text: String(format: "%.\(digits)g", x), sheet, row, column, rate: rate, formats: formats, action)
        case .date(let date):
            var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(sheet, row, column, &value, formats.date), action)
            return date.iso8601
        }
    }

    /// A number as the CSV states it (`text`, the same rounding), typed as a
    /// number; a rate formatted as a percentage. A value that is not finite
    /// (no Excel number) is written as its text.
    private func number(
        _ x: Double, text: String, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ column: lxw_col_t,
        rate: Bool, formats: Formats, _ action: String
    ) throws -> String {
        guard x.isFinite, let value = Double(text) else {
            try check(worksheet_write_string(sheet, row, column, text, nil), action)
            return text
        }
        try check(worksheet_write_number(sheet, row, column, value, rate ? formats.percent : nil), action)
        return rate ? String(format: "%.1f%%", value * 100) : text
    }

    // MARK: Helpers

    /// The formats a workbook uses, owned by the workbook.
    private struct Formats {
        let header: UnsafeMutablePointer<lxw_format>?
        let label: UnsafeMutablePointer<lxw_format>?
        let wrapped: UnsafeMutablePointer<lxw_format>?
        let percent: UnsafeMutablePointer<lxw_format>?
        let date: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            label = workbook_add_format(workbook)
            format_set_bold(label)
            format_set_align(label, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            wrapped = workbook_add_format(workbook)
            format_set_text_wrap(wrapped)
            format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            percent = workbook_add_format(workbook)
            format_set_num_format(percent, "0.0%")
            date = workbook_add_format(workbook)
            format_set_num_format(date, "yyyy-mm-dd")
        }
    }

    /// Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`,
    /// no apostrophe at either end, unique regardless of case, not `History`
    /// (reserved by Excel).
    struct SheetNames {
        private var used: Set<String> = ["history"]

        mutating func unique(_ wanted: String) -> String {
            let forbidden = Set("[]:*?/\\")
            var base = String(wanted.map { forbidden.contains($0) ? "_" : $0 })
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet" }
            var name = Self.prefix(base, 31)
            var n = 2
            while used.contains(name.lowercased()) {
                let suffix = "_\(n)"
                name = Self.prefix(base, 31 - suffix.count) + suffix
                n += 1
            }
            used.insert(name.lowercased())
            return name
        }

        /// The first `count` Unicode scalars (libxlsxwriter counts UTF-8 characters).
        private static func prefix(_ text: String, _ count: Int) -> String {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.prefix(count))
            return String(scalars)
        }
    }

    /// The width of a text in characters: its longest line.
    static func width(of text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    private func check(_ error: lxw_error, _ action: @autoclosure () -> String) throws {
        try ReportWorkbookError.check(error, action())
    }
}

/// libxlsxwriter could not write the workbook.
public struct ReportWorkbookError: Error, CustomStringConvertible {
    /// What was being done.
    public var action: String
    /// libxlsxwriter's message.
    public var message: String

    init(action: String, error: lxw_error) {
        self.action = action
        self.message = lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
    }

    public var description: String { "the Excel workbook: could not \(action) (\(message))" }

    /// Throws when a libxlsxwriter call failed.
    static func check(_ error: lxw_error, _ action: @autoclosure () -> String) throws {
        guard error != LXW_NO_ERROR else { return }
        throw ReportWorkbookError(action: action(), error: error)
    }
}
