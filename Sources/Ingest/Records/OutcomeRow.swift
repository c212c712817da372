import EvaluationDomain

/// One decoded row of `outcomes.csv`: a job or training event.
public struct OutcomeRow: Sendable, Equatable {
    public var line: Int
    public var participantCode: String
    public var eventDate: CalendarDate
    public var outcome: OutcomeType
    public var source: String?
    public var endDate: CalendarDate?
}
