import EvaluationDomain

/// Why a field's text cannot be read as a value (a date, a number…), without its place:
/// the caller knows the file, line and column and makes a ``Problem`` of it.
public struct FieldValueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, quoting the value, e.g. `'31/02/2016' is not a date: February 2016 has 29 days`.
    public var reason: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates an error.
    public init(reason: String, hint: String? = nil) {
        self.reason = reason
        self.hint = hint
    }

    /// The reason, then the hint in parentheses.
    public var description: String {
        hint.map { "\(reason) (\($0))" } ?? reason
    }

    /// The problem at a place in a file.
    public func problem(
        _ severity: Problem.Severity = .error, file: String, line: Int, column: Int? = nil, columnName: String? = nil,
        value: String? = nil
    ) -> Problem {
        Problem(
            severity, file: file, line: line, column: column, columnName: columnName, value: value, reason: reason,
            hint: hint)
    }
}
