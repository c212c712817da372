/// Everything a report depends on besides the data, read from `evalrun.toml`
/// (METHODS §3 "Project configuration"). Every key is optional and defaults as
/// documented; the report records the values it used.
public struct ProjectConfiguration: Sendable, Equatable {
    /// Whether "retained" compares the attendance rate with `>` or `≥`.
    public var retentionThreshold: Double = 0.75
    public var retentionInclusive: Bool = false
    /// Counts below this are suppressed in funder outputs.
    public var suppressionThreshold: Int = 5
    /// 0: no rounding; else displayed counts are rounded to this base after suppression.
    public var suppressionRound: Int = 0
    /// Total programme cost (0: not declared) and its currency.
    public var budget: Double = 0
    public var currency: String = "EUR"
    /// Outcome types that count as re-employment.
    public var reemploymentEvents: [OutcomeType] = [.traineeship, .fixedTerm, .permanent, .selfEmployment]
    /// Which event gives a person's type in the breakdown.
    public var breakdown: Breakdown = .best
    /// Days after enrolment within which events count (0: no window).
    public var windowDays: Int = 0
    /// Instruments by upper-cased id: the built-ins, overridden or extended by the file.
    public var instruments: [String: Instrument] = Dictionary(
        uniqueKeysWithValues: BuiltinInstruments.all.map { ($0.id.uppercased(), $0) })
    /// Column renames per file kind: normalised source header → canonical name.
    public var columnMappings: [FileKind: [String: String]] = [:]
    /// Days between two jobs that still count as one period in work (`[jobs] gap_days`).
    public var jobGapDays: Int = 30
    /// Targets for the key figures, general or of one period (`[targets]`).
    public var targets: [Target] = []

    /// How a participant's re-employment type is chosen.
    public enum Breakdown: String, Sendable, Equatable { case best, first }

    public init() {}

    /// The instrument with this id (case-insensitive), if known.
    public func instrument(_ id: String) -> Instrument? {
        instruments[id.uppercased()]
    }
}
