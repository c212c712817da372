/// Why a resampling procedure cannot run on the data it was given.
public enum ResamplingError: Error, Equatable, CustomStringConvertible {
    /// Lengths of values, group indices or per-group labels disagree, or a
    /// group index is outside `0..<groupCount`.
    case dimensionMismatch(String)
    /// A value is NaN or infinite.
    case nonFiniteValue
    /// A group has no observation (its mean, and the level's, would be undefined).
    case emptyGroup(Int)
    /// Both levels need at least one group.
    case singleLevel
    /// Too few sampling units to resample (fewer than 2).
    case tooFewUnits(Int)
    /// The statistic is not finite on the original sample.
    case nonFiniteStatistic
    /// The bias correction or acceleration of a BCa interval is not finite
    /// (e.g. every replicate below, or above, the estimate).
    case undefinedBCa(String)
    /// The model under the null hypothesis cannot be estimated (a restricted
    /// fit that is separated or does not converge), so there is nothing to resample.
    case nullModelNotEstimable(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
        case .nonFiniteValue: return "values must be finite"
        case .emptyGroup(let g): return "group \(g) has no observation"
        case .singleLevel: return "both levels need at least one group"
        case .tooFewUnits(let n): return "at least 2 sampling units are needed (got \(n))"
        case .nonFiniteStatistic: return "the statistic is not finite on the original sample"
        case .undefinedBCa(let why): return "BCa interval undefined: \(why)"
        case .nullModelNotEstimable(let why): return "the model under the null hypothesis cannot be estimated: \(why)"
        }
    }
}
