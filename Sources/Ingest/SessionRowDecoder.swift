import EvaluationDomain

/// Decodes `sessions.csv`.
package struct SessionRowDecoder: RowDecoder {
    package let fields: FieldReader

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .sessions, mapping: context.configuration.columnMappings[.sessions] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (SessionRow) -> Void) {
        let before = problems.errorCount
        let group = fields.required(record, .groupID, problems: &problems)
        var number: Int?
        if fields.text(record, .sessionNo) == nil {
            _ = fields.required(record, .sessionNo, problems: &problems)
        } else {
            number = fields.integer(record, .sessionNo, in: 1...100_000, problems: &problems).value
        }
        let date = fields.date(record, .date, problems: &problems).value
        var held = true
        if let raw = fields.text(record, .held) {
            if let mark = PresenceMark.parse(raw) {
                held = mark
            } else {
                problems.append(
                    fields.problem(
                        record, .held, value: raw, reason: "'\(raw)' is not a yes/no value",
                        hint: "use 1 for a meeting held, 0 for a cancelled one (also sì/no)"))
            }
        }
        guard let group, let number, problems.errorCount == before else { return }
        emit(SessionRow(line: record.line, groupCode: group, sessionNo: number, date: date, held: held))
    }
}
