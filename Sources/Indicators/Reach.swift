import EvaluationDomain
import Store

/// Activity inside the period (METHODS §4 "Reach", §5 "Periods").
public struct Reach: Sendable, Equatable {
    /// Groups with at least one meeting held in the period.
    public var groups: Int
    /// Meetings held in the period.
    public var meetingsHeld: Int
    /// Participants enrolled in the period.
    public var enrolled: Int
    /// Participants who attended at least one meeting held in the period, whenever they enrolled.
    public var attendedOnce: Int

    /// Computes reach over `participants` (indices; all by default) for `period`.
    /// Flags indexed by group and participant rather than hashed keys.
    public init(snapshot: ProgrammeSnapshot, period: Period, participants: [Int]? = nil, groups groupFilter: Set<Int>? = nil) {
        let sessions = SessionIndex(snapshot)
        var activeGroups = 0
        var meetings = 0
        var anyHeld = false
        for g in snapshot.groups.indices where groupFilter?.contains(g) ?? true {
            var active = false
            for s in sessions.meetings(of: g) where s.held {
                guard let date = s.date, period.contains(date) else { continue }
                meetings += 1
                active = true
            }
            if active { activeGroups += 1 }
            anyHeld = anyHeld || active
        }
        var isMember = [Bool](repeating: participants == nil, count: snapshot.participants.count)
        for i in participants ?? [] { isMember[i] = true }
        enrolled = snapshot.participants.indices.filter { isMember[$0] && period.contains(snapshot.participants[$0].enrolledOn) }.count
        var attended = [Bool](repeating: false, count: snapshot.participants.count)
        var count = 0
        if anyHeld {
            for m in snapshot.marks where m.present && isMember[m.participant] && !attended[m.participant] {
                guard groupFilter?.contains(m.group) ?? true, let s = sessions.meeting(m.session, of: m.group), s.held,
                    let date = s.date, period.contains(date)
                else { continue }
                attended[m.participant] = true
                count += 1
            }
        }
        attendedOnce = count
        groups = activeGroups
        meetingsHeld = meetings
    }
}
