/// Row id → position in a snapshot array, for the ids of one table.
///
/// Ids are SQLite row ids, assigned in insertion order and hardly ever
/// sparse: a flat array indexed by id then replaces a dictionary lookup per
/// row of the large tables (millions of attendance marks). Sparse ids (many
/// rows deleted) fall back to a dictionary.
struct RowIDIndex {
    private var dense: [Int32] = []
    private var sparse: [Int64: Int] = [:]
    private let useDense: Bool

    /// - Parameters:
    ///   - maxID: the largest id the table holds.
    ///   - count: how many rows it holds.
    init(maxID: Int64, count: Int) {
        useDense = maxID >= 0 && maxID <= 4 * Int64(count) + 4096
        if useDense { dense = [Int32](repeating: -1, count: Int(maxID) + 1) }
    }

    mutating func set(_ id: Int64, _ position: Int) {
        if useDense {
            if id >= 0 && id < dense.count { dense[Int(id)] = Int32(position) }
        } else {
            sparse[id] = position
        }
    }

    subscript(id: Int64) -> Int? {
        if useDense {
            guard id >= 0 && id < dense.count else { return nil }
            let position = dense[Int(id)]
            return position < 0 ? nil : Int(position)
        }
        return sparse[id]
    }
}

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
    for p in 0..<participants where start[p + 1] - start[p] > 1 {
        let range = start[p]..<start[p + 1]
        let sorted = zip(ordered[range], ordered[range].dropFirst()).allSatisfy { !inOrder($1, $0) }
        if !sorted { ordered[range].sort(by: inOrder) }
    }
    return ordered
}
