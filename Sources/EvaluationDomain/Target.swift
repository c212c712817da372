/// A target the funder set for a key figure (`[targets]` in `evalrun.toml`,
/// METHODS §9 *Targets*): the figure's key, the value to reach and, for a target
/// of one period only (`[targets."2016"]`), that period's label.
public struct Target: Sendable, Equatable {
    public var indicator: String
    public var value: Double
    public var period: String?

    public init(indicator: String, value: Double, period: String? = nil) {
        self.indicator = indicator
        self.value = value
        self.period = period
    }

    /// The key figures a target may name (`summary.json`'s `cohort` and `period_activity`
    /// keys, the rates, the spend per person); `wellbeing_change.<INSTRUMENT>` besides.
    /// A cohort figure may also be written `cohort.<key>`.
    public static let indicators = [
        "enrolled", "attended_once", "meetings_held", "retained", "retention_rate", "reemployed", "reemployment_rate", "spend",
        "spend_per_reemployed", "spend_per_enrolled", "spend_per_retained", "period_activity.enrolled",
        "period_activity.attended_once", "period_activity.meetings_held", "period_activity.first_jobs", "period_activity.spend",
    ]

    /// The figure a name stands for: `cohort.enrolled` is `enrolled`.
    public static func figure(_ indicator: String) -> String {
        indicator.hasPrefix("cohort.") ? String(indicator.dropFirst("cohort.".count)) : indicator
    }

    /// The figure this target is for.
    public var figure: String { Self.figure(indicator) }

    /// Whether `indicator` names a figure a target can be set for.
    public static func isKnown(_ indicator: String) -> Bool {
        let name = figure(indicator)
        if name.hasPrefix("wellbeing_change.") { return name.count > "wellbeing_change.".count }
        return indicators.contains(name)
    }

    /// A target on a spend is met below it; every other one above it.
    public var lowerIsBetter: Bool { indicator.hasPrefix("spend") || indicator.contains(".spend") }

    /// Where the actual figure stands against its target.
    public enum Status: String, Sendable, Equatable {
        case met
        case notMet = "not_met"
        case uncertain
        case notObservable = "not_observable"
    }

    /// The status of an actual figure (METHODS §9 *Targets*): with an interval, `met`
    /// when the whole interval lies beyond the target on the better side (above it;
    /// below it for a cost), `not_met` when it lies wholly on the other side,
    /// `uncertain` when it contains the target; a figure without an interval (a count,
    /// a spend) is `met` when it reaches the target. No actual: `not_observable`.
    public static func status(actual: Double?, low: Double?, high: Double?, target: Double, lowerIsBetter: Bool) -> Status {
        guard let actual else { return .notObservable }
        guard let low, let high else {
            return (lowerIsBetter ? actual <= target : actual >= target) ? .met : .notMet
        }
        let (worse, better) = lowerIsBetter ? (-high, -low) : (low, high)
        let goal = lowerIsBetter ? -target : target
        if worse > goal { return .met }
        if better < goal { return .notMet }
        return .uncertain
    }
}

extension ProjectConfiguration {
    /// The targets that apply to a report of `period`: the general ones, each replaced
    /// by the period's own target of the same figure.
    public func targets(for period: Period) -> [Target] {
        let own = targets.filter { $0.period == period.label }
        let general = targets.filter { $0.period == nil && !own.map(\.indicator).contains($0.indicator) }
        return general + own
    }
}
