import EvaluationDomain

/// One decoded row of `services.csv`: an individual service received.
public struct ServiceRow: Sendable, Equatable {
    public var line: Int
    public var participantCode: String
    public var service: String
    public var date: CalendarDate
    public var hours: Double?
    public var provider: String?
    public var amount: Double?
}
