import EvaluationDomain
import GRDB
import GRDBSQLite
import Ingest

extension EvaluationStore {
    /// Loads every record into a `ProgrammeSnapshot`, in a stable order
    /// (by code, date, number) so that reports are byte-identical run to run.
    ///
    /// - Throws: `StoreError.unreadableRow` when a row cannot be read (a date that is
    ///   not a date, a reference to a row that is not there, an unknown code): the
    ///   importer never writes such a row, so the database was changed by something
    ///   else, and a report that left the row out would be silently wrong.
    public func snapshot() throws -> ProgrammeSnapshot {
        try read { db in
            var s = ProgrammeSnapshot()
            var trace = PhaseTrace()
            s.imports = try Self.imports(db)
            var groupIndex = try Self.idIndex(db, "groups")
            var participantIndex = try Self.idIndex(db, "participants")
            s.groups = try Self.groups(db, index: &groupIndex)
            trace.mark("snapshot: read groups")
            s.participants = try Self.participants(db, groups: groupIndex, index: &participantIndex)
            s.participantAttributes = try Self.participantAttributes(db, participants: participantIndex, count: s.participants.count)
            trace.mark("snapshot: read participants")
            // The register, the largest table, is read on a second connection meanwhile
            // when that connection sees the same database (`SecondRead`).
            let (participants, groups, count) = (participantIndex, groupIndex, s.participants.count)
            let register = SecondRead(store: self, version: try Self.importVersion(db)) { db in
                try Self.marks(db, participants: participants, count: count, groups: groups)
            }
            s.sessions = try Self.sessions(db, groups: groupIndex)
            trace.mark("snapshot: read sessions")
            s.questionnaires = try Self.questionnaires(db, participants: participantIndex)
            trace.mark("snapshot: read questionnaires")
            s.services = try Self.services(db, participants: participantIndex)
            trace.mark("snapshot: read services")
            s.outcomes = try Self.outcomes(db, participants: participantIndex)
            trace.mark("snapshot: read outcomes")
            s.marks = try register.value() ?? Self.marks(db, participants: participantIndex, count: count, groups: groupIndex)
            trace.mark("snapshot: read attendance")
            // The participants' order is by code, which the rows' order must follow for stable output:
            // SQL gives them by participant id, then the rest of the order.
            let n = s.participants.count
            s.questionnaires = participantOrder(s.questionnaires, participants: n, participant: \.participant) {
                ($0.instrument, $0.wave.order) < ($1.instrument, $1.wave.order)
            }
            s.services = participantOrder(s.services, participants: n, participant: \.participant) {
                ($0.date, $0.service) < ($1.date, $1.service)
            }
            s.outcomes = participantOrder(s.outcomes, participants: n, participant: \.participant) {
                ($0.eventDate, $0.outcome.rawValue) < ($1.eventDate, $1.outcome.rawValue)
            }
            trace.mark("snapshot: put in participant order")
            return s
        }
    }

