import Evaluation

/// The cross-file checks run before every report (METHODS §3), summarised on stderr.
enum ConsistencySummary {
    static let shown = 10

    static func print(_ check: ConsistencyCheck, quiet: Bool, language: ReportLanguage = .en) {
        let text = TerminalText(language)
        guard !check.problems.isEmpty else { return }
        let errors = check.problems.filter { $0.severity == .error }
        for problem in (errors + check.problems.filter { $0.severity == .warning }).prefix(shown) {
            Terminal.note(problem.description, quiet: quiet && problem.severity == .warning)
        }
        if check.problems.count > shown {
            Terminal.note(text.moreFindings(check.problems.count - shown), quiet: quiet)
        }
        Terminal.note(text.consistencySummary(errors: check.errorCount, warnings: check.warningCount), quiet: quiet && errors.isEmpty)
    }
}
