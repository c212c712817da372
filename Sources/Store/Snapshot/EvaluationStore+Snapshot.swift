import EvaluationDomain
import GRDB
import Ingest

extension EvaluationStore {
    /// Loads every record into a `ProgrammeSnapshot`, in a stable order
    /// (by code, date, number) so that reports are byte-identical run to run.
    public func snapshot() throws -> ProgrammeSnapshot {
        try read { db in
            var s = ProgrammeSnapshot()
            s.imports = try Self.imports(db)
            var groupIndex: [Int64: Int] = [:]
            var participantIndex: [Int64: Int] = [:]
            let groupAttributes = try attributes(db, "group")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM groups ORDER BY code") {
                let id: Int64 = row["id"]
                groupIndex[id] = s.groups.count
                s.groups.append(
                    ProgrammeSnapshot.Group(
                        code: row["code"], composition: (row["composition"] as String?).flatMap(Composition.init(rawValue:)),
                        programme: row["programme"], site: row["site"], startDate: date(row["start_date"]),
                        plannedSessions: row["planned_sessions"], facilitator: row["facilitator"],
                        attributes: groupAttributes[id] ?? [:]))
            }
            let participantAttributes = try attributes(db, "participant")
            for row in try Row.fetchAll(db, sql: "SELECT * FROM participants ORDER BY code") {
                let id: Int64 = row["id"]
                let groupRef: Int64 = row["group_ref"]
                guard let group = groupIndex[groupRef], let enrolled = date(row["enrolled_on"]) else { continue }
                participantIndex[id] = s.participants.count
                s.participants.append(
                    ProgrammeSnapshot.Participant(
                        code: row["code"], group: group, enrolledOn: enrolled, leftOn: date(row["left_on"]),
                        sex: row["sex"], birthYear: row["birth_year"], education: row["education"],
                        statusAtEntry: row["status_at_entry"], referredBy: row["referred_by"],
                        unemployedSince: date(row["unemployed_since"]), followedUpUntil: date(row["followed_up_until"]),
                        attributes: participantAttributes[id] ?? [:]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY group_ref, session_no") {
                let groupRef: Int64 = row["group_ref"]
                guard let group = groupIndex[groupRef] else { continue }
                s.sessions.append(
                    ProgrammeSnapshot.Session(
                        group: group, number: row["session_no"], date: date(row["date"]), held: row["held"] != 0))
            }
            let marks = try Row.fetchCursor(
                db,
                sql:
                    "SELECT participant_ref, group_ref, session_no, present FROM attendance ORDER BY participant_ref, group_ref, session_no"
            )
            while let row = try marks.next() {
                let p: Int64 = row[0]
                let g: Int64 = row[1]
                guard let participant = participantIndex[p], let group = groupIndex[g] else { continue }
                s.marks.append(
                    ProgrammeSnapshot.Mark(participant: participant, group: group, session: row[2], present: (row[3] as Int) != 0))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM questionnaires ORDER BY participant_ref, instrument, wave") {
                let p: Int64 = row["participant_ref"]
                guard let participant = participantIndex[p], let wave = Wave(rawValue: row["wave"]) else { continue }
                s.questionnaires.append(
                    ProgrammeSnapshot.Questionnaire(
                        participant: participant, instrument: row["instrument"], wave: wave,
                        completedOn: date(row["completed_on"]), items: ItemList.decode(row["items"]), score: row["score"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM services ORDER BY participant_ref, date, service") {
                let p: Int64 = row["participant_ref"]
                guard let participant = participantIndex[p], let day = date(row["date"]) else { continue }
                s.services.append(
                    ProgrammeSnapshot.Service(
                        participant: participant, service: row["service"], date: day, hours: row["hours"],
                        provider: row["provider"], amount: row["amount"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM outcomes ORDER BY participant_ref, event_date, outcome") {
                let p: Int64 = row["participant_ref"]
                guard let participant = participantIndex[p], let day = date(row["event_date"]),
                    let type = OutcomeType(rawValue: row["outcome"])
                else { continue }
                s.outcomes.append(
                    ProgrammeSnapshot.Outcome(
                        participant: participant, eventDate: day, outcome: type, source: row["source"], endDate: date(row["end_date"])))
            }
            // The participants' order is by code, which the marks' order must follow for stable output.
            s.marks.sort { ($0.participant, $0.group, $0.session) < ($1.participant, $1.group, $1.session) }
            s.questionnaires.sort { ($0.participant, $0.instrument, $0.wave.order) < ($1.participant, $1.instrument, $1.wave.order) }
            s.services.sort { ($0.participant, $0.date, $0.service) < ($1.participant, $1.date, $1.service) }
            s.outcomes.sort { ($0.participant, $0.eventDate, $0.outcome.rawValue) < ($1.participant, $1.eventDate, $1.outcome.rawValue) }
            return s
        }
    }

    private func date(_ text: String?) -> CalendarDate? {
        text.flatMap(CalendarDate.init(iso8601:))
    }

    private func attributes(_ db: Database, _ entity: String) throws -> [Int64: [String: String]] {
        var map: [Int64: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity_ref, name, value FROM attributes WHERE entity = ?", arguments: [entity]) {
            map[row[0], default: [:]][row[1]] = row[2]
        }
        return map
    }
}
