import EvaluationDomain

/// Decodes a long attendance register: one row per participant × meeting,
/// the meeting given by `session_no` or `date`.
///
/// This is the one large file of a programme (1.8 million rows for a regional
/// one), so its columns are located once and the common cases (a one-byte
/// presence mark, a meeting number) are read from the raw bytes.
package struct AttendanceRowDecoder: RowDecoder {
    package let fields: FieldReader
    private let group: Int?
    private let participant: Int?
    private let session: Int?
    private let date: Int?
    private let present: Int?

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .attendance,
            mapping: context.configuration.columnMappings[.attendance] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        if map[.sessionNo] == nil && map[.date] == nil {
            problems.append(
                Problem(
                    file: context.file, line: context.headerLine, columnName: ColumnName.sessionNo.rawValue,
                    reason: "missing column 'session_no' or 'date': each mark must say which meeting it is for",
                    hint: "add session_no (incontro) or date (data); a register with one column per meeting is read with --wide"))
        }
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        group = map[.groupID]
        participant = map[.participantID]
        session = map[.sessionNo]
        date = map[.date]
        present = map[.present]
    }

    /// A one-byte presence mark read without building a string, or `nil` to
    /// fall back to the full vocabulary.
    @inline(__always)
    static func fastMark(_ bytes: UnsafeRawBufferPointer) -> Bool?? {
        guard bytes.count == 1 else { return bytes.isEmpty ? .some(false) : nil }
        switch bytes[0] {
        case UInt8(ascii: "1"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "p"), UInt8(ascii: "P"),
            UInt8(ascii: "s"), UInt8(ascii: "S"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "v"), UInt8(ascii: "V"):
            return .some(true)
        case UInt8(ascii: "0"), UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            return .some(false)
        default: return nil
        }
    }

    /// A positive meeting number of up to 9 plain digits, or `nil` to fall back.
    @inline(__always)
    static func fastNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 48 && b <= 57 else { return nil }
            n = n * 10 + Int(b - 48)
        }
        return n >= 1 && n <= 100_000 ? n : nil
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (AttendanceRow) -> Void) {
        let before = problems.errorCount
        let groupCode = fields.required(record, .groupID, problems: &problems)
        let participantCode = fields.required(record, .participantID, problems: &problems)
        var number: Int?
        if let session, session < record.count {
            number = Self.fastNumber(record.rawBytes(session))
            if number == nil { number = fields.integer(record, .sessionNo, in: 1...100_000, problems: &problems).value }
        }
        var day: CalendarDate?
        if date != nil { day = fields.date(record, .date, problems: &problems).value }
        if number == nil && day == nil && problems.errorCount == before {
            problems.append(
                fields.problem(
                    record, session != nil ? .sessionNo : .date, value: "",
                    reason: "the meeting is blank", hint: "give the meeting number or its date"))
        }
        var mark: Bool?
        if let present, present < record.count {
            if let fast = Self.fastMark(record.rawBytes(present)) {
                mark = fast
            } else {
                let raw = record.value(present)
                mark = PresenceMark.parse(raw)
                if mark == nil {
                    problems.append(
                        fields.problem(
                            record, .present, value: raw, reason: "'\(raw)' is not a presence mark",
                            hint: "expected \(PresenceMark.expected)"))
                }
            }
        }
        guard let groupCode, let participantCode, let mark, number != nil || day != nil,
            problems.errorCount == before
        else { return }
        emit(
            AttendanceRow(
                line: record.line, column: ((number != nil ? session : date) ?? 0) + 1, groupCode: groupCode,
                participantCode: participantCode, sessionNo: number, date: day, present: mark,
                droppableIfNoMeeting: false))
    }
}
