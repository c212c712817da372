import EvaluationDomain
import Store

/// A participant's attendance up to the period end (METHODS §4 "Attendance
/// rate"): meetings held in their group from their enrolment date to the period
/// end, and how many of those they attended. Meetings after `left_on` still
/// count as missed; cancelled (`held = 0`) and undated meetings count for nothing.
public struct AttendanceRecord: Sendable, Equatable {
    public var participant: Int
    public var held: Int
    public var attended: Int
    /// Meeting numbers held for this participant, in order, with presence.
    public var meetings: [Meeting]

    /// One meeting held for a participant, in 8 bytes (a record per participant, about 18 each).
    public struct Meeting: Sendable, Equatable {
        private var meetingNumber: Int32
        public var present: Bool
        /// Meeting numbers are 1–100,000 on import.
        public var number: Int { Int(meetingNumber) }

        public init(number: Int, present: Bool) {
            meetingNumber = Int32(clamping: number)
            self.present = present
        }
    }

    /// attended ÷ held; `nil` when no meeting was held yet ("not started").
    public var rate: Double? { held > 0 ? Double(attended) / Double(held) : nil }

    /// Attendance of every participant in `members` up to `to`.
    public static func compute(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate) -> [AttendanceRecord] {
        let sessions = SessionIndex(snapshot)
        let present = PresentMarks(snapshot)
        return members.map { i in
            let p = snapshot.participants[i]
            let mine = present.sessions(of: i)
            var meetings: [Meeting] = []
            var attended = 0
            for s in sessions.meetings(of: p.group) where s.held {
                guard let date = s.date, date >= p.enrolledOn, date <= to else { continue }
                let here = mine.contains(s.number)
                meetings.append(Meeting(number: s.number, present: here))
                if here { attended += 1 }
            }
            return AttendanceRecord(participant: i, held: meetings.count, attended: attended, meetings: meetings)
        }
    }
}
