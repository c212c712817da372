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
        let code = fields.required(record, "participant_id", problems: &problems)
        let group = fields.required(record, "group_id", problems: &problems)
        var enrolled: CalendarDate?
        if fields.text(record, "enrolled_on") == nil {
            _ = fields.required(record, "enrolled_on", problems: &problems)
        } else {
            enrolled = fields.date(record, "enrolled_on", problems: &problems).value
        }
        let left = fields.date(record, "left_on", problems: &problems).value
        let since = fields.date(record, "unemployed_since", problems: &problems).value
        let followed = fields.date(record, "followed_up_until", problems: &problems).value
        let birthYear = fields.integer(record, "birth_year", in: 1900...today.year, problems: &problems).value
        if let enrolled, let left, left < enrolled {
            problems.append(
                fields.problem(
                    record, "left_on", value: fields.text(record, "left_on"),
                    reason: "left_on \(left.iso8601) is before enrolled_on \(enrolled.iso8601)"))
        }
        if let enrolled, let followed, followed < enrolled {
            problems.append(
                fields.problem(
                    record, "followed_up_until", value: fields.text(record, "followed_up_until"),
                    reason: "followed_up_until \(followed.iso8601) is before enrolled_on \(enrolled.iso8601)"))
        }
        var attributes: [String: String] = [:]
        for extra in fields.map.extras where extra.index < record.count && !record.isEmpty(extra.index) {
            attributes[extra.name] = record.value(extra.index)
        }
        guard let code, let group, let enrolled, problems.errorCount == before else { return }
        emit(
            ParticipantRow(
                line: record.line, code: code, groupCode: group, enrolledOn: enrolled, leftOn: left,
                sex: fields.text(record, "sex").map(Sex.normalise), birthYear: birthYear,
                education: fields.text(record, "education"), statusAtEntry: fields.text(record, "status_at_entry"),
                referredBy: fields.text(record, "referred_by"), unemployedSince: since, followedUpUntil: followed,
                attributes: attributes))
    }
}
