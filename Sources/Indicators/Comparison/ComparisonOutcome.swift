import EvaluationDomain
import Statistics

/// The outcomes `compare` reports (METHODS §5, §6).
public enum ComparisonOutcomeKind: String, Sendable {
    case binary, continuous, survival
}

/// One outcome's data for a comparison: a value (or time and event) per
/// participant, with the participant's level and group.
struct OutcomeData {
    var name: String
    var kind: ComparisonOutcomeKind
    /// Participant indices, in code order.
    var participants: [Int]
    /// 0/1, a rate, or a change; for survival, days.
    var values: [Double]
    /// Survival only: whether the event (a job) was observed.
    var events: [Bool]
    /// The waves a wellbeing change goes between (`["baseline", "end"]`).
    var waves: [Wave]? = nil
    /// Group (cluster) index of each row.
    var groups: [Int] = []
    /// Level index of each row (0 = reference).
    var levels: [Int] = []
}

/// What `compare` says about one outcome.
public struct OutcomeComparison: Sendable {
    public struct LevelSummary: Sendable {
        public var level: String
        public var n: Int
        /// Proportion, mean, or Kaplan–Meier median days.
        public var estimate: Double?
        /// Participants of this level left out of the adjusted models for a missing covariate.
        public var droppedMissingCovariates: Int = 0
        /// Binary: the people with the outcome (the share's numerator); survival: the
        /// jobs observed; `nil` for continuous outcomes. A count of people, for the ledger.
        public var events: Int? = nil
    }

    public struct Difference: Sendable {
        public var level: String
        public var estimate: Double?
        public var ciLow: Double?
        public var ciHigh: Double?

        public init(level: String, estimate: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil) {
            self.level = level
            self.estimate = estimate
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }
    }

    public struct AdjustedTerm: Sendable {
        public var term: String
        public var model: AdjustedModel
        public var estimate: Double?
        public var seModel: Double?
        public var pModel: Double?
        public var seCR2: Double?
        public var dfCR2: Double?
        public var pCR2: Double?
        public var ciLowCR2: Double?
        public var ciHighCR2: Double?
        /// Cox only: the grouped (cluster-robust) standard error and its Wald p.
        public var seRobust: Double?
        public var pRobust: Double?
        public var ciLowRobust: Double?
        public var ciHighRobust: Double?
        /// Linear and logistic models' by-terms: the restricted wild cluster
        /// bootstrap (METHODS §5; the logistic model's by its score version, without an interval).
        public var wildBootstrap: WildClusterBootstrap.Result?

        /// A term with no values (not estimable, or withheld).
        public init(term: String, model: AdjustedModel) {
            self.term = term
            self.model = model
        }
    }

    /// A level's difference from the reference in reader units (METHODS §9 *Headline
    /// effects*): percentage points for a binary outcome, scale points for a continuous
    /// one, from the linear model of the outcome with CR2 by group and Satterthwaite df,
    /// beside the wild cluster bootstrap p and, where it applies, the randomization p.
    public struct Headline: Sendable {
        public var level: String
        public var estimate: Double?
        /// `percentage_points` or `points`.
        public var unit: String
        public var ciLow: Double?
        public var ciHigh: Double?
        public var df: Double?
        public var pCR2: Double?
        /// Holm's adjustment of `pCR2` over every headline contrast of the comparison.
        public var pHolm: Double?
        public var pWild: Double?
        public var pRandomization: Double?
        /// False when df < 4 or a compared level has fewer than 3 groups: the p-value and
        /// interval are kept in JSON but not printed or drawn.
        public var reliable: Bool

        public init(level: String, unit: String) {
            self.level = level
            self.unit = unit
            reliable = false
        }

        /// Satterthwaite df below which a CR2 p-value and interval are not reliable.
        public static let minimumDF = 4.0
        /// Groups a compared level needs for a reliable contrast.
        public static let minimumGroups = 3
    }

    public struct Randomization: Sendable {
        public var p: Double
        public var relabelings: Int
        public var exact: Bool
    }

    public struct MixedTerm: Sendable {
        public var term: String
        public var estimate: Double?
        public var se: Double?
        public var sdGroup: Double?
        public var sdResidual: Double?

        public init(term: String, estimate: Double? = nil, se: Double? = nil, sdGroup: Double? = nil, sdResidual: Double? = nil) {
            self.term = term
            self.estimate = estimate
            self.se = se
            self.sdGroup = sdGroup
            self.sdResidual = sdResidual
        }
    }

    public var outcome: String
    public var kind: ComparisonOutcomeKind
    public var levels: [LevelSummary]
    public var differences: [Difference]
    public var adjusted: [AdjustedTerm]
    public var adjustedWarning: ComparisonNote?
    public var randomization: Randomization?
    public var randomizationNote: ComparisonNote?
    public var icc: Double?
    public var mixed: [MixedTerm]?
    public var mixedWarning: ComparisonNote?
    /// Rows left out because a covariate was missing.
    public var droppedMissingCovariates: Int
    /// Groups with at least one observation of this outcome.
    public var clusters: Int
    public var warnings: [ComparisonNote]
    /// The waves of a wellbeing change (METHODS §5 "Caveats": each wellbeing outcome names its waves).
    public var waves: [Wave]? = nil
    /// Every warning of the outcome, each once (the mixed model repeats the adjusted
    /// model's reason when neither can be fitted).
    public var allWarnings: [ComparisonNote] {
        var seen = Set<String>()
        return (warnings + [adjustedWarning, mixedWarning].compactMap { $0 }).filter { seen.insert($0.english).inserted }
    }

    /// Binary and continuous outcomes: each non-reference level's headline effect.
    public var headline: [Headline] = []
}
