import Store

/// The meetings of every group, found by group index and meeting number
/// without hashing: `snapshot.sessions` positions grouped by group (in
/// meeting-number order), with each group's range in `start`.
///
/// Built once per evaluation in O(sessions); a lookup is a scan of one group's
/// meetings (about 18), which beats a hash of (group, number) in the per-mark
/// loops that run over millions of marks.
struct SessionIndex: Sendable {
    /// `order[start[g]..<start[g + 1]]` are the positions in `snapshot.sessions` of group g's meetings.
    private let start: [Int]
    private let order: [Int]
    private let sessions: [ProgrammeSnapshot.Session]

    init(_ snapshot: ProgrammeSnapshot) {
        let groups = snapshot.groups.count
        var counts = [Int](repeating: 0, count: groups + 1)
        for s in snapshot.sessions { counts[s.group + 1] += 1 }
        for g in 0..<groups { counts[g + 1] += counts[g] }
        var next = counts
        var order = [Int](repeating: 0, count: snapshot.sessions.count)
        for (i, s) in snapshot.sessions.enumerated() {
            order[next[s.group]] = i
            next[s.group] += 1
        }
        for g in 0..<groups where counts[g + 1] - counts[g] > 1 {
            order[counts[g]..<counts[g + 1]].sort { snapshot.sessions[$0].number < snapshot.sessions[$1].number }
        }
        start = counts
        self.order = order
        sessions = snapshot.sessions
    }

    /// Group `group`'s meetings, in meeting-number order.
    func meetings(of group: Int) -> LazyMapSequence<ArraySlice<Int>, ProgrammeSnapshot.Session> {
        order[start[group]..<start[group + 1]].lazy.map { sessions[$0] }
    }

    /// Meeting `number` of `group`, if recorded.
    func meeting(_ number: Int, of group: Int) -> ProgrammeSnapshot.Session? {
        for i in order[start[group]..<start[group + 1]] where sessions[i].number == number { return sessions[i] }
        return nil
    }
}
