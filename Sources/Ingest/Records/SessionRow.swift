import EvaluationDomain

/// One decoded row of `sessions.csv`: a meeting held, or cancelled (`held = false`).
public struct SessionRow: Sendable, Equatable {
    public var line: Int
    public var groupCode: String
    public var sessionNo: Int
    public var date: CalendarDate?
    public var held: Bool
}
