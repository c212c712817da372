/// Why a mixed model cannot be fitted. Each case is a numerical or structural
/// impossibility, thrown; caveats of a fit that exists are `Diagnostic`s.
public enum MixedModelError: Error, Equatable, CustomStringConvertible {
    /// Lengths of response, design rows and group index disagree.
    case dimensionMismatch(String)
    /// A response or design value is NaN or infinite.
    case nonFiniteValue(String)
    /// Fewer than two groups: the group variance is not identified
    /// (lme4: "grouping factors must have > 1 sampled level").
    case tooFewGroups(Int)
    /// As many groups as observations: the group effect is confounded with the
    /// residual (lme4: "number of levels of each grouping factor must be <
    /// number of observations").
    case groupsNotFewerThanObservations(groups: Int, observations: Int)
    /// The fixed-effects design has no column, or no more rows than columns.
    case emptyDesign
    /// The fixed-effects design is rank-deficient (R's QR rule, tol 1e-7);
    /// `aliased` are the zero-based columns judged dependent on the others.
    case singularDesign(rank: Int, columns: Int, aliased: [Int])
    /// The fixed effects fit the response exactly (zero residual sum of
    /// squares, e.g. a constant outcome): no variance to partition.
    case degenerateResponse

    public var description: String {
        switch self {
        case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
        case .nonFiniteValue(let what): return "non-finite value in \(what)"
        case .tooFewGroups(let count): return "a random-intercept model needs at least 2 groups (got \(count))"
        case .groupsNotFewerThanObservations(let groups, let observations):
            return "number of groups (\(groups)) must be smaller than the number of observations (\(observations))"
        case .emptyDesign: return "the fixed-effects design needs at least one column and more rows than columns"
        case .singularDesign(let rank, let columns, let aliased):
            return "singular fixed-effects design: rank \(rank) with \(columns) columns (aliased: \(aliased))"
        case .degenerateResponse: return "the fixed effects fit the response exactly; the variance components are not defined"
        }
    }
}
