/// Why a survival estimator could not produce a result. Thrown, never a crash;
/// caveats on a result that was computed are `Diagnostic` values instead.
public enum SurvivalError: Error, Equatable, CustomStringConvertible {
    /// No observations were given.
    case noObservations
    /// Inputs that must have one entry per observation have different lengths.
    case lengthMismatch(String)
    /// A follow-up time is negative, infinite or NaN (index zero-based).
    case invalidTime(index: Int, value: Double)
    /// A covariate value is infinite or NaN (zero-based row and column).
    case invalidCovariate(row: Int, column: Int)
    /// The confidence level is not strictly between 0 and 1.
    case invalidConfidenceLevel(Double)
    /// A Cox model needs at least one event; with none the partial likelihood is constant.
    case noEvents
    /// The design is rank-deficient: these columns (zero-based) are linear
    /// combinations of the others (R's `coxph` reports their coefficients as NA).
    case singularDesign(aliasedColumns: [Int])
    /// The information matrix lost positive definiteness during the iterations.
    case singularInformation(iteration: Int)

    public var description: String {
        switch self {
        case .noObservations:
            return "no observations"
        case .lengthMismatch(let what):
            return "length mismatch: \(what)"
        case .invalidTime(let index, let value):
            return "observation \(index + 1): time \(value) is not a finite non-negative number"
        case .invalidCovariate(let row, let column):
            return "observation \(row + 1): covariate \(column + 1) is not finite"
        case .invalidConfidenceLevel(let level):
            return "confidence level \(level) is not between 0 and 1"
        case .noEvents:
            return "no events: the Cox partial likelihood is constant"
        case .singularDesign(let columns):
            return
                "singular design: covariate(s) \(columns.map { String($0 + 1) }.joined(separator: ", ")) are linear combinations of the others"
        case .singularInformation(let iteration):
            return "the information matrix is singular at iteration \(iteration)"
        }
    }
}
