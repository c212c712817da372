/// Decodes a long attendance register: one row per participant × meeting,
/// the meeting given by `session_no` or `date`.
struct AttendanceRowDecoder: RowDecoder {
    let fields: FieldReader

    init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .attendance,
            mapping: context.configuration.columnMappings[.attendance] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        if map["session_no"] == nil && map["date"] == nil {
            problems.append(Problem(
                file: context.file, line: context.headerLine, columnName: "session_no",
                reason: "missing column 'session_no' or 'date': each mark must say which meeting it is for",
                hint: "add session_no (incontro) or date (data); a register with one column per meeting is read with --wide"))
        }
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
    }

    func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (AttendanceRow) -> Void) {
        let before = problems.errorCount
        let group = fields.required(record, "group_id", problems: &problems)
        let participant = fields.required(record, "participant_id", problems: &problems)
        let number = fields.integer(record, "session_no", in: 1...100_000, problems: &problems).value
        let date = fields.date(record, "date", problems: &problems).value
        if number == nil && date == nil && problems.errorCount == before {
            problems.append(fields.problem(
                record, fields.map["session_no"] != nil ? "session_no" : "date", value: "",
                reason: "the meeting is blank", hint: "give the meeting number or its date"))
        }
        let raw = fields.text(record, "present") ?? ""
        let present = PresenceMark.parse(raw)
        if present == nil {
            problems.append(fields.problem(
                record, "present", value: raw, reason: "'\(raw)' is not a presence mark",
                hint: "expected \(PresenceMark.expected)"))
        }
        guard let group, let participant, let present, number != nil || date != nil,
            problems.errorCount == before
        else { return }
        emit(AttendanceRow(
            line: record.line, column: (fields.map[number != nil ? "session_no" : "date"] ?? 0) + 1, groupCode: group,
            participantCode: participant, sessionNo: number, date: date, present: present,
            droppableIfNoMeeting: false))
    }
}
