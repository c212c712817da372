/// A caveat attached to a statistical result: the number is computed, but the
/// reader must be told something about it (separation, a boundary fit, too few
/// clusters, …). Numerical failure is thrown instead; a caveat never is.
public struct Diagnostic: Sendable, Equatable {
    /// What kind of caveat this is.
    public enum Kind: Sendable, Equatable {
        case separation, nonConvergence, fewClusters, singularDesign, boundary, monotoneLikelihood,
            tiesApproximated, other
    }

    /// What kind of caveat this is.
    public let kind: Kind
    /// One sentence for the report, in English.
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
