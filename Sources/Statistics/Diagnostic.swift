/// A caveat attached to a statistical result: the number was computed, but a
/// reader must be told something about it (or the caller should replace it by
/// `null` with a warning).
///
/// Numerical failure is an error and is thrown; a `Diagnostic` is for what is
/// not a failure of arithmetic: separation in a logistic fit, a fit that did
/// not converge, too few clusters for a cluster-robust variance, a boundary
/// estimate, tied event times handled by an approximation.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// What kind of caveat this is, for callers that act on it.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Complete or quasi-complete separation: a maximum-likelihood
        /// estimate does not exist (fitted probabilities numerically 0 or 1).
        case separation
        /// An iterative fit stopped at its iteration limit without meeting its
        /// convergence criterion.
        case nonConvergence
        /// Too few clusters for a cluster-robust variance to be trusted (or
        /// defined).
        case fewClusters
        /// The design is singular or nearly so.
        case singularDesign
        /// An estimate lies on the boundary of the parameter space (e.g. a
        /// variance component of zero).
        case boundary
        /// The likelihood keeps increasing as a coefficient grows without bound.
        case monotoneLikelihood
        /// Ties were handled by an approximation (e.g. Efron or Breslow).
        case tiesApproximated
        /// Anything else worth printing beside the number.
        case other
    }

    /// The kind of caveat.
    public let kind: Kind
    /// A sentence a report can print as is (English).
    public let message: String
    /// Which sentence it is, for a report that words it in another language: by
    /// default the kind's name; its own name where one kind has several sentences.
    public let code: String
    /// The values in the sentence, in order (for the other language's wording).
    public let arguments: [String]

    public init(_ kind: Kind, _ message: String, code: String? = nil, arguments: [String] = []) {
        self.kind = kind
        self.message = message
        self.code = code ?? kind.rawValue
        self.arguments = arguments
    }

    public init(kind: Kind, message: String, code: String? = nil, arguments: [String] = []) {
        self.init(kind, message, code: code, arguments: arguments)
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
