import EvaluationDomain
import GRDB

extension EvaluationStore {
    /// Loads the comparison group, in import order (see `ComparisonGroupSnapshot`).
    /// - Throws: `StoreError.unreadableRow` for a row the importer would not have written.
    public func comparisonGroupSnapshot() throws -> ComparisonGroupSnapshot {
        try read { db in
            var s = ComparisonGroupSnapshot()
            var index: [Int64: Int] = [:]
            let people = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, code, reference_date, followed_up_until, sex, birth_year, education, status_at_entry
                    FROM comparison_people ORDER BY id
                    """)
            while let row = try people.next() {
                let id: Int64 = row[0]
                guard let reference = try Self.comparisonDate(row[2], id) else {
                    throw StoreError.unreadableRow("comparison_people", "person \(id)", "no reference date")
                }
                index[id] = s.people.count
                s.people.append(
                    ComparisonGroupSnapshot.Person(
                        code: row[1], referenceDate: reference, followedUpUntil: try Self.comparisonDate(row[3], id), sex: row[4],
                        birthYear: row[5], education: row[6], statusAtEntry: row[7]))
            }
            let attributes = try Row.fetchCursor(db, sql: "SELECT entity_ref, name, value FROM attributes WHERE entity = 'comparison'")
            while let row = try attributes.next() {
                guard let person = index[row[0]] else { continue }
                let name: String = row[1]
                s.attributes[name, default: [String?](repeating: nil, count: s.people.count)][person] = row[2]
            }
            let outcomes = try Row.fetchCursor(
                db,
                sql: "SELECT person_ref, event_date, outcome, end_date FROM comparison_outcomes ORDER BY person_ref, event_date, outcome")
            while let row = try outcomes.next() {
                let ref: Int64 = row[0]
                guard let person = index[ref], let date = try Self.comparisonDate(row[1], ref),
                    let type = OutcomeType(rawValue: row[2])
                else { throw StoreError.unreadableRow("comparison_outcomes", "person \(ref)", "an unreadable event") }
                s.outcomes.append(
                    ComparisonGroupSnapshot.Outcome(
                        person: person, eventDate: date, outcome: type, endDate: try Self.comparisonDate(row[3], ref)))
            }
            s.participantCodesInImportOrder = try String.fetchAll(db, sql: "SELECT code FROM participants ORDER BY id")
            return s
        }
    }

    private static func comparisonDate(_ text: String?, _ id: Int64) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw StoreError.unreadableRow("comparison_people", "person \(id)", "'\(text)' is not a date")
        }
        return date
    }
}
