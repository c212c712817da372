import EvaluationDomain
import GRDB
import Ingest

extension FileImporter {
    mutating func importSessions(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        let decoder = SessionRowDecoder(context, problems: &problems)
        let groups = try codeMap("groups")
        let stage = try KeyedWriter(
            db: db, target: "sessions", keys: ["group_ref", "session_no"], values: ["date", "held"],
            expectedRows: source.physicalLineCount)
        let file = source.displayName
        let groupColumn = decoder.fields.map[.groupID].map { $0 + 1 }
        let records = try stream(source, decoder) { row, problems in
            guard let group = groups[row.groupCode] else {
                problems.append(
                    Problem(
                        file: file, line: row.line, column: groupColumn, columnName: ColumnName.groupID.rawValue, value: row.groupCode,
                        reason: "group '\(row.groupCode)' is not in the database", hint: "import groups.csv first, or correct the code"))
                return
            }
            try stage.write(line: row.line, [.integer(group), .integer(Int64(row.sessionNo)), .of(row.date), .of(row.held)])
        }
        var counts = try finish(stage, file: file) { "meeting \($0[1]) of group '\($0[0])'" }
        counts.records = records
        return counts
    }

    mutating func importAttendance(_ source: CSVSource, _ context: DecoderContext, wide: Bool) throws -> Counts {
        let stage = try KeyedWriter(
            db: db, target: "attendance", keys: ["participant_ref", "group_ref", "session_no"], values: ["present"],
            expectedRows: source.physicalLineCount)
        let file = source.displayName
        let longDecoder = wide ? nil : AttendanceRowDecoder(context, problems: &problems)
        let wideDecoder = wide ? WideAttendanceRowDecoder(context, problems: &problems) : nil
        let map = longDecoder?.fields.map ?? wideDecoder?.fields.map
        var resolver = AttendanceResolver(
            groups: try codeMap("groups"), participants: try codeMap("participants"), meetings: try MeetingIndex(db: db),
            pseudonym: pseudonym, file: file, groupColumn: map?[.groupID].map { $0 + 1 },
            participantColumn: map?[.participantID].map { $0 + 1 })
        let handle = { (row: AttendanceRow, problems: inout ProblemList) throws in
            guard let mark = resolver.resolve(row, problems: &problems) else { return }
            try stage.write(line: row.line, mark.participant, mark.group, Int64(mark.number), row.present ? 1 : 0)
        }
        let records: Int
        if let wideDecoder {
            records = try stream(source, wideDecoder, handle)
        } else if let longDecoder {
            records = try stream(source, longDecoder, handle)
        } else {
            records = 0
        }
        var counts = try finish(stage, file: file) { "the mark of participant '\($0[0])' for meeting \($0[2]) of group '\($0[1])'" }
        counts.records = records
        return counts
    }

    mutating func importQuestionnaires(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        let blanks = BlankItemTally(configuration: context.configuration)
        let counts = try importParticipantKeyed(
            source, QuestionnaireRowDecoder(context, problems: &problems),
            ParticipantKeyedFile(
                target: "questionnaires", keys: ["instrument", "wave"], values: ["completed_on", "items", "score"],
                fields: { row in
                    blanks.count(row)
                    return [
                        .text(row.instrument), .text(row.wave.rawValue), .of(row.completedOn), .of(ItemList.encode(row.items)),
                        .of(row.score),
                    ]
                },
                describe: { "the \($0[1]) \($0[2]) questionnaire of participant '\($0[0])'" }))
        for warning in blanks.warnings(file: context.file) { problems.append(warning) }
        return counts
    }

    mutating func importServices(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        try importParticipantKeyed(
            source, ServiceRowDecoder(context, problems: &problems),
            ParticipantKeyedFile(
                target: "services", keys: ["service", "date"], values: ["hours", "provider", "amount"],
                fields: { row in [.text(row.service), .of(row.date), .of(row.hours), .of(row.provider), .of(row.amount)] },
                describe: { "the service '\($0[1])' of participant '\($0[0])' on \($0[2])" }))
    }

