/// Puts rows in participant order, keeping the order they came in within each
/// participant, in O(n) (a counting sort), then sorts any participant's rows
/// that are not already in `inOrder` order (they come from SQL already
/// ordered by everything but the participant's position, so this is rare).
func participantOrder<Row>(
    _ rows: [Row], participants: Int, participant: (Row) -> Int, inOrder: (Row, Row) -> Bool
) -> [Row] {
    guard let first = rows.first else { return rows }
    var start = [Int](repeating: 0, count: participants + 1)
    for row in rows { start[participant(row) + 1] += 1 }
    for i in 0..<participants { start[i + 1] += start[i] }
    var next = start
    var ordered = [Row](repeating: first, count: rows.count)
    for row in rows {
        let p = participant(row)
        ordered[next[p]] = row
        next[p] += 1
    }
    sortWithinParticipants(&ordered, start: start, by: inOrder)
    return ordered
}

/// Sorts each participant's range `rows[start[p]..<start[p + 1]]` by `inOrder`
/// where it is not already in that order (ranges of a few rows, mostly in order).
func sortWithinParticipants<Row>(_ rows: inout [Row], start: [Int], by inOrder: (Row, Row) -> Bool) {
    for p in 0..<(start.count - 1) where start[p + 1] - start[p] > 1 {
        let range = start[p]..<start[p + 1]
        let sorted = zip(rows[range], rows[range].dropFirst()).allSatisfy { !inOrder($1, $0) }
        if !sorted { rows[range].sort(by: inOrder) }
    }
}
