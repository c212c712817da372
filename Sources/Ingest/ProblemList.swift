import EvaluationDomain

/// Collects the problems of one file up to a limit per severity and counts the rest,
/// so that a file with a million bad rows still produces a readable message.
///
/// Used by the CSV reader for structural problems and by the row decoders for values.
public struct ProblemList: Sendable, Equatable, CustomStringConvertible {
    /// How many problems of each severity are kept.
    public let limit: Int
    /// The errors kept, in the order they were found.
    public private(set) var errors: [Problem] = []
    /// The warnings kept, in the order they were found.
    public private(set) var warnings: [Problem] = []
    /// Every error found, kept or not.
    public private(set) var errorCount = 0
    /// Every warning found, kept or not.
    public private(set) var warningCount = 0

    /// Creates an empty list keeping at most `limit` errors and `limit` warnings.
    public init(limit: Int = CSVLimits().maxProblems) {
        self.limit = max(0, limit)
    }

    /// Records a problem: kept if fewer than `limit` of its severity are kept, else counted.
    public mutating func append(_ problem: Problem) {
        switch problem.severity {
        case .error:
            errorCount += 1
            if errors.count < limit { errors.append(problem) }
        case .warning:
            warningCount += 1
            if warnings.count < limit { warnings.append(problem) }
        }
    }

    /// Records every problem of `other` (counts of omitted problems included).
    public mutating func append(contentsOf other: ProblemList) {
        for problem in other.errors { append(problem) }
        for problem in other.warnings { append(problem) }
        let omittedErrors = other.errorCount - other.errors.count
        let omittedWarnings = other.warningCount - other.warnings.count
        errorCount += omittedErrors
        warningCount += omittedWarnings
    }

    /// Whether any error was found.
    public var hasErrors: Bool { errorCount > 0 }
    /// Whether nothing was found.
    public var isEmpty: Bool { errorCount == 0 && warningCount == 0 }
    /// Whether the list keeps no more errors (further errors are only counted).
    public var isFull: Bool { errors.count >= limit }
    /// How many problems were counted but not kept.
    public var omittedCount: Int { (errorCount - errors.count) + (warningCount - warnings.count) }

    /// One problem per line (errors, then warnings), then `… and N more` if some were omitted.
    public var description: String {
        var lines = errors.map(\.description) + warnings.map(\.description)
        let omitted = omittedCount
        if omitted > 0 {
            lines.append("… and \(omitted) more problem\(omitted == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n")
    }
}
