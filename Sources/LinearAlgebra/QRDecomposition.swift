import CLAPACK
import Foundation

/// Householder QR factorization with column pivoting, `A·P = Q·R`, by LAPACK
/// `dgeqp3`, with the numerical rank decided as R's `lm` does: a column is
/// aliased when |Rₖₖ| ≤ `tolerance`·|R₁₁| (R's default `tol = 1e-7`).
///
/// Least-squares solutions use `dormqr` (apply Qᵀ) and `dtrtrs` (back-substitute).
public struct QRDecomposition: Sendable {
    /// Rows of the factorized matrix.
    public let rows: Int
    /// Columns of the factorized matrix.
    public let columns: Int
    /// LAPACK's compact form: R in the upper triangle, Householder vectors below.
    let factored: Matrix
    /// Householder scalars.
    let tau: [Double]
    /// Column permutation: factored column k is original column `pivot[k]` (zero-based).
    public let pivot: [Int]
    /// Numerical rank.
    public let rank: Int

    /// Factorizes `a`.
    public init(_ a: Matrix, tolerance: Double = 1e-7) throws {
        _ = BLASThreads.pinned
        rows = a.rows
        columns = a.columns
        var f = a
        var jpvt = [Int32](repeating: 0, count: a.columns)
        var tau = [Double](repeating: 0, count: min(a.rows, a.columns))
        if a.rows > 0 && a.columns > 0 {
            let info = f.storage.withUnsafeMutableBufferPointer { pa in
                jpvt.withUnsafeMutableBufferPointer { pj in
                    tau.withUnsafeMutableBufferPointer { pt in
                        LAPACKE_dgeqp3(
                            LAPACK_COL_MAJOR, Int32(a.rows), Int32(a.columns), pa.baseAddress,
                            Int32(a.rows), pj.baseAddress, pt.baseAddress)
                    }
                }
            }
            if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dgeqp3", info: Int(info)) }
        }
        factored = f
        self.tau = tau
        pivot = jpvt.map { Int($0) - 1 }
        let diagonal = (0..<min(a.rows, a.columns)).map { abs(f[$0, $0]) }
        if let first = diagonal.first, first > 0 {
            rank = diagonal.prefix { $0 > tolerance * first }.count
        } else {
            rank = 0
        }
    }

    /// Whether the matrix has full column rank.
    public var isFullRank: Bool { rank == columns }

    /// Original indices of the columns judged linearly dependent on the others.
    public var aliasedColumns: [Int] { Array(pivot[rank...]).sorted() }

    /// Least-squares solution of `A x ≈ b`; requires full column rank.
    /// - Throws: `LinearAlgebraError.singular` when the matrix is rank-deficient.
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == rows else { throw LinearAlgebraError.dimensionMismatch("right-hand side of length \(b.count) for \(rows) rows") }
        guard isFullRank else { throw LinearAlgebraError.singular(rank: rank, columns: columns) }
        var qtb = try applyQTransposed(Matrix(rows: rows, columns: 1, columnMajor: b)).storage
        let n = columns
        if n == 0 { return [] }
        let info = factored.storage.withUnsafeBufferPointer { pr in
            qtb.withUnsafeMutableBufferPointer { px in
                LAPACKE_dtrtrs(
                    LAPACK_COL_MAJOR, Lapack.upper, Lapack.noTranspose, Lapack.nonUnit,
                    Int32(n), 1, pr.baseAddress, Int32(rows), px.baseAddress, Int32(rows))
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(rank: Int(info) - 1, columns: n) }
        if info < 0 { throw LinearAlgebraError.lapackFailure(routine: "dtrtrs", info: Int(info)) }
        var x = [Double](repeating: 0, count: n)
        for k in 0..<n { x[pivot[k]] = qtb[k] }
        return x
    }

    /// `Qᵀ·B` (Q is rows × rows), by `dormqr`.
    public func applyQTransposed(_ b: Matrix) throws -> Matrix {
        try applyQ(b, transpose: true)
    }

    /// `Q·B`, by `dormqr`.
    public func applyQ(_ b: Matrix) throws -> Matrix {
        try applyQ(b, transpose: false)
    }

    private func applyQ(_ b: Matrix, transpose: Bool) throws -> Matrix {
        guard b.rows == rows else { throw LinearAlgebraError.dimensionMismatch("Q applied to \(b.rows) rows, Q has \(rows)") }
        var c = b
        let k = tau.count
        if k == 0 || b.columns == 0 { return c }
        let info = factored.storage.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(
                        LAPACK_COL_MAJOR, Lapack.left, transpose ? Lapack.transpose : Lapack.noTranspose,
                        Int32(rows), Int32(b.columns), Int32(k), pa.baseAddress, Int32(rows),
                        pt.baseAddress, pc.baseAddress, Int32(rows))
                }
            }
        }
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dormqr", info: Int(info)) }
        return c
    }

    /// The first `columns` columns of Q (rows × columns), by `dorgqr`.
    public func thinQ() throws -> Matrix {
        let k = min(rows, columns)
        var q = Matrix(rows: rows, columns: k, columnMajor: Array(factored.storage.prefix(rows * k)))
        if k == 0 { return q }
        let info = q.storage.withUnsafeMutableBufferPointer { pq in
            tau.withUnsafeBufferPointer { pt in
                LAPACKE_dorgqr(LAPACK_COL_MAJOR, Int32(rows), Int32(k), Int32(k), pq.baseAddress, Int32(rows), pt.baseAddress)
            }
        }
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dorgqr", info: Int(info)) }
        return q
    }

    /// `(AᵀA)⁻¹` in the original column order (the unscaled covariance of
    /// least-squares coefficients), from R⁻¹R⁻ᵀ; requires full column rank.
    public func inverseGram() throws -> Matrix {
        guard isFullRank else { throw LinearAlgebraError.singular(rank: rank, columns: columns) }
        let n = columns
        var r = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0...j { r[i, j] = factored[i, j] } }
        if n > 0 {
            let info = r.storage.withUnsafeMutableBufferPointer { p in
                LAPACKE_dtrtri(LAPACK_COL_MAJOR, Lapack.upper, Lapack.nonUnit, Int32(n), p.baseAddress, Int32(n))
            }
            if info > 0 { throw LinearAlgebraError.singular(rank: Int(info) - 1, columns: n) }
            if info < 0 { throw LinearAlgebraError.lapackFailure(routine: "dtrtri", info: Int(info)) }
        }
        let permuted = Matrix.product(r, .none, r, .transposed)
        var result = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { result[pivot[i], pivot[j]] = permuted[i, j] } }
        return result
    }
}
