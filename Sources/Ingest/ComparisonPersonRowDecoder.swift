import EvaluationDomain

/// Decodes `comparison.csv` (`confronto`): the comparison group.
package struct ComparisonPersonRowDecoder: RowDecoder {
    package let fields: FieldReader
    let today: CalendarDate

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .comparison,
            mapping: context.configuration.columnMappings[.comparison] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        today = context.today
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (ComparisonPersonRow) -> Void) {
        let before = problems.errorCount
        let code = fields.required(record, .personID, problems: &problems)
        var reference: CalendarDate?
        if fields.text(record, .referenceDate) == nil {
            _ = fields.required(record, .referenceDate, problems: &problems)
        } else {
            reference = fields.date(record, .referenceDate, problems: &problems).value
        }
        let followed = fields.date(record, .followedUpUntil, problems: &problems).value
        let birthYear = fields.integer(record, .birthYear, in: 1900...today.year, problems: &problems).value
        if let reference, let followed, followed < reference {
            problems.append(
                fields.problem(
                    record, .followedUpUntil, value: fields.text(record, .followedUpUntil),
                    reason: "followed_up_until \(followed.iso8601) is before reference_date \(reference.iso8601)"))
        }
        let attributes = fields.extraAttributes(record)
        guard let code, let reference, problems.errorCount == before else { return }
        emit(
            ComparisonPersonRow(
                line: record.line, code: code, referenceDate: reference, followedUpUntil: followed,
                sex: fields.text(record, .sex).map(Sex.normalise), birthYear: birthYear,
                education: fields.text(record, .education), statusAtEntry: fields.text(record, .statusAtEntry),
                attributes: attributes))
    }
}
