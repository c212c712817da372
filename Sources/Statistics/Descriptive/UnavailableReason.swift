/// Why an estimate, a test or an interval could not be computed. Results carry
/// it beside the `nil` value so that a report can say why a cell is empty.
public enum UnavailableReason: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Fewer observations than the statistic needs.
    case tooFewObservations(required: Int, available: Int)
    /// No variation: the standard deviation (or standard error) is zero, or
    /// negligible beside the mean (R's "data are essentially constant").
    case constantData
    /// Every paired difference is zero (the Wilcoxon test has nothing to rank;
    /// R returns V = 0 with p = NA).
    case allDifferencesZero
    /// The effect is exactly zero, so an interval scaled by a ratio to it is undefined.
    case zeroEffect
    /// The requested confidence level is not in (0, 1).
    case invalidLevel(Double)
    /// A root search for an interval limit did not find a root.
    case noRoot

    public var description: String {
        switch self {
        case .tooFewObservations(let required, let available):
            "needs at least \(required) observations, has \(available)"
        case .constantData: "no variation in the data"
        case .allDifferencesZero: "all paired differences are zero"
        case .zeroEffect: "the effect is exactly zero"
        case .invalidLevel(let level): "confidence level \(level) is not in (0, 1)"
        case .noRoot: "the interval limit could not be found"
        }
    }
}
