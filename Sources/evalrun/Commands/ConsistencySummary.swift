import Evaluation

/// The cross-file checks run before every report (METHODS §3), summarised on stderr.
enum ConsistencySummary {
    static let shown = 10

    static func print(_ check: ConsistencyCheck, quiet: Bool) {
        guard !check.problems.isEmpty else { return }
        let errors = check.problems.filter { $0.severity == .error }
        for problem in (errors + check.problems.filter { $0.severity == .warning }).prefix(shown) {
            Terminal.note(problem.description, quiet: quiet && problem.severity == .warning)
        }
        if check.problems.count > shown {
            Terminal.note("… and \(check.problems.count - shown) more (see `evalrun check`)", quiet: quiet)
        }
        Terminal.note("consistency checks: \(check.errorCount) error(s), \(check.warningCount) warning(s)", quiet: quiet && errors.isEmpty)
    }
}
