import EvaluationDomain

/// Decodes `services.csv`.
package struct ServiceRowDecoder: RowDecoder {
    package let fields: FieldReader

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .services, mapping: context.configuration.columnMappings[.services] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (ServiceRow) -> Void) {
        let before = problems.errorCount
        let participant = fields.required(record, .participantID, problems: &problems)
        let service = fields.required(record, .service, problems: &problems)
        var date: CalendarDate?
        if fields.text(record, .date) == nil {
            _ = fields.required(record, .date, problems: &problems)
        } else {
            date = fields.date(record, .date, problems: &problems).value
        }
        let hours = fields.decimal(record, .hours, minimum: 0, problems: &problems).value
        let amount = fields.decimal(record, .amount, minimum: 0, problems: &problems).value
        guard let participant, let service, let date, problems.errorCount == before else { return }
        emit(
            ServiceRow(
                line: record.line, participantCode: participant, service: service, date: date, hours: hours,
                provider: fields.text(record, .provider), amount: amount))
    }
}
