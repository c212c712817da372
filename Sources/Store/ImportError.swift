import Ingest

/// A file rejected whole: nothing was imported (METHODS §3: all-or-nothing per file).
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: ProblemList

    public init(file: String, problems: ProblemList) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        "\(problems.description)\n\(file): nothing was imported from this file"
    }
}
