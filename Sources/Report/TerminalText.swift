import EvaluationDomain

/// What `report` and `compare` say on the terminal, in the language of the report
/// (`--lang`), from the catalogue like every other sentence.
public struct TerminalText: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    public func reportWritten(_ path: String) -> String { language.text("terminal.report_written", path) }
    public func comparisonWritten(_ path: String) -> String { language.text("terminal.comparison_written", path) }
    public func impactWritten(_ path: String) -> String { language.text("terminal.impact_written", path) }
    public func noPeriodGiven(_ latest: CalendarDate) -> String { language.text("terminal.no_period_given", latest.iso8601) }
    public func periodBeforeData(_ earliest: CalendarDate) -> String { language.text("terminal.period_before_data", earliest.iso8601) }
    public func periodAfterData(_ latest: CalendarDate) -> String { language.text("terminal.period_after_data", latest.iso8601) }
}
