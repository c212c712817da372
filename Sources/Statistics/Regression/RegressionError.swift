/// Why a regression could not be fitted or a covariance not computed.
///
/// A singular design is reported as `LinearAlgebraError.singular` (thrown by
/// the factorization); these are the failures specific to regression input.
public enum RegressionError: Error, Equatable, CustomStringConvertible {
    /// The response, design, or cluster labels do not have one entry per observation.
    case lengthMismatch(String)
    /// There are no observations, or fewer than the model has coefficients.
    case tooFewObservations(observations: Int, parameters: Int)
    /// A value is NaN or infinite.
    case nonFiniteValue(String)
    /// A binary response has a value outside [0, 1].
    case responseOutOfRange(index: Int, value: Double)
    /// A cluster-robust variance needs at least two clusters.
    case tooFewClusters(Int)
    /// CR2 for a logistic fit decomposes an n_g × n_g matrix per cluster;
    /// this cluster is larger than the limit set for that.
    case clusterTooLarge(size: Int, limit: Int)

    public var description: String {
        switch self {
        case .lengthMismatch(let what):
            return "length mismatch: \(what)"
        case .tooFewObservations(let n, let p):
            return "\(n) observations for \(p) coefficients"
        case .nonFiniteValue(let what):
            return "non-finite value in \(what)"
        case .responseOutOfRange(let index, let value):
            return "response \(value) at observation \(index + 1) is outside [0, 1]"
        case .tooFewClusters(let count):
            return "cluster-robust variance needs at least 2 clusters, got \(count)"
        case .clusterTooLarge(let size, let limit):
            return
                "a cluster of \(size) observations is over the limit of \(limit) for CR2 of a logistic fit (it needs a \(size) × \(size) matrix)"
        }
    }
}
