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
