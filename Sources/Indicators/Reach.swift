import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// Activity inside the period (DESIGN §4 "Reach", §5 "Periods").
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
    public init(snapshot: ProgrammeSnapshot, period: Period, participants: [Int]? = nil, groups groupFilter: Set<Int>? = nil) {
        var heldInPeriod = Set<Int64>()
        var activeGroups = Set<Int>()
        var meetings = 0
        for s in snapshot.sessions where s.held {
            guard let date = s.date, period.contains(date), groupFilter?.contains(s.group) ?? true else { continue }
            meetings += 1
            activeGroups.insert(s.group)
            heldInPeriod.insert(Int64(s.group) << 32 | Int64(s.number))
        }
        let members = participants ?? Array(snapshot.participants.indices)
        let memberSet = Set(members)
        enrolled = members.filter { period.contains(snapshot.participants[$0].enrolledOn) }.count
        var attended = Set<Int>()
        for m in snapshot.marks where m.present && memberSet.contains(m.participant) {
            if heldInPeriod.contains(Int64(m.group) << 32 | Int64(m.session)) { attended.insert(m.participant) }
        }
        attendedOnce = attended.count
        groups = activeGroups.count
        meetingsHeld = meetings
    }
}
