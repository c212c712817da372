import EvaluationDomain

/// A CSV file that cannot be read at all (unreadable, empty, NUL bytes, a UTF-16 file,
/// a malformed header…), with every problem found.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems; at least one is an error.
    public var problems: ProblemList

    /// Wraps the problems found.
    public init(_ problems: ProblemList) {
        self.problems = problems
    }

    /// Wraps one problem.
    public init(_ problem: Problem) {
        var list = ProblemList()
        list.append(problem)
        self.problems = list
    }

    /// The problems, one per line.
    public var description: String { problems.description }
}
