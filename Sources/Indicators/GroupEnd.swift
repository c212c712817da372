import EvaluationDomain
import Store

/// When a group ended (METHODS §9 *Group end*): each of its planned meetings held
/// or recorded as cancelled by the period end (without `planned_sessions`: no
/// meeting dated after its last one held in the period); its end is its last
/// meeting held.
enum GroupEnd {
    /// Group index → end date, for groups that have ended by `to`.
    static func ends(snapshot: ProgrammeSnapshot, to: CalendarDate) -> [Int: CalendarDate] {
        var byGroup: [Int: [ProgrammeSnapshot.Session]] = [:]
        for s in snapshot.sessions { byGroup[s.group, default: []].append(s) }
        var ends: [Int: CalendarDate] = [:]
        for (g, sessions) in byGroup {
            let heldDates = sessions.filter { $0.held }.compactMap(\.date).filter { $0 <= to }
            guard let last = heldDates.max() else { continue }
            if let planned = snapshot.groups[g].plannedSessions {
                // A meeting recorded as cancelled by the period end is done with: it will not be held.
                let cancelled = sessions.filter { !$0.held && ($0.date.map { $0 <= to } ?? true) }.count
                if heldDates.count + cancelled >= planned { ends[g] = last }
            } else if !sessions.contains(where: { ($0.date ?? last) > last }) {
                ends[g] = last
            }
        }
        return ends
    }
}