    mutating func importOutcomes(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        try importParticipantKeyed(
            source, OutcomeRowDecoder(context, problems: &problems),
            ParticipantKeyedFile(
                target: "outcomes", keys: ["event_date", "outcome"], values: ["source", "end_date"],
                fields: { row in [.of(row.eventDate), .text(row.outcome.rawValue), .of(row.source), .of(row.endDate)] },
                describe: { "the \($0[2]) event of participant '\($0[0])' on \($0[1])" }))
    }

    /// The one skeleton of the files keyed by a person (questionnaires, services,
    /// outcomes by participant; the comparison group's outcomes by comparison person):
    /// resolve the person, stage the row under its natural key, then check duplicates and merge.
    mutating func importParticipantKeyed<D: RowDecoder>(
        _ source: CSVSource, _ decoder: D, _ file: ParticipantKeyedFile<D.Row>, owner: PersonTable = .participants
    ) throws -> Counts where D.Row: ParticipantKeyedRow & Sendable {
        let stage = try KeyedWriter(
            db: db, target: file.target, keys: [owner.reference] + file.keys, values: file.values,
            expectedRows: source.physicalLineCount)
        let resolver = ParticipantResolver(
            codes: try codeMap(owner.table), pseudonym: pseudonym, file: source.displayName,
            column: decoder.fields.map[owner.column].map { $0 + 1 }, owner: owner)
        let records = try stream(source, decoder) { row, problems in
            guard let participant = resolver.resolve(row.participantCode, line: row.line, problems: &problems) else { return }
            try stage.write(line: row.line, [.integer(participant)] + file.fields(row))
        }
        var counts = try finish(stage, file: source.displayName, what: file.describe)
        counts.records = records
        return counts
    }
}

/// A row of a file keyed by participant.
protocol ParticipantKeyedRow {
    var line: Int { get }
    var participantCode: String { get }
}

extension QuestionnaireRow: ParticipantKeyedRow {}
extension ServiceRow: ParticipantKeyedRow {}
extension OutcomeRow: ParticipantKeyedRow {}

/// How a file keyed by participant is staged: its table, the natural key after
/// the participant, the value columns, the row's fields in that order, and how
/// a duplicated key is named in a message (from the key's codes).
struct ParticipantKeyedFile<Row> {
    var target: String
    var keys: [String]
    var values: [String]
    var fields: (Row) -> [KeyedWriter.Value]
    var describe: ([String]) -> String
}

/// The meetings of every group, for resolving attendance marks given by
/// number or by date.
struct MeetingIndex {
    private var numbers: Set<Int64> = []
    /// (group, day) → meeting number, or `nil` inside when the date is ambiguous.
    private var byDate: [Int64: Int?] = [:]

    init(db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT group_ref, session_no, date FROM sessions") {
            let group: Int64 = row[0]
            let number: Int = row[1]
            numbers.insert(group << 24 | Int64(number))
            if let iso: String = row[2], let date = CalendarDate(iso8601: iso) {
                let key = group << 24 | Int64(date.daysSince1970 + 1_000_000)
                if byDate[key] != nil { byDate[key] = .some(nil) } else { byDate[key] = number }
            }
        }
    }

    func exists(group: Int64, number: Int) -> Bool {
        numbers.contains(group << 24 | Int64(number))
    }

    /// `nil`: no meeting that day; `.some(nil)`: several; `.some(n)`: meeting n.
    func number(group: Int64, date: CalendarDate) -> Int?? {
        byDate[group << 24 | Int64(date.daysSince1970 + 1_000_000)]
    }
}

