import EvaluationDomain
import Ingest

/// What one file's import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var kind: FileKind
    public var file: String
    public var sha256: String
    /// Data records read from the file (a wide register counts its rows).
    public var rows: Int
    /// The detected dialect, in words.
    public var dialect: String
    /// Natural keys new to the database, changed, and already identical.
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    /// Warnings (exact repeated rows, ignored columns, …).
    public var warnings: [Problem]
    /// Whether the database was left untouched because nothing changed or it was a dry run.
    public var dryRun: Bool

    /// Whether the import changed nothing.
    public var isNoOp: Bool { inserted == 0 && updated == 0 }
}
