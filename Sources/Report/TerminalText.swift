import EvaluationDomain

/// What `report`, `compare`, `impact` and `check` say on the terminal, in the language of the report
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

    /// The checks `check` runs, in the order they run.
    public var checksRun: [String] {
        ["meetings", "attendance", "outcomes", "questionnaires", "blank_items", "services"].map { language.text("terminal.check.\($0)") }
    }
    public var checksRunHeading: String { language.text("terminal.check.heading") }
    /// `check`'s closing line: how many errors, warnings and lines, and where every finding went.
    public func checkSummary(errors: Int, warnings: Int, lines: Int, csv: String?) -> String {
        language.text("terminal.check.summary", errors, warnings, lines)
            + (csv.map { language.text("terminal.check.csv", $0) } ?? "")
    }
    /// The line after the findings a report prints first.
    public func consistencySummary(errors: Int, warnings: Int) -> String {
        language.text("terminal.check.consistency", errors, warnings)
    }
    public func moreFindings(_ n: Int) -> String { language.text("terminal.check.more", n) }
}
