import EvaluationDomain

/// Decodes `participants.csv`.
package struct ParticipantRowDecoder: RowDecoder {
    package let fields: FieldReader
    let today: CalendarDate

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .participants,
            mapping: context.configuration.columnMappings[.participants] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        today = context.today
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (ParticipantRow) -> Void) {
        let before = problems.errorCount
        let code = fields.required(record, .participantID, problems: &problems)
        let group = fields.required(record, .groupID, problems: &problems)
        var enrolled: CalendarDate?
        if fields.text(record, .enrolledOn) == nil {
            _ = fields.required(record, .enrolledOn, problems: &problems)
        } else {
            enrolled = fields.date(record, .enrolledOn, problems: &problems).value
        }
        let left = fields.date(record, .leftOn, problems: &problems).value
        let since = fields.date(record, .unemployedSince, problems: &problems).value
        let followed = fields.date(record, .followedUpUntil, problems: &problems).value
        let birthYear = fields.integer(record, .birthYear, in: 1900...today.year, problems: &problems).value
        if let enrolled, let left, left < enrolled {
            problems.append(
                fields.problem(
                    record, .leftOn, value: fields.text(record, .leftOn),
                    reason: "left_on \(left.iso8601) is before enrolled_on \(enrolled.iso8601)"))
        }
        if let enrolled, let followed, followed < enrolled {
            problems.append(
                fields.problem(
                    record, .followedUpUntil, value: fields.text(record, .followedUpUntil),
                    reason: "followed_up_until \(followed.iso8601) is before enrolled_on \(enrolled.iso8601)"))
        }
        let attributes = fields.extraAttributes(record)
        guard let code, let group, let enrolled, problems.errorCount == before else { return }
        emit(
            ParticipantRow(
                line: record.line, code: code, groupCode: group, enrolledOn: enrolled, leftOn: left,
                sex: fields.text(record, .sex).map(Sex.normalise), birthYear: birthYear,
                education: fields.text(record, .education), statusAtEntry: fields.text(record, .statusAtEntry),
                referredBy: fields.text(record, .referredBy), unemployedSince: since, followedUpUntil: followed,
                attributes: attributes))
    }
}
