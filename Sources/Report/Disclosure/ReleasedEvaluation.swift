import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// A programme evaluation as it may be released to a funder: every count of
/// people, rate, interval and mean as a `Released` value decided by one
/// `DisclosureLedger`. The Markdown, HTML and CSV renderers, `summary.json`
/// and the figures read this, never the raw `ProgrammeEvaluation`.
public struct ReleasedEvaluation: Sendable {
    public var policy: Disclosure
    public var period: Period
    public var configuration: ProjectConfiguration
    public var imports: [ImportRecord]
    /// The indicators laid out as units (`ReportUnits.all`), as released: for a `--by`
    /// level, those that have by-level figures.
    public var units: [any ReleasedUnit] = []
    /// `report --by ATTR`.
    public var subgroups: ReleasedSubgroups?
    /// Findings of the cross-file checks by kind (counts of records, not of people: no participant is named).
    public var dataChecks: [DataCheckCount] = []
    /// The latest date recorded in the database (for the guardrail on a period after the data).
    public var latestDate: CalendarDate?
    /// The earliest date recorded (for the guardrail on a period before the data).
    public var earliestDate: CalendarDate?
    /// The counts this release showed and withheld, as the database records them (METHODS §9
    /// *Releases*); empty without disclosure control.
    public var releaseCells: [ReleaseCell] = []

    /// A release before any unit has released its figures.
    init(policy: Disclosure, evaluation e: ProgrammeEvaluation) {
        self.policy = policy
        period = e.period
        configuration = e.configuration
        imports = e.imports
    }

    /// The figures one unit released, if it is part of this release.
    func figures<Figures: ReleasedUnit>(_ type: Figures.Type) -> Figures? {
        units.lazy.compactMap { $0 as? Figures }.first
    }

    // The units' figures other units, the key figures and the tests read by name.

    /// Everyone enrolled by the period end (the cohort of the outcome figures).
    public var cohort: Released<Int> { figures(ReachUnit.Figures.self)?.cohort ?? .notComputable }
    public var reach: ReleasedReach? { figures(ReachUnit.Figures.self)?.reach }
    public var retention: ReleasedRetention? { figures(RetentionUnit.Figures.self)?.retention }
    public var retentionCurve: ReleasedCurve? { figures(RetentionUnit.Figures.self)?.curve }
    public var reemployment: ReleasedReemployment? { figures(ReemploymentUnit.Figures.self)?.reemployment }
    public var timeToJob: ReleasedTimeToJob? { figures(ReemploymentUnit.Figures.self)?.timeToJob }
    public var wellbeing: [ReleasedWellbeingChange] { figures(WellbeingUnit.Figures.self)?.changes ?? [] }
    public var instrumentQuality: [ReleasedInstrumentQuality] { figures(WellbeingUnit.Figures.self)?.quality ?? [] }
    /// The spend per person, as the cost unit released it.
    public var cost: ReleasedCost? { figures(CostUnit.Figures.self)?.cost }
    /// By quarter, when the period spans more than one (the trend unit's quarters).
    public var trend: [ReleasedTrendQuarter] { figures(TrendUnit.Figures.self)?.quarters ?? [] }
    /// A `--by` level's "in work 6 months after leaving" (the ESF+ indicator), which the
    /// whole programme's `jobs` unit gives at the top (same ledger keys).
    public var inWorkAfterLeaving: ReleasedRate? { figures(JobsUnit.LevelFigures.self)?.inWorkAfterLeaving }
}

/// How many findings one cross-file check made.
public struct DataCheckCount: Sendable, Equatable {
    public var kind: ConsistencyCheck.Kind
    public var severity: Problem.Severity
    public var count: Int
}

/// A rate with its numerator, denominator and Wilson 95% interval.
public struct ReleasedRate: Sendable, Equatable {
    public var numerator: Released<Int>
    public var denominator: Released<Int>
    public var value: Released<Double>
    public var low: Released<Double>
    public var high: Released<Double>
}

/// A 95% interval's two limits.
public struct ReleasedInterval: Sendable, Equatable {
    public var low: Released<Double>
    public var high: Released<Double>
}

/// A Kaplan–Meier curve: the table's rows, and the part of the curve a figure
/// may draw (while at least threshold people are at risk).
public struct ReleasedCurve: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var time: Double
        public var atRisk: Released<Int>
        public var survival: Released<Double>
        public var low: Released<Double>
        public var high: Released<Double>
    }

    public struct Step: Sendable, Equatable {
        public var time: Double
        public var survival: Double
        public var low: Double?
        public var high: Double?
    }

    public var rows: [Row]
    /// Steps drawn in a figure: time, S(t), band; only where every figure of the row is shown.
    public var drawn: [Step]
    /// Censoring marks within the drawn part.
    public var censoringTimes: [Double]
}

/// An estimate with its 95% interval.
public struct ReleasedEstimate: Sendable, Equatable {
    public var value: Released<Double>
    public var low: Released<Double>
    public var high: Released<Double>
}

public struct ReleasedCost: Sendable {
    public var currency: String
    public var total: Double
    public var declared: Bool
    public var enrolled: Released<Int>
    public var retained: Released<Int>
    public var reemployed: Released<Int>
    public var perEnrolled: Released<Double>
    public var perRetained: Released<Double>
    public var perReemployed: Released<Double>
    /// Without a budget, the total by service (`[c]` where fewer than the threshold were
    /// paid it), and the part dated in the period.
    public var byService: [(service: String, amount: Released<Double>)] = []
    public var inPeriod: Released<Double> = .notComputable
}

/// Every indicator by the levels of an attribute.
public struct ReleasedSubgroups: Sendable {
    public struct Level: Sendable {
        public var level: String
        public var evaluation: ReleasedEvaluation
    }

    public var attribute: String
    public var isGroupAttribute: Bool
    public var levels: [Level]
    /// Groups per level (a group attribute); groups are not people.
    public var groupsPerLevel: [Int] = []
    /// Other group attributes that nearly determine this one.
    public var confounders: [ComparisonCaveat] = []
}
