import Store

/// The meetings each participant was marked present at in their own group
/// (marks for another group count for nothing: `ConsistencyCheck` reports
/// them), as one flat array of meeting numbers with each participant's range.
///
/// Built once in O(marks) whatever order the marks come in; it replaces a
/// set of meetings per participant (millions of hashed inserts at regional
/// scale) and a binary search of the marks per participant.
struct PresentMarks: Sendable {
    private let start: [Int]
    private let numbers: [Int]

    init(_ snapshot: ProgrammeSnapshot) {
        let participants = snapshot.participants
        var counts = [Int](repeating: 0, count: participants.count + 1)
        for m in snapshot.marks where m.present && participants[m.participant].group == m.group {
            counts[m.participant + 1] += 1
        }
        for i in 0..<participants.count { counts[i + 1] += counts[i] }
        var next = counts
        var numbers = [Int](repeating: 0, count: counts[participants.count])
        for m in snapshot.marks where m.present && participants[m.participant].group == m.group {
            numbers[next[m.participant]] = m.session
            next[m.participant] += 1
        }
        start = counts
        self.numbers = numbers
    }

    /// Meeting numbers participant `i` attended (in the marks' order).
    func sessions(of i: Int) -> ArraySlice<Int> {
        numbers[start[i]..<start[i + 1]]
    }
}
