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
        compute(snapshot: snapshot, sessions: SessionIndex(snapshot), present: PresentMarks(snapshot), members: members, to: to)
    }

    static func compute(
        snapshot: ProgrammeSnapshot, sessions: SessionIndex, present: PresentMarks, members: [Int], to: CalendarDate
    ) -> [AttendanceRecord] {
        members.map { i in
            let p = snapshot.participants[i]
            let mine = present.sessions(of: i)
            var meetings: [(number: Int, present: Bool)] = []
            var attended = 0
            for s in sessions.meetings(of: p.group) where s.held {
                guard let date = s.date, date >= p.enrolledOn, date <= to else { continue }
                let here = mine.contains(s.number)
                meetings.append((s.number, here))
                if here { attended += 1 }
            }
            return AttendanceRecord(participant: i, held: meetings.count, attended: attended, meetings: meetings)
        }
    }
}
