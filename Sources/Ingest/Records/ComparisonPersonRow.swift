import EvaluationDomain

/// One decoded row of `comparison.csv`: a person who did not take part.
public struct ComparisonPersonRow: Sendable, Equatable {
    public var line: Int
    public var code: String
    public var referenceDate: CalendarDate
    public var followedUpUntil: CalendarDate?
    public var sex: String?
    public var birthYear: Int?
    public var education: String?
    public var statusAtEntry: String?
    /// Extra columns kept as attributes (blank values omitted).
    public var attributes: [String: String]
}
