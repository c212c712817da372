import CLAPACK
import Foundation

/// Cholesky factorization `A = LLᵀ` of a symmetric positive-definite matrix,
/// by LAPACK `dpotrf`; solves by `dpotrs`, inverts by `dpotri`.
public struct Cholesky: Sendable {
    /// The factor: lower triangle holds L (the strict upper triangle is zero).
    public let lower: Matrix

    /// Factorizes `a` (only its lower triangle is read).
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` when a leading minor is not positive.
    public init(_ a: Matrix) throws {
        _ = BLASThreads.pinned
        guard a.isSquare else { throw LinearAlgebraError.dimensionMismatch("Cholesky of a \(a.rows)×\(a.columns) matrix") }
        var l = a
        let n = a.rows
        if n > 0 {
            let info = l.storage.withUnsafeMutableBufferPointer { p in
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, Lapack.lower, Int32(n), p.baseAddress, Int32(n))
            }
            if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
            if info < 0 { throw LinearAlgebraError.lapackFailure(routine: "dpotrf", info: Int(info)) }
        }
        for j in 0..<n { for i in 0..<j { l[i, j] = 0 } }
        lower = l
    }

    /// Dimension of the factorized matrix.
    public var order: Int { lower.rows }

    /// Solves `A X = B` for X.
    public func solve(_ b: Matrix) throws -> Matrix {
        guard b.rows == order else {
            throw LinearAlgebraError.dimensionMismatch("right-hand side has \(b.rows) rows, matrix is \(order)×\(order)")
        }
        var x = b
        if order == 0 || b.columns == 0 { return x }
        let info = lower.storage.withUnsafeBufferPointer { pl in
            x.storage.withUnsafeMutableBufferPointer { px in
                LAPACKE_dpotrs(
                    LAPACK_COL_MAJOR, Lapack.lower, Int32(order), Int32(b.columns),
                    pl.baseAddress, Int32(order), px.baseAddress, Int32(order))
            }
        }
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dpotrs", info: Int(info)) }
        return x
    }

    /// Solves `A x = b` for a vector.
    public func solve(_ b: [Double]) throws -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).storage
    }

    /// `A⁻¹` (full symmetric), by `dpotri`.
    public func inverse() throws -> Matrix {
        var inv = lower
        if order == 0 { return inv }
        let info = inv.storage.withUnsafeMutableBufferPointer { p in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Lapack.lower, Int32(order), p.baseAddress, Int32(order))
        }
        if info > 0 { throw LinearAlgebraError.singular(rank: Int(info) - 1, columns: order) }
        if info < 0 { throw LinearAlgebraError.lapackFailure(routine: "dpotri", info: Int(info)) }
        inv.symmetrizeFromLower()
        return inv
    }

    /// `log det A = 2 Σ log Lᵢᵢ`.
    public var logDeterminant: Double {
        2 * lower.diagonal.reduce(0) { $0 + log($1) }
    }
}

/// LAPACK character arguments.
enum Lapack {
    static let lower = CChar(UInt8(ascii: "L"))
    static let upper = CChar(UInt8(ascii: "U"))
    static let noTranspose = CChar(UInt8(ascii: "N"))
    static let transpose = CChar(UInt8(ascii: "T"))
    static let left = CChar(UInt8(ascii: "L"))
    static let vectors = CChar(UInt8(ascii: "V"))
    static let nonUnit = CChar(UInt8(ascii: "N"))
}