    /// What identifies the database's contents: every import adds its row to `imports`
    /// in the transaction that writes its data, so two connections that see the same
    /// last import see the same data.
    static func importVersion(_ db: Database) throws -> [Int64] {
        try Row.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0), COUNT(*) FROM imports").map { [$0[0], $0[1]] } ?? []
    }

    // Columns are read by position (named in each SELECT), through cursors:
    // no per-value name lookup, no array of every row at once.

    private static func groups(_ db: Database, index: inout RowIDIndex) throws -> [ProgrammeSnapshot.Group] {
        let attributes = try Self.attributes(db, "group")
        var groups: [ProgrammeSnapshot.Group] = []
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT id, code, composition, programme, site, start_date, planned_sessions, facilitator FROM groups ORDER BY code")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            index.set(id, groups.count)
            groups.append(
                ProgrammeSnapshot.Group(
                    code: row[1], composition: (row[2] as String?).flatMap(Composition.init(rawValue:)),
                    programme: row[3], site: row[4], startDate: try date(row[5], "groups", "group \(id)"),
                    plannedSessions: row[6], facilitator: row[7], attributes: attributes[id] ?? [:]))
        }
        return groups
    }

    private static func participants(_ db: Database, groups: RowIDIndex, index: inout RowIDIndex) throws -> [ProgrammeSnapshot.Participant]
    {
        var participants: [ProgrammeSnapshot.Participant] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, group_ref, code, enrolled_on, left_on, sex, birth_year, education, status_at_entry, referred_by,
                       unemployed_since, followed_up_until
                FROM participants ORDER BY code
                """)
        while let row = try rows.next() {
            let rowID: Int64 = row[0]
            let groupRef: Int64 = row[1]
            guard let group = groups[groupRef] else {
                throw StoreError.unreadableRow("participants", "participant \(rowID)", "group \(groupRef) is not there")
            }
            guard let enrolled = try date(row[3], "participants", "participant \(rowID)") else {
                throw StoreError.unreadableRow("participants", "participant \(rowID)", "no enrolment date")
            }
            index.set(rowID, participants.count)
            participants.append(
                ProgrammeSnapshot.Participant(
                    code: row[2], group: group, enrolledOn: enrolled, leftOn: try date(row[4], "participants", "participant \(rowID)"),
                    sex: row[5], birthYear: row[6], education: row[7], statusAtEntry: row[8], referredBy: row[9],
                    unemployedSince: try date(row[10], "participants", "participant \(rowID)"),
                    followedUpUntil: try date(row[11], "participants", "participant \(rowID)")))
        }
        return participants
    }

    private static func sessions(_ db: Database, groups: RowIDIndex) throws -> [ProgrammeSnapshot.Session] {
        var sessions: [ProgrammeSnapshot.Session] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT group_ref, session_no, date, held FROM sessions ORDER BY group_ref, session_no")
        while let row = try rows.next() {
            let groupRef: Int64 = row[0]
            guard let group = groups[groupRef] else {
                throw StoreError.unreadableRow("sessions", "group \(groupRef), meeting \(row[1] as Int)", "group \(groupRef) is not there")
            }
            sessions.append(
                ProgrammeSnapshot.Session(
                    group: group, number: row[1], date: try date(row[2], "sessions", "group \(groupRef), meeting \(row[1] as Int)"),
                    held: (row[3] as Int) != 0))
        }
        return sessions
    }

    /// Every questionnaire's answers go into one buffer; each questionnaire gets its range once all are read.
    private static func questionnaires(_ db: Database, participants: RowIDIndex) throws -> [ProgrammeSnapshot.Questionnaire] {
        var questionnaires: [ProgrammeSnapshot.Questionnaire] = []
        var answers: [Double] = []
        // Items are stored comma-separated: their number is the commas plus one (an exact reservation).
        answers.reserveCapacity(
            try Int.fetchOne(
                db,
                sql:
                    "SELECT CAST(total(length(items) - length(replace(items, ',', '')) + 1) AS INTEGER) FROM questionnaires WHERE items <> ''"
            ) ?? 0)
        var ranges: [(start: Int, count: Int)] = []
        var instruments = TextInterner()
        var waves = TextInterner()
        try Self.eachRow(
            db,
            "SELECT participant_ref, instrument, wave, completed_on, items, score FROM questionnaires ORDER BY participant_ref, instrument, wave"
        ) { row in
            guard let participant = participants[row.integer(0)] else {
                throw StoreError.unreadableRow(
                    "questionnaires", "participant \(row.integer(0))", "participant \(row.integer(0)) is not there")
            }
            let waveText = waves.text(row.bytes(2))
            guard let wave = Wave(rawValue: waveText) else {
                throw StoreError.unreadableRow("questionnaires", "participant \(row.integer(0))", "'\(waveText)' is not a wave")
            }
            let start = answers.count
            ItemList.decode(row.bytes(4), into: &answers)
            ranges.append((start, answers.count - start))
            questionnaires.append(
                ProgrammeSnapshot.Questionnaire(
                    participant: participant, instrument: instruments.text(row.bytes(1)), wave: wave, completedOn: row.date(3),
                    items: ItemValues(), score: row.real(5)))
        }
        let buffer = ItemValues.Buffer(answers)
        for (k, range) in ranges.enumerated() {
            questionnaires[k].items = ItemValues(buffer: buffer, start: range.start, count: range.count)
        }
        return questionnaires
    }

    private static func services(_ db: Database, participants: RowIDIndex) throws -> [ProgrammeSnapshot.Service] {
        var services: [ProgrammeSnapshot.Service] = []
        let rows = try Row.fetchCursor(
            db,
            // The primary key's order (no sort in SQL); each participant's few rows are put in date order after.
            sql: "SELECT participant_ref, service, date, hours, provider, amount FROM services ORDER BY participant_ref, service, date")
        while let row = try rows.next() {
            let p: Int64 = row[0]
            guard let participant = participants[p] else {
                throw StoreError.unreadableRow("services", "participant \(p), \(row[1] as String)", "participant \(p) is not there")
            }
            guard let day = try date(row[2], "services", "participant \(p), \(row[1] as String)") else {
                throw StoreError.unreadableRow("services", "participant \(p), \(row[1] as String)", "no date")
            }
            services.append(
                ProgrammeSnapshot.Service(
                    participant: participant, service: row[1], date: day, hours: row[3], provider: row[4], amount: row[5]))
        }
        return services
    }

    private static func outcomes(_ db: Database, participants: RowIDIndex) throws -> [ProgrammeSnapshot.Outcome] {
        var outcomes: [ProgrammeSnapshot.Outcome] = []
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT participant_ref, event_date, outcome, source, end_date FROM outcomes ORDER BY participant_ref, event_date, outcome"
        )
        while let row = try rows.next() {
            let p: Int64 = row[0]
            guard let participant = participants[p] else {
                throw StoreError.unreadableRow("outcomes", "participant \(p)", "participant \(p) is not there")
            }
            guard let day = try date(row[1], "outcomes", "participant \(p)") else {
                throw StoreError.unreadableRow("outcomes", "participant \(p)", "no event date")
            }
            let code: String = row[2]
            guard let type = OutcomeType(rawValue: code) else {
                throw StoreError.unreadableRow("outcomes", "participant \(p)", "'\(code)' is not an outcome type")
            }
            outcomes.append(
                ProgrammeSnapshot.Outcome(
                    participant: participant, eventDate: day, outcome: type, source: row[3],
                    endDate: try date(row[4], "outcomes", "participant \(p)")))
        }
        return outcomes
    }

    /// A stored date; a text that is not one is a row the importer did not write.
    private static func date(_ text: String?, _ table: String, _ id: @autoclosure () -> String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let day = CalendarDate(iso8601: text) else { throw StoreError.unreadableRow(table, id(), "'\(text)' is not a date") }
        return day
    }

    /// The attendance marks in participant order, each placed straight into its
    /// participant's range (counted first by SQL): no second array of millions
    /// of marks to reorder. Within a participant, by group and meeting.
    private static func marks(_ db: Database, participants: RowIDIndex, count n: Int, groups: RowIDIndex) throws
        -> [ProgrammeSnapshot.Mark]
    {
        var start = [Int](repeating: 0, count: n + 1)
        try Self.eachRow(db, "SELECT participant_ref, count(*) FROM attendance GROUP BY participant_ref") { row in
            if let p = participants[row.integer(0)] { start[p + 1] = Int(row.integer(1)) }
        }
        for i in 0..<n { start[i + 1] += start[i] }
        var next = start
        var marks = [ProgrammeSnapshot.Mark](
            repeating: ProgrammeSnapshot.Mark(participant: 0, group: 0, session: 0, present: false), count: start[n])
        try Self.eachRow(
            db, "SELECT participant_ref, group_ref, session_no, present FROM attendance ORDER BY participant_ref, group_ref, session_no"
        ) { row in
            guard let p = participants[row.integer(0)], let group = groups[row.integer(1)] else { return }
            marks[next[p]] = ProgrammeSnapshot.Mark(
                participant: p, group: group, session: Int(row.integer(2)), present: row.integer(3) != 0)
            next[p] += 1
        }
        // A mark of a group no longer in the table (the schema's references forbid it) leaves a gap: close it.
        if (0..<n).contains(where: { next[$0] != start[$0 + 1] }) {
            marks = (0..<n).flatMap { marks[start[$0]..<next[$0]] }
            var compact = [0]
            for p in 0..<n { compact.append(compact[p] + next[p] - start[p]) }
            start = compact
        }
        sortWithinParticipants(&marks, start: start) { ($0.group, $0.session) < ($1.group, $1.session) }
        return marks
    }

    /// The participants' other columns as one array per name.
    private static func participantAttributes(_ db: Database, participants: RowIDIndex, count: Int) throws -> [String: [String?]] {
        var columns: [String: [String?]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT entity_ref, name, value FROM attributes WHERE entity = 'participant'")
        while let row = try rows.next() {
            guard let p = participants[row[0]] else { continue }
            let name: String = row[1]
            columns[name, default: [String?](repeating: nil, count: count)][p] = row[2]
        }
        return columns
    }

    /// Steps through the rows of `sql` with SQLite's own calls: for the millions of
    /// integer rows of attendance, where a row object per row costs more than the read.
    private static func eachRow(_ db: Database, _ sql: String, _ body: (RawRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(RawRow(statement: handle))
        }
    }

    /// An id → position index sized for `table`'s ids.
    private static func idIndex(_ db: Database, _ table: String) throws -> RowIDIndex {
        let row = try Row.fetchOne(db, sql: "SELECT coalesce(max(id), 0), count(*) FROM \(table)")
        return RowIDIndex(maxID: row?[0] ?? 0, count: row?[1] ?? 0)
    }

    private static func attributes(_ db: Database, _ entity: String) throws -> [Int64: [String: String]] {
        var map: [Int64: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_ref, name, value FROM attributes WHERE entity = ?", arguments: [entity]) {
            map[row[0], default: [:]][row[1]] = row[2]
        }
        return map
    }
}