/// Questionnaire items as stored: comma-separated values, blank where missing.
enum ItemList {
    static func encode(_ items: [Double?]) -> String? {
        guard !items.isEmpty else { return nil }
        // The bytes of `items.map { $0?.formatted ?? "" }.joined(separator: ",")`,
        // written without a string per item (this runs once per questionnaire).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(items.count * 3)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let x = item else { continue }
            if x.rounded() == x && abs(x) < 1e15 {
                var n = Int(x)
                if n < 0 {
                    bytes.append(UInt8(ascii: "-"))
                    n = -n
                }
                let start = bytes.count
                repeat {
                    bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
                    n /= 10
                } while n > 0
                bytes[start...].reverse()
            } else {
                bytes.append(contentsOf: x.formatted.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [Double?] {
        guard var text else { return [] }
        var values: [Double] = []
        text.withUTF8 { decode($0, into: &values) }
        return values.map { $0.isNaN ? nil : $0 }
    }

    /// Appends the answers of `text` to `values`, NaN for a blank (`ItemValues`' layout).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into values: inout [Double]) {
        guard !bytes.isEmpty else { return }
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ",") {
            values.append(Self.number(UnsafeBufferPointer(rebasing: bytes[start..<end])) ?? .nan)
            start = end + 1
        }
    }

    /// An item as stored: blank, a whole number (the usual case, read without a
    /// String), or any other number `encode` wrote.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        var negative = false
        for (index, byte) in bytes.enumerated() {
            if index == 0 && byte == UInt8(ascii: "-") {
                negative = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && value < 1 << 40 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                return Double(String(decoding: bytes, as: UTF8.self))
            }
        }
        if negative && bytes.count == 1 { return nil }
        return Double(negative ? -value : value)
    }
}

/// Resolves participant codes of a file to database ids, reporting an unknown
/// code with its place (the same message for every file kind).
struct ParticipantResolver {
    let codes: CodeIndex
    let pseudonym: (String) -> String
    let file: String
    let column: Int?
    var owner: PersonTable = .participants

    func resolve(_ code: String, line: Int, problems: inout ProblemList) -> Int64? {
        if let id = codes[pseudonym(code)] { return id }
        problems.append(
            Problem(
                file: file, line: line, column: column, columnName: owner.column.rawValue, value: code,
                reason: owner.unknown(code), hint: owner.hint))
        return nil
    }
}

/// The people a file's rows belong to: the participants, or the comparison group.
struct PersonTable: Sendable {
    /// The table, its reference column in the rows' table, the file's column of codes.
    let table: String
    let reference: String
    let column: ColumnName
    /// Who its rows are and where, for a code it does not hold ("participant", "the database"), and what to do.
    let who: String
    let place: String
    let hint: String

    func unknown(_ code: String) -> String { "\(who) '\(code)' is not in \(place)" }

    static let participants = PersonTable(
        table: "participants", reference: "participant_ref", column: .participantID, who: "participant", place: "the database",
        hint: "import participants.csv first, or correct the code")
    static let comparisonPeople = PersonTable(
        table: "comparison_people", reference: "person_ref", column: .personID, who: "person", place: "the comparison group",
        hint: "import comparison.csv (confronto) first, or correct the code")
}

/// Questionnaires of a file with more blank items than their instrument tolerates
/// (`max_missing`), by instrument and wave: they are imported, and left out of
/// scoring; the import says how many (METHODS §9 *Missing questionnaire items*).
final class BlankItemTally {
    private let configuration: ProjectConfiguration
    private var counts: [String: [Wave: (n: Int, firstLine: Int)]] = [:]
    private var maxMissing: [String: Int] = [:]
    /// Each instrument as the file names it, looked up once (a file names a few).
    private var instruments: [String: Instrument?] = [:]

    init(configuration: ProjectConfiguration) {
        self.configuration = configuration
    }

    func count(_ row: QuestionnaireRow) {
        guard !row.items.isEmpty else { return }
        let known: Instrument?
        if let cached = instruments[row.instrument] {
            known = cached
        } else {
            known = configuration.instrument(row.instrument)
            instruments[row.instrument] = known
        }
        guard let instrument = known, row.items.count == instrument.items, instrument.tooManyBlanks(row.items) else { return }
        counts[instrument.id, default: [:]][row.wave, default: (0, row.line)].n += 1
        maxMissing[instrument.id] = instrument.maxMissing
    }

    func warnings(file: String) -> [Problem] {
        counts.keys.sorted().flatMap { id in
            Wave.allCases.compactMap { wave -> Problem? in
                guard let (n, line) = counts[id]?[wave] else { return nil }
                let tolerated = maxMissing[id] ?? 0
                return Problem(
                    .warning, file: file, line: line,
                    reason:
                        "\(n) \(id) \(wave.rawValue) questionnaire\(n == 1 ? " has" : "s have") more blank items than the \(tolerated) \(id) tolerates (the first on this line): imported, and left out of scoring",
                    hint: "declare [instruments.\(id)] max_missing = N in evalrun.toml to prorate up to N blank items")
            }
        }
    }
}

