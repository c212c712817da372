import EvaluationDomain

/// One decoded row of `questionnaires.csv`.
public struct QuestionnaireRow: Sendable, Equatable {
    public var line: Int
    public var participantCode: String
    /// The instrument's id as declared (canonical case).
    public var instrument: String
    public var wave: Wave
    public var completedOn: CalendarDate?
    /// Item values in item order, `nil` where blank; empty when pre-scored only.
    public var items: [Double?]
    /// A pre-scored `score` column.
    public var score: Double?
}
