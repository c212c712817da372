/// What `evalrun impact` estimates (METHODS §9 *Impact against a matched comparison group*).
public struct ImpactOptions: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        /// 1:1 nearest neighbour on the propensity score, without replacement, within the caliper.
        case nearest
        /// Everyone, the comparison people weighted by the odds of their score (ATT weights).
        case weighting
    }

    /// The matching covariates, as attribute names (`age`, `sex`, `sesso`, an extra column).
    public var covariates: [String]
    /// The horizon of the outcome, 6 or 12 months.
    public var horizonMonths: Int
    public var method: Method
    /// The caliper in standard deviations of the score; `nil`: none.
    public var caliper: Double?

    public init(covariates: [String], horizonMonths: Int = 12, method: Method = .nearest, caliper: Double? = 0.2) {
        self.covariates = covariates
        self.horizonMonths = horizonMonths
        self.method = method
        self.caliper = caliper
    }

    /// The horizons the contract defines.
    public static let horizons = [6, 12]
}

/// Why an impact estimate cannot be made at all.
public enum ImpactError: Error, Equatable, CustomStringConvertible {
    case noComparisonGroup
    case noCovariates
    case unknownCovariate(String, side: String, known: [String])
    case covariateMissingForEveryone(String)
    case unsupportedHorizon(Int)
    case tooFewObserved(treated: Int, controls: Int, months: Int)
    case scoreNotEstimable(String)

    public var description: String {
        switch self {
        case .noComparisonGroup:
            return
                "the database holds no comparison group: import comparison.csv (confronto) and comparison_outcomes.csv (esiti_confronto) first"
        case .noCovariates:
            return "give the covariates to match on with --match (e.g. --match age,sex,education)"
        case .unknownCovariate(let name, let side, let known):
            return "'\(name)' is not a column of the \(side) (known: \(known.joined(separator: ", ")))"
        case .covariateMissingForEveryone(let name):
            return "'\(name)' is blank for everyone on one side: it cannot be matched on"
        case .unsupportedHorizon(let months):
            return "--horizon \(months) is not a horizon evalrun estimates (6 or 12)"
        case .tooFewObserved(let treated, let controls, let months):
            return
                "too few people observed \(months) months after their reference date to compare (\(treated) participants, \(controls) comparison people; at least 2 on each side)"
        case .scoreNotEstimable(let why):
            return "the propensity score cannot be estimated: \(why)"
        }
    }
}
