import EvaluationDomain

/// One job: an employment event from its start to its end (`nil`: still going on at
/// the observation end), METHODS §9 *Jobs that last*.
public struct JobSpell: Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate?
    public var type: OutcomeType

    /// A recorded end before the start is read as a one-day job (`check` flags it).
    public init(start: CalendarDate, end: CalendarDate?, type: OutcomeType) {
        self.start = start
        self.end = end.map { max($0, start) }
        self.type = type
    }

    /// The outcome types that are jobs: a traineeship, a fixed-term or permanent
    /// contract, self-employment (not training, not other).
    public static let employmentTypes: Set<OutcomeType> = [.traineeship, .fixedTerm, .permanent, .selfEmployment]
}

/// A period in work: one or more jobs of a person, merged where they overlap, touch
/// or are at most `gap_days` apart. `end` is `nil` while the last job goes on.
public struct WorkPeriod: Sendable, Equatable {
    public var start: CalendarDate
    public var end: CalendarDate?

    /// Whether the person is in work on day `d` (both ends inclusive; an ongoing
    /// period covers every day from its start).
    public func covers(_ d: CalendarDate) -> Bool {
        start <= d && end.map { d <= $0 } ?? true
    }

    /// Merges spells into periods in work (METHODS §9 *Jobs that last*): in start
    /// order (an ended job before an ongoing one starting the same day), the next job
    /// joins the current period when it starts at most `gapDays` after the period's
    /// end, or whenever the period is still going on; the period's end is then the
    /// later of the two ends.
    public static func merge(_ spells: [JobSpell], gapDays: Int) -> [WorkPeriod] {
        let ordered = spells.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            switch (a.end, b.end) {
            case (let x?, let y?): return x < y
            case (.some, nil): return true
            default: return false
            }
        }
        var periods: [WorkPeriod] = []
        for spell in ordered {
            if var current = periods.last, current.end.map({ $0.days(to: spell.start) <= gapDays }) ?? true {
                if let a = current.end, let b = spell.end { current.end = max(a, b) } else { current.end = nil }
                periods[periods.count - 1] = current
            } else {
                periods.append(WorkPeriod(start: spell.start, end: spell.end))
            }
        }
        return periods
    }
}
