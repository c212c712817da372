import EvaluationDomain

/// Decodes a wide attendance register, as typed from a sign-in sheet: one row
/// per participant, one column per meeting whose header is the meeting's date
/// or number; cells hold presence marks (`x`/blank, `P/A`, `1/0`, …).
package struct WideAttendanceRowDecoder: RowDecoder {
    /// A meeting column: its field index and the meeting it stands for.
    struct MeetingColumn: Sendable {
        var index: Int
        var sessionNo: Int?
        var date: CalendarDate?
    }

    package let fields: FieldReader
    let meetings: [MeetingColumn]

    /// Whether a header looks like a wide register: no presence column, and
    /// every column besides the identifiers is a date or a meeting number.
    package static func looksWide(header: [String], mapping: [String: String]) -> Bool {
        let schema = ColumnSchema.of(.attendance)
        var meetingColumns = 0
        for name in header {
            switch schema.canonicalName(for: name, mapping: mapping) {
            case "present", "session_no", "date": return false
            case "participant_id", "group_id": continue
            default:
                guard meetingHeader(name) != nil else { return false }
                meetingColumns += 1
            }
        }
        return meetingColumns > 0
    }

    /// Reads a meeting header: a date, or a meeting number (optionally `incontro 3`, `#3`).
    static func meetingHeader(_ name: String) -> (sessionNo: Int?, date: CalendarDate?)? {
        if case .success(let date) = FieldParsing.date(name) { return (nil, date) }
        var key = ColumnSchema.key(name)
        for prefix in ["incontro ", "session ", "meeting ", "n ", "#"] where key.hasPrefix(prefix) {
            key = String(key.dropFirst(prefix.count))
        }
        if let n = Int(key), n >= 1 { return (n, nil) }
        return nil
    }

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .attendance,
            mapping: context.configuration.columnMappings[.attendance] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems, requireRequired: false)
        for required in ["participant_id", "group_id"] where map[required] == nil {
            problems.append(
                Problem(
                    file: context.file, line: context.headerLine, columnName: required,
                    reason: "missing required column '\(required)' in the wide register"))
        }
        var meetings: [MeetingColumn] = []
        for (i, name) in context.header.enumerated() where i != map[.participantID] && i != map[.groupID] {
            if let meeting = Self.meetingHeader(name) {
                meetings.append(MeetingColumn(index: i, sessionNo: meeting.sessionNo, date: meeting.date))
            } else {
                problems.append(
                    Problem(
                        file: context.file, line: context.headerLine, column: i + 1, columnName: name, value: name,
                        reason: "column '\(name)' of a wide register is neither a meeting date nor a meeting number"))
            }
        }
        if meetings.isEmpty {
            problems.append(
                Problem(
                    file: context.file, line: context.headerLine,
                    reason: "the wide register has no meeting columns (dates or numbers)"))
        }
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        self.meetings = meetings
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (AttendanceRow) -> Void) {
        let before = problems.errorCount
        let group = fields.required(record, .groupID, problems: &problems)
        let participant = fields.required(record, .participantID, problems: &problems)
        guard let group, let participant, problems.errorCount == before else { return }
        for meeting in meetings where meeting.index < record.count {
            let blank = record.isEmpty(meeting.index)
            let raw = blank ? "" : record.value(meeting.index)
            guard let present = PresenceMark.parse(raw) else {
                problems.append(
                    Problem(
                        file: fields.file, line: record.line, column: meeting.index + 1,
                        columnName: fields.map.names[meeting.index], value: raw,
                        reason: "'\(raw)' is not a presence mark", hint: "expected \(PresenceMark.expected)"))
                continue
            }
            emit(
                AttendanceRow(
                    line: record.line, column: meeting.index + 1, groupCode: group, participantCode: participant,
                    sessionNo: meeting.sessionNo, date: meeting.date, present: present,
                    droppableIfNoMeeting: !present))
        }
    }
}
