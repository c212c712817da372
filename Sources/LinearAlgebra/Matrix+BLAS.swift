import CLAPACK

/// Whether an operand enters a product as written or transposed.
public enum Transpose: Sendable {
    case none, transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

extension Matrix {
    /// General product `α · op(A) · op(B)` by `cblas_dgemm`.
    public static func product(
        _ a: Matrix, _ transposeA: Transpose = .none,
        _ b: Matrix, _ transposeB: Transpose = .none, alpha: Double = 1
    ) -> Matrix {
        _ = BLASThreads.pinned
        let m = transposeA == .none ? a.rows : a.columns
        let k = transposeA == .none ? a.columns : a.rows
        let kB = transposeB == .none ? b.rows : b.columns
        let n = transposeB == .none ? b.columns : b.rows
        precondition(k == kB, "product of \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns) does not conform")
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return c }
        if k == 0 { return c }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transposeA.cblas, transposeB.cblas,
                        Int32(m), Int32(n), Int32(k), alpha,
                        pa.baseAddress, Int32(max(1, a.rows)),
                        pb.baseAddress, Int32(max(1, b.rows)), 0,
                        pc.baseAddress, Int32(max(1, m)))
                }
            }
        }
        return c
    }

    /// Matrix product `A · B`.
    public static func * (a: Matrix, b: Matrix) -> Matrix { product(a, .none, b, .none) }

    /// Matrix–vector product `op(A) · x` by `cblas_dgemv`.
    public func times(_ x: [Double], _ transpose: Transpose = .none) -> [Double] {
        _ = BLASThreads.pinned
        let outCount = transpose == .none ? rows : columns
        let inCount = transpose == .none ? columns : rows
        precondition(x.count == inCount, "vector of length \(x.count) does not conform to \(rows)×\(columns)")
        var y = [Double](repeating: 0, count: outCount)
        if outCount == 0 || inCount == 0 { return y }
        storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, transpose.cblas, Int32(rows), Int32(columns), 1,
                        pa.baseAddress, Int32(max(1, rows)), px.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// The Gram matrix `α · AᵀA` (full symmetric) by `cblas_dsyrk`.
    public func gram(alpha: Double = 1) -> Matrix {
        _ = BLASThreads.pinned
        var c = Matrix(rows: columns, columns: columns)
        if columns == 0 || rows == 0 { return c }
        storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasLower, CblasTrans, Int32(columns), Int32(rows), alpha,
                    pa.baseAddress, Int32(max(1, rows)), 0, pc.baseAddress, Int32(max(1, columns)))
            }
        }
        c.symmetrizeFromLower()
        return c
    }

    /// The outer Gram matrix `α · AAᵀ` (full symmetric) by `cblas_dsyrk`.
    public func outerGram(alpha: Double = 1) -> Matrix {
        _ = BLASThreads.pinned
        var c = Matrix(rows: rows, columns: rows)
        if columns == 0 || rows == 0 { return c }
        storage.withUnsafeBufferPointer { pa in
            c.storage.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(
                    CblasColMajor, CblasLower, CblasNoTrans, Int32(rows), Int32(columns), alpha,
                    pa.baseAddress, Int32(max(1, rows)), 0, pc.baseAddress, Int32(max(1, rows)))
            }
        }
        c.symmetrizeFromLower()
        return c
    }

    /// `diag(w) · A`: each row i scaled by `w[i]` (a weighted design, e.g. √W·X in IRLS).
    public func scalingRows(by w: [Double]) -> Matrix {
        precondition(w.count == rows, "row weights of length \(w.count) for \(rows) rows")
        var m = self
        m.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<columns {
                let base = j * rows
                for i in 0..<rows { p[base + i] *= w[i] }
            }
        }
        return m
    }

    /// The weighted Gram matrix `Aᵀ · diag(w) · A` for non-negative weights,
    /// as `(√w·A)ᵀ(√w·A)` by `cblas_dsyrk`.
    public func weightedGram(_ w: [Double]) -> Matrix {
        scalingRows(by: w.map { $0.squareRoot() }).gram()
    }

    /// `A + B`.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns)
        var c = a
        for k in c.storage.indices { c.storage[k] += b.storage[k] }
        return c
    }

    /// `A − B`.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns)
        var c = a
        for k in c.storage.indices { c.storage[k] -= b.storage[k] }
        return c
    }

    /// `s · A`.
    public static func * (s: Double, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, columnMajor: a.storage.map { s * $0 })
    }
}

/// Vector helpers over BLAS level 1.
public enum Vector {
    /// Dot product `xᵀy` by `cblas_ddot`.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count)
        if x.isEmpty { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                cblas_ddot(Int32(x.count), px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }
}
