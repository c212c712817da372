import EvaluationDomain

/// Decodes `outcomes.csv`, or with `kind` `.comparisonOutcomes` the comparison
/// group's `comparison_outcomes.csv` (the same columns, keyed by `person_id`).
package struct OutcomeRowDecoder: RowDecoder {
    package let fields: FieldReader
    /// The column naming whose event it is.
    package let personColumn: ColumnName

    package init(_ context: DecoderContext, kind: FileKind = .outcomes, problems: inout ProblemList) {
        precondition(kind == .outcomes || kind == .comparisonOutcomes, "an outcomes file")
        let map = HeaderMap(
            header: context.header, kind: kind, mapping: context.configuration.columnMappings[kind] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        personColumn = kind == .outcomes ? .participantID : .personID
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (OutcomeRow) -> Void) {
        let before = problems.errorCount
        let participant = fields.required(record, personColumn, problems: &problems)
        var eventDate: CalendarDate?
        if fields.text(record, .eventDate) == nil {
            _ = fields.required(record, .eventDate, problems: &problems)
        } else {
            eventDate = fields.date(record, .eventDate, problems: &problems).value
        }
        var outcome: OutcomeType?
        if let raw = fields.required(record, .outcome, problems: &problems) {
            outcome = OutcomeType(parsing: raw)
            if outcome == nil {
                problems.append(
                    fields.problem(
                        record, .outcome, value: raw, reason: "'\(raw)' is not an outcome type",
                        hint:
                            "expected traineeship/tirocinio, fixed_term/tempo_determinato/TD, permanent/tempo_indeterminato/TI, self_employment/autoimpiego, training/formazione, other/altro"
                    ))
            }
        }
        let end = fields.date(record, .endDate, problems: &problems).value
        if let eventDate, let end, end < eventDate {
            problems.append(
                fields.problem(
                    record, .endDate, value: fields.text(record, .endDate),
                    reason: "end_date \(end.iso8601) is before event_date \(eventDate.iso8601)"))
        }
        guard let participant, let eventDate, let outcome, problems.errorCount == before else { return }
        emit(
            OutcomeRow(
                line: record.line, participantCode: participant, eventDate: eventDate, outcome: outcome,
                source: fields.text(record, .source), endDate: end))
    }
}
