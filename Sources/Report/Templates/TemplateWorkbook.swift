import CXLSXWriter
import EvaluationDomain
import Foundation

/// `evalrun template DIR --xlsx` (METHODS §7): one workbook with a sheet per
/// file kind, named like the kind (so `evalrun import KIND modelli.xlsx`
/// picks its sheet), the template's header row in bold and frozen, a comment
/// on each header cell with the column's meaning and accepted values, and
/// drop-down validation lists on the coded columns (composition, presence,
/// wave, outcome, held, sex) for the first thousand rows.
struct TemplateWorkbook {
    let template: ImportTemplate

    /// Rows that carry the validation lists.
    static let validatedRows: UInt32 = 1_000

    /// The values offered for a coded column, in the template's language.
    func choices(_ column: String) -> [String]? {
        let it = template.language == .it
        switch column {
        case "composition": return it ? ["omogeneo", "eterogeneo"] : ["homogeneous", "heterogeneous"]
        case "present": return it ? ["sì", "no"] : ["1", "0"]
        case "held": return ["1", "0"]
        case "wave": return it ? ["ingresso", "fine", "follow-up"] : ["baseline", "end", "followup"]
        case "sex": return ["F", "M"]
        case "outcome":
            return it
                ? ["tirocinio", "tempo_determinato", "tempo_indeterminato", "autoimpiego", "formazione", "altro"]
                : ["traineeship", "fixed_term", "permanent", "self_employment", "training", "other"]
        default: return nil
        }
    }

    func data() throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-template-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(to: url.path)
        return try Data(contentsOf: url)
    }

    func write(to path: String) throws {
        guard let workbook = workbook_new(path) else {
            throw ReportWorkbookError(action: "create a workbook at \(path)", error: LXW_ERROR_CREATING_XLSX_FILE)
        }
        var closed = false
        defer { if !closed { lxw_workbook_free(workbook) } }
        var properties = lxw_doc_properties()
        properties.created = time_t(ReportWorkbook.fixedCreation.timeIntervalSince1970)
        try check(workbook_set_properties(workbook, &properties), "set the document properties")
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let language = template.language
        for kind in FileKind.allCases.sorted() {
            let name = String(template.fileName(kind).dropLast(4))
            guard let sheet = workbook_add_worksheet(workbook, name) else {
                throw ReportWorkbookError(action: "add the sheet \(name)", error: LXW_ERROR_MEMORY_MALLOC_FAILED)
            }
            let schema = ColumnSchema.of(kind)
            let headers = template.headers(kind)
            for (c, header) in headers.enumerated() {
                let col = lxw_col_t(c)
                try check(worksheet_write_string(sheet, 0, col, header, bold), "write the header \(header)")
                try check(worksheet_set_column(sheet, col, col, Double(max(12, header.count + 2)), nil), "size \(header)")
                guard c < schema.columns.count else { continue }
                let column = schema.columns[c]
                let e = column.description(in: kind)
                let pick = { (pair: (en: String, it: String)) in language == .it ? pair.it : pair.en }
                let comment = "\(pick(e.meaning)). \(pick(e.type)); \(pick(e.accepted))."
                try check(worksheet_write_comment(sheet, 0, col, comment), "comment \(header)")
                if let values = choices(column.name) {
                    try validate(sheet, column: col, values: values)
                }
            }
            worksheet_freeze_panes(sheet, 1, 0)
        }
        closed = true
        try check(workbook_close(workbook), "write \(path)")
    }

    /// A drop-down list of `values` on rows 2…1,001 of `column`.
    private func validate(_ sheet: UnsafeMutablePointer<lxw_worksheet>, column: lxw_col_t, values: [String]) throws {
        var strings: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) } + [nil]
        defer { for s in strings { free(s) } }
        try strings.withUnsafeMutableBufferPointer { list in
            var rule = lxw_data_validation()
            rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            rule.value_list = list.baseAddress
            try check(worksheet_data_validation_range(sheet, 1, column, Self.validatedRows, column, &rule), "add a validation list")
        }
    }

    private func check(_ error: lxw_error, _ action: @autoclosure () -> String) throws {
        try ReportWorkbookError.check(error, action())
    }
}
