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
    /// Everyone enrolled by the period end (the cohort of the outcome figures).
    public var cohort: Released<Int>
    public var reach: ReleasedReach
    public var services: [ReleasedServiceUptake]
    /// Participants enrolled in the period by attribute: every level known in the database.
    public var makeUp: [ReleasedMakeUp]
    public var retention: ReleasedRetention
    public var retentionCurve: ReleasedCurve?
    public var reemployment: ReleasedReemployment
    public var timeToJob: ReleasedTimeToJob
    public var wellbeing: [ReleasedWellbeingChange]
    public var instrumentQuality: [ReleasedInstrumentQuality]
    /// The spend per person, as the cost unit released it.
    public var cost: ReleasedCost? { units.lazy.compactMap { ($0 as? CostUnit.Figures)?.cost }.first }
    /// `report --by ATTR`.
    public var subgroups: ReleasedSubgroups?
    /// By quarter, when the period spans more than one (the trend unit's quarters).
    public var trend: [ReleasedTrendQuarter] { units.lazy.compactMap { ($0 as? TrendUnit.Figures)?.quarters }.first ?? [] }
    /// Findings of the cross-file checks by kind (counts of records, not of people: no participant is named).
    public var dataChecks: [DataCheckCount] = []
    /// The latest date recorded in the database (for the guardrail on a period after the data).
    public var latestDate: CalendarDate?
    /// The earliest date recorded (for the guardrail on a period before the data).
    public var earliestDate: CalendarDate?
    /// The counts this release showed and withheld, as the database records them (METHODS §9
    /// *Releases*); empty without disclosure control.
    public var releaseCells: [ReleaseCell] = []
    /// The indicators laid out as units (`ReportUnits.all`), as released.
    public var units: [any ReleasedUnit] = []
    /// A `--by` level's "in work 6 months after leaving" (the ESF+ indicator), which the
    /// whole programme's `jobs` unit gives at the top (same ledger keys).
    public var inWorkAfterLeaving: ReleasedRate?
}

/// How many findings one cross-file check made.
public struct DataCheckCount: Sendable, Equatable {
    public var kind: ConsistencyCheck.Kind
    public var severity: Problem.Severity
    public var count: Int
}

public struct ReleasedTrendQuarter: Sendable, Equatable {
    public var period: Period
    public var cohort: Released<Int>
    public var retention: ReleasedRate
    public var reemployment: ReleasedRate
    /// `nil` for a quarter not yet recorded.
    public var meetingsHeld: Int?
    public var attendedOnce: Released<Int>
    /// Whether the quarter starts on or before the data cut-off (METHODS §9 *Data
    /// cut-off*): a quarter after it is "not yet recorded", never zeros.
    public var recorded: Bool = true

    /// The quarter with every figure marked not computable: nothing is recorded for it yet.
    var unrecorded: ReleasedTrendQuarter {
        let none = ReleasedRate(
            numerator: .notComputable, denominator: .notComputable, value: .notComputable, low: .notComputable, high: .notComputable)
        return ReleasedTrendQuarter(
            period: period, cohort: .notComputable, retention: none, reemployment: none, meetingsHeld: nil, attendedOnce: .notComputable,
            recorded: false)
    }
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

public struct ReleasedReach: Sendable, Equatable {
    /// Groups and meetings are not people: disclosure control does not apply to them.
    public var groups: Int
    public var meetingsHeld: Int
    public var enrolled: Released<Int>
    public var attendedOnce: Released<Int>
}

public struct ReleasedServiceUptake: Sendable, Equatable {
    public var service: String
    public var participants: Released<Int>
    public var sessions: Released<Int>
    public var hours: Released<Double>
}

public struct ReleasedMakeUp: Sendable, Equatable {
    public var attribute: String
    public var level: String
    public var n: Released<Int>
    public var denominator: Released<Int>
    public var share: Released<Double>
}

public struct ReleasedRetention: Sendable, Equatable {
    public var threshold: Double
    public var inclusive: Bool
    public var rate: ReleasedRate
    public var notStarted: Released<Int>
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

public struct ReleasedReemployment: Sendable, Equatable {
    public struct TypeCount: Sendable, Equatable {
        public var type: OutcomeType
        public var people: Released<Int>
        /// Share of everyone enrolled.
        public var share: Released<Double>
    }

    public var rate: ReleasedRate
    public var byType: [TypeCount]
    public var lostToFollowUp: Released<Int>
    public var rateUpperBound: Released<Double>
    /// The same over retained participants.
    public var retained: ReleasedRate
}

public struct ReleasedTimeToJob: Sendable, Equatable {
    public var medianDays: Released<Double>
    public var medianLow: Released<Double>
    public var medianHigh: Released<Double>
    /// 3, 6, 12 months → share employed (1 − S(t)) with its 95% interval.
    public var employedBy: [Int: ReleasedEstimate]
    public var curve: ReleasedCurve?
    public var monthsGroupEndToJob: ReleasedMonths
}

/// An estimate with its 95% interval.
public struct ReleasedEstimate: Sendable, Equatable {
    public var value: Released<Double>
    public var low: Released<Double>
    public var high: Released<Double>
}

/// Months from group end to job: min, median, max over `n` people.
public struct ReleasedMonths: Sendable, Equatable {
    public var n: Released<Int>
    public var min: Released<Double>
    public var median: Released<Double>
    public var max: Released<Double>
}

/// Counts improved / unchanged / deteriorated (reliable change or MID).
public struct ReleasedChangeCounts: Sendable, Equatable {
    public var improved: Released<Int>
    public var unchanged: Released<Int>
    public var deteriorated: Released<Int>
}

public struct ReleasedWellbeingChange: Sendable, Equatable {
    public struct Attrition: Sendable, Equatable {
        public var completers: Released<Int>
        public var dropouts: Released<Int>
        public var meanCompleters: Released<Double>
        public var meanDropouts: Released<Double>
        public var pWelch: Released<Double>
        public var dropoutsInRunningGroups: Released<Int>
    }

    public var instrument: Instrument
    public var wave: Wave
    public var pairs: Released<Int>
    public var meanBaseline: Released<Double>
    public var meanWave: Released<Double>
    /// 95% t intervals of the two wave means (for the figure).
    public var baselineInterval: ReleasedInterval
    public var waveInterval: ReleasedInterval
    public var meanChange: Released<Double>
    public var changeLow: Released<Double>
    public var changeHigh: Released<Double>
    public var pPairedT: Released<Double>
    public var pWilcoxon: Released<Double>
    public var cohenDz: Released<Double>
    public var cohenDzLow: Released<Double>
    public var cohenDzHigh: Released<Double>
    public var hedgesGav: Released<Double>
    public var hedgesGavLow: Released<Double>
    public var hedgesGavHigh: Released<Double>
    public var alphaBaseline: Released<Double>
    public var reliableChange: ReleasedChangeCounts?
    public var midChange: ReleasedChangeCounts?
    public var attrition: Attrition
    /// Questionnaires of this wave, and of the baseline, left out of scoring for blank items.
    public var leftOutBlankItems: Released<Int>
    public var leftOutBlankItemsBaseline: Released<Int>
}

public struct ReleasedInstrumentQuality: Sendable, Equatable {
    public var instrument: String
    public var wave: Wave
    public var n: Released<Int>
    public var alpha: Released<Double>
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
