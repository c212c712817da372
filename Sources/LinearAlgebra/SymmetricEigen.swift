import CLAPACK
import Foundation

/// Eigendecomposition `A = V·diag(λ)·Vᵀ` of a real symmetric matrix by LAPACK
/// `dsyevd` (divide and conquer), eigenvalues ascending.
///
/// Used for symmetric matrix functions such as the inverse square root
/// `(I − Hᵍᵍ)^(−1/2)` of the CR2 adjustment (Bell & McCaffrey 2002).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Orthonormal eigenvectors, one per column, in the order of `values`.
    public let vectors: Matrix

    /// Decomposes `a` (only its lower triangle is read).
    public init(_ a: Matrix) throws {
        _ = BLASThreads.pinned
        guard a.isSquare else { throw LinearAlgebraError.dimensionMismatch("eigen of a \(a.rows)×\(a.columns) matrix") }
        var v = a
        var w = [Double](repeating: 0, count: a.rows)
        if a.rows > 0 {
            let info = v.storage.withUnsafeMutableBufferPointer { pa in
                w.withUnsafeMutableBufferPointer { pw in
                    LAPACKE_dsyevd(
                        LAPACK_COL_MAJOR, Lapack.vectors, Lapack.lower, Int32(a.rows), pa.baseAddress,
                        Int32(a.rows), pw.baseAddress)
                }
            }
            if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dsyevd", info: Int(info)) }
        }
        values = w
        vectors = v
    }

    /// `f(A) = V·diag(f(λ))·Vᵀ` for a scalar function f.
    public func applying(_ f: (Double) -> Double) -> Matrix {
        let scaled = vectors.scalingColumns(by: values.map(f))
        return Matrix.product(scaled, .none, vectors, .transposed)
    }

    /// The symmetric inverse square root `A^(−1/2)`, treating eigenvalues at or
    /// below `tolerance`·λ_max as zero (a Moore–Penrose generalised inverse
    /// square root, as clubSandwich's `Sym_power(x, -1/2)` does).
    public func inverseSquareRoot(tolerance: Double = 1e-12) -> Matrix {
        let largest = values.map(abs).max() ?? 0
        return applying { $0 > tolerance * largest ? 1 / $0.squareRoot() : 0 }
    }
}

extension Matrix {
    /// `A · diag(w)`: each column j scaled by `w[j]`.
    public func scalingColumns(by w: [Double]) -> Matrix {
        precondition(w.count == columns, "column weights of length \(w.count) for \(columns) columns")
        var m = self
        for j in 0..<columns {
            let base = j * rows
            for i in 0..<rows { m.storage[base + i] *= w[j] }
        }
        return m
    }
}
