/// Row aggregation by a grouping (observations nested in clusters).
///
/// These are gathers and scatters over the rows, O(rows × columns) in one
/// pass each; the products that follow them go through BLAS.
extension Matrix {
    /// Per-group column sums: a `groupCount × columns` matrix whose row g is
    /// `Σ_{i: group[i] = g} A[i, ·]`. Group indices must lie in `0..<groupCount`.
    public func groupSums(by group: [Int], groupCount: Int) -> Matrix {
        precondition(group.count == rows, "group index of length \(group.count) for \(rows) rows")
        var sums = Matrix(rows: groupCount, columns: columns)
        storage.withUnsafeBufferPointer { source in
            sums.storage.withUnsafeMutableBufferPointer { target in
                group.withUnsafeBufferPointer { g in
                    for j in 0..<columns {
                        let from = j * rows
                        let to = j * groupCount
                        for i in 0..<rows { target[to + g[i]] += source[from + i] }
                    }
                }
            }
        }
        return sums
    }

    /// Each row minus the row of `means` for its group (the within-group
    /// deviations `A[i, ·] − means[group[i], ·]`).
    public func subtractingGroupRows(_ means: Matrix, by group: [Int]) -> Matrix {
        precondition(group.count == rows && means.columns == columns, "group rows do not conform")
        var centered = self
        let groupCount = means.rows
        centered.storage.withUnsafeMutableBufferPointer { target in
            means.storage.withUnsafeBufferPointer { m in
                group.withUnsafeBufferPointer { g in
                    for j in 0..<columns {
                        let base = j * rows
                        let meanBase = j * groupCount
                        for i in 0..<rows { target[base + i] -= m[meanBase + g[i]] }
                    }
                }
            }
        }
        return centered
    }

    /// The leading `count × count` block (e.g. the X part of a `[X y]` cross-product).
    public func leadingBlock(_ count: Int) -> Matrix {
        precondition(count <= rows && count <= columns)
        var block = Matrix(rows: count, columns: count)
        for j in 0..<count {
            for i in 0..<count { block[i, j] = self[i, j] }
        }
        return block
    }
}
