import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// A participant's attendance up to the period end (DESIGN §4 "Attendance
/// rate"): meetings held in their group from their enrolment date to the period
/// end, and how many of those they attended. Meetings after `left_on` still
/// count as missed; cancelled (`held = 0`) and undated meetings count for nothing.
public struct AttendanceRecord: Sendable, Equatable {
    public var participant: Int
    public var held: Int
    public var attended: Int
    /// Meeting numbers held for this participant, in order, with presence.
    public var meetings: [(number: Int, present: Bool)]

    public static func == (a: AttendanceRecord, b: AttendanceRecord) -> Bool {
        a.participant == b.participant && a.held == b.held && a.attended == b.attended
            && a.meetings.map(\.number) == b.meetings.map(\.number) && a.meetings.map(\.present) == b.meetings.map(\.present)
    }

    /// attended ÷ held; `nil` when no meeting was held yet ("not started").
    public var rate: Double? { held > 0 ? Double(attended) / Double(held) : nil }

    /// Attendance of every participant in `members` up to `to`.
    public static func compute(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate) -> [AttendanceRecord] {
        var sessionsByGroup: [Int: [ProgrammeSnapshot.Session]] = [:]
        for s in snapshot.sessions where s.held { sessionsByGroup[s.group, default: []].append(s) }
        let marks = snapshot.marks
        // A snapshot from the store lists marks by participant: then each member's
        // marks are found by binary search (this runs once per quarter of a trend,
        // and a set of every participant's meetings cost more than the rest).
        let byParticipant = zip(marks, marks.dropFirst()).allSatisfy { $0.participant <= $1.participant }
        var presence: [Int: Set<Int>] = [:]
        if !byParticipant {
            for m in marks where m.present {
                if snapshot.participants[m.participant].group == m.group { presence[m.participant, default: []].insert(m.session) }
            }
        }
        var present: [Int] = []
        return members.map { i in
            let p = snapshot.participants[i]
            present.removeAll(keepingCapacity: true)
            if byParticipant {
                var low = 0
                var high = marks.count
                while low < high {
                    let middle = (low + high) / 2
                    if marks[middle].participant < i { low = middle + 1 } else { high = middle }
                }
                while low < marks.count && marks[low].participant == i {
                    let m = marks[low]
                    if m.present && m.group == p.group { present.append(m.session) }
                    low += 1
                }
            } else {
                present.append(contentsOf: presence[i] ?? [])
            }
            let meetings = (sessionsByGroup[p.group] ?? []).compactMap { s -> (Int, Bool)? in
                guard let date = s.date, date >= p.enrolledOn, date <= to else { return nil }
                return (s.number, present.contains(s.number))
            }
            return AttendanceRecord(
                participant: i, held: meetings.count, attended: meetings.filter(\.1).count, meetings: meetings)
        }
    }
}