/// Resolves an attendance row to the rows it refers to: its group, its participant
/// (through the pseudonym) and its meeting, by number or by date; each failure a
/// located problem. The last group and participant are remembered: a register lists
/// a person's marks together.
struct AttendanceResolver {
    let groups: CodeIndex
    let participants: CodeIndex
    let meetings: MeetingIndex
    let pseudonym: (String) -> String
    let file: String
    let groupColumn: Int?
    let participantColumn: Int?
    private var lastGroup: (code: String, ref: Int64)?
    private var lastParticipant: (code: String, ref: Int64)?

    init(
        groups: CodeIndex, participants: CodeIndex, meetings: MeetingIndex, pseudonym: @escaping (String) -> String, file: String,
        groupColumn: Int?, participantColumn: Int?
    ) {
        self.groups = groups
        self.participants = participants
        self.meetings = meetings
        self.pseudonym = pseudonym
        self.file = file
        self.groupColumn = groupColumn
        self.participantColumn = participantColumn
    }

    mutating func resolve(_ row: AttendanceRow, problems: inout ProblemList) -> (participant: Int64, group: Int64, number: Int)? {
        guard let group = group(row, &problems), let participant = participant(row, &problems),
            let number = meeting(row, group: group, &problems)
        else { return nil }
        return (participant, group, number)
    }

    private mutating func group(_ row: AttendanceRow, _ problems: inout ProblemList) -> Int64? {
        if let last = lastGroup, last.code == row.groupCode { return last.ref }
        if let ref = groups[row.groupCode] {
            lastGroup = (row.groupCode, ref)
            return ref
        }
        problems.append(
            Problem(
                file: file, line: row.line, column: groupColumn, columnName: ColumnName.groupID.rawValue, value: row.groupCode,
                reason: "group '\(row.groupCode)' is not in the database", hint: "import groups.csv first, or correct the code"))
        return nil
    }

    private mutating func participant(_ row: AttendanceRow, _ problems: inout ProblemList) -> Int64? {
        if let last = lastParticipant, last.code == row.participantCode { return last.ref }
        if let ref = participants[pseudonym(row.participantCode)] {
            lastParticipant = (row.participantCode, ref)
            return ref
        }
        problems.append(
            Problem(
                file: file, line: row.line, column: participantColumn, columnName: ColumnName.participantID.rawValue,
                value: row.participantCode, reason: "participant '\(row.participantCode)' is not in the database",
                hint: "import participants.csv first, or correct the code"))
        return nil
    }

    /// The meeting's number: as given (it must exist), or the one meeting of the group on
    /// the row's date; a row whose meeting is not there is dropped when the register marks
    /// it droppable (a blank on a day the group did not meet).
    private func meeting(_ row: AttendanceRow, group: Int64, _ problems: inout ProblemList) -> Int? {
        if let n = row.sessionNo {
            guard meetings.exists(group: group, number: n) else {
                if row.droppableIfNoMeeting { return nil }
                problems.append(
                    Problem(
                        file: file, line: row.line, column: row.column, value: String(n),
                        reason: "group '\(row.groupCode)' has no meeting \(n)",
                        hint: "import sessions.csv with that meeting first, or correct the number"))
                return nil
            }
            return n
        }
        guard let date = row.date else { return nil }
        switch meetings.number(group: group, date: date) {
        case .some(.some(let n)):
            return n
        case .some(.none):
            problems.append(
                Problem(
                    file: file, line: row.line, column: row.column, value: date.iso8601,
                    reason: "group '\(row.groupCode)' has several meetings dated \(date.iso8601)",
                    hint: "give the meeting number (session_no) instead of the date"))
            return nil
        case .none:
            if row.droppableIfNoMeeting { return nil }
            problems.append(
                Problem(
                    file: file, line: row.line, column: row.column, value: date.iso8601,
                    reason: "group '\(row.groupCode)' has no meeting dated \(date.iso8601)",
                    hint: "import sessions.csv with that meeting first, or correct the date"))
            return nil
        }
    }
}
