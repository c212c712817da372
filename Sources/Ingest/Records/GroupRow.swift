import EvaluationDomain

/// One decoded row of `groups.csv`.
public struct GroupRow: Sendable, Equatable {
    public var line: Int
    public var code: String
    public var composition: Composition?
    public var programme: String?
    public var site: String?
    public var startDate: CalendarDate?
    public var plannedSessions: Int?
    public var facilitator: String?
    /// Extra columns kept as attributes (blank values omitted).
    public var attributes: [String: String]
}
