import EvaluationDomain

/// One decoded row of `participants.csv`.
public struct ParticipantRow: Sendable, Equatable {
    public var line: Int
    public var code: String
    public var groupCode: String
    public var enrolledOn: CalendarDate
    public var leftOn: CalendarDate?
    public var sex: String?
    public var birthYear: Int?
    public var education: String?
    public var statusAtEntry: String?
    public var referredBy: String?
    public var unemployedSince: CalendarDate?
    public var followedUpUntil: CalendarDate?
    /// Extra columns kept as attributes (blank values omitted).
    public var attributes: [String: String]
}
