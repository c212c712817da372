import EvaluationDomain

/// Decodes `groups.csv`.
package struct GroupRowDecoder: RowDecoder {
    package let fields: FieldReader

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .groups, mapping: context.configuration.columnMappings[.groups] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (GroupRow) -> Void) {
        let before = problems.errorCount
        let code = fields.required(record, .groupID, problems: &problems)
        var composition: Composition?
        if let raw = fields.text(record, .composition) {
            composition = Composition(parsing: raw)
            if composition == nil {
                problems.append(
                    fields.problem(
                        record, .composition, value: raw, reason: "'\(raw)' is not a composition",
                        hint: "expected homogeneous/heterogeneous or omogeneo/eterogeneo"))
            }
        }
        let start = fields.date(record, .startDate, problems: &problems)
        let planned = fields.integer(record, .plannedSessions, in: 0...10_000, problems: &problems)
        let attributes = fields.extraAttributes(record)
        guard let code, problems.errorCount == before else { return }
        emit(
            GroupRow(
                line: record.line, code: code, composition: composition, programme: fields.text(record, .programme),
                site: fields.text(record, .site), startDate: start.value, plannedSessions: planned.value,
                facilitator: fields.text(record, .facilitator), attributes: attributes))
    }
}
