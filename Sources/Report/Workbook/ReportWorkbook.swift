import CXLSXWriter
import EvaluationDomain
import Foundation
import Ingest

/// The report's tables as one Excel workbook, `report.xlsx` (METHODS §6): the
/// key figures first when the report has them, a sheet "Notes" (label | text), then
/// one sheet per table of `tables/` with the same tidy cells. In English the sheets
/// and headers are the tidy tables' names and keys; in Italian they are translated
/// (the CSV keys stay the same in both languages). Numbers are typed as numbers
/// (rates as percentages, money with two decimals and a thousands separator,
/// p-values with four decimals, dates as dates), markers such as `[c]` and `[x]`
/// stay text, the header row is bold and frozen, columns are sized to their
/// content. Written by libxlsxwriter with a given creation date and fixed zip
/// entry times, so the same tables give the same bytes on every run.
public struct ReportWorkbook: Sendable {
    /// Rows of the "Notes" sheet: a label and its text.
    public var notes: [(String, String)]
    public var tables: [ReportTable]
    /// The language of the sheet names and headers.
    public var language: ReportLanguage

    public init(notes: [(String, String)], tables: [ReportTable], language: ReportLanguage = .en) {
        self.notes = notes
        self.tables = tables
        self.language = language
    }

    /// The table shown first, before the notes.
    static let firstTable = "key_figures"

    /// A sheet's name: the table's id, translated where the language has a name for it.
    func sheetName(_ id: String) -> String {
        let name = language.text("workbook.sheet.\(id)")
        return name.hasPrefix("[text missing") ? id : name
    }

    /// A tidy column's heading: its key, translated where the language has a name for it
    /// (an interval's `<key>_ci_low` as the key's name and the limit).
    func heading(_ key: String) -> String {
        let name = language.text("workbook.column.\(key)")
        guard name.hasPrefix("[text missing") else { return name }
        for (suffix, template) in [("_ci_low", "workbook.column.ci_low_of"), ("_ci_high", "workbook.column.ci_high_of")]
        where key.hasSuffix(suffix) {
            let base = String(key.dropLast(suffix.count))
            let baseName = language.text("workbook.column.\(base)")
            return language.text(template, baseName.hasPrefix("[text missing") ? base : baseName)
        }
        return key
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
        let first = tables.filter { $0.id == Self.firstTable }
        for table in first { try add(table, to: workbook, name: names.unique(sheetName(table.id)), formats: formats) }
        try addNotes(to: workbook, name: names.unique(language == .en ? Self.notesSheetName : sheetName("notes")), formats: formats)
        for table in tables where table.id != Self.firstTable {
            try add(table, to: workbook, name: names.unique(sheetName(table.id)), formats: formats)
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
        let styles = table.tidyStyles
        let headings = table.header.map(heading)
        var widths = headings.map(Self.width(of:))
        for (column, text) in headings.enumerated() {
            try check(worksheet_write_string(sheet, 0, lxw_col_t(column), text, formats.header), "write the header of \(table.id)")
        }
        for (index, cells) in table.tidyRows.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, cell) in cells.enumerated() {
                let key = column < table.header.count ? table.header[column] : ""
                var style = column < styles[index].count ? styles[index][column] : .text
                if key == "p" || key.hasPrefix("p_") { style = .pValue }
                let shown = try write(cell, to: sheet, row: row, column: lxw_col_t(column), style: style, formats: formats)
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
        _ cell: CSVCell, to sheet: UnsafeMutablePointer<lxw_worksheet>, row: lxw_row_t, column: lxw_col_t,
        style: ReportTable.Column.Content, formats: Formats
    ) throws -> String {
        let action = "write row \(row + 1), column \(column + 1)"
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            try check(worksheet_write_string(sheet, row, column, text, nil), action)
            return text
        case .integer(let n):
            return try number(Double(n), text: String(n), sheet, row, column, style: style, formats: formats, action)
        case .number(let x, let digits):
            return try number(
                x, text: CSVWriter.number(x, digits: digits, decimalComma: false), sheet, row, column, style: style, formats: formats,
                action)
        case .significant(let x, let digits):
            return try number(x, text: String(format: "%.\(digits)g", x), sheet, row, column, style: style, formats: formats, action)
        case .date(let date):
            var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(sheet, row, column, &value, formats.date), action)
            return date.iso8601
        }
    }

    /// A number as the CSV states it (`text`, the same rounding), typed as a
    /// number and formatted by its style. A value that is not finite (no Excel
    /// number) is written as its text.
    private func number(
        _ x: Double, text: String, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ column: lxw_col_t,
        style: ReportTable.Column.Content, formats: Formats, _ action: String
    ) throws -> String {
        guard x.isFinite, let value = Double(text) else {
            try check(worksheet_write_string(sheet, row, column, text, nil), action)
            return text
        }
        let format: UnsafeMutablePointer<lxw_format>?
        let shown: String
        switch style {
        case .rate: (format, shown) = (formats.percent, String(format: "%.1f%%", value * 100))
        case .money: (format, shown) = (formats.money, String(format: "%.2f", value) + "   ")
        case .pValue: (format, shown) = (formats.pValue, String(format: "%.4f", value))
        case .text, .number: (format, shown) = (nil, text)
        }
        try check(worksheet_write_number(sheet, row, column, value, format), action)
        return shown
    }

    // MARK: Helpers

    /// The formats a workbook uses, owned by the workbook.
    private struct Formats {
        let header: UnsafeMutablePointer<lxw_format>?
        let label: UnsafeMutablePointer<lxw_format>?
        let wrapped: UnsafeMutablePointer<lxw_format>?
        let percent: UnsafeMutablePointer<lxw_format>?
        let date: UnsafeMutablePointer<lxw_format>?
        let money: UnsafeMutablePointer<lxw_format>?
        let pValue: UnsafeMutablePointer<lxw_format>?

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
            money = workbook_add_format(workbook)
            format_set_num_format(money, "#,##0.00")
            pValue = workbook_add_format(workbook)
            format_set_num_format(pValue, "[<0.0001]\"<0.0001\";0.0000")
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
