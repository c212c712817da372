/// A numerical failure in the linear-algebra layer. Thrown, never a crash:
/// callers turn it into a `null` with a warning where the contract asks for one.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The matrix is not (numerically) positive definite: LAPACK's `potrf`
    /// found a non-positive leading minor of this order (1-based).
    case notPositiveDefinite(order: Int)
    /// The matrix or design is singular or rank-deficient.
    case singular(rank: Int, columns: Int)
    /// Dimensions do not agree for the requested operation.
    case dimensionMismatch(String)
    /// A LAPACK routine reported an illegal argument or failed to converge.
    case lapackFailure(routine: String, info: Int)

    public var description: String {
        switch self {
        case .notPositiveDefinite(let order):
            return "matrix is not positive definite (leading minor of order \(order))"
        case .singular(let rank, let columns):
            return "singular design: rank \(rank) with \(columns) columns"
        case .dimensionMismatch(let what):
            return "dimension mismatch: \(what)"
        case .lapackFailure(let routine, let info):
            return "LAPACK \(routine) failed (info = \(info))"
        }
    }
}
