import EvaluationDomain
import Foundation
import GRDB
import Ingest

extension EvaluationStore {
    /// Imports one file in one transaction: all or nothing (METHODS §3).
    ///
    /// - Parameters:
    ///   - options: how to import (e.g. pseudonymise participant codes).
    ///   - dryRun: check and count everything, then roll back.
    ///   - progress: called with the number of records read so far (every few thousand).
    /// - Throws: `ImportError` listing every problem (up to the limit) when any
    ///   row is invalid; `CSVError` for a malformed file. The database is then unchanged.
    public func importFile(
        _ request: ImportRequest, configuration: ProjectConfiguration, options: ImportOptions = ImportOptions(),
        dryRun: Bool = false,
        today: CalendarDate = .today, now: Date = Date(), progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> ImportSummary {
        let source = try CSVSource.open(path: request.path, kind: request.kind, limits: options.limits)
        return try write(commit: !dryRun, checkedReferences: true) { db in
            var importer = FileImporter(
                db: db, configuration: configuration, options: options, today: today, now: now, progress: progress)
            var summary = try importer.run(request, source: source)
            summary.dryRun = dryRun
            try importer.record(summary, dryRun: dryRun)
            if !dryRun { options.willCommit?() }
            return summary
        }
    }

    /// Imports several files in dependency order in ONE transaction: if any
    /// file is rejected, nothing from any of them is kept.
    public func importFiles(
        _ requests: [ImportRequest], configuration: ProjectConfiguration, options: ImportOptions = ImportOptions(),
        dryRun: Bool = false,
        today: CalendarDate = .today, now: Date = Date(), progress: (@Sendable (String, Int) -> Void)? = nil
    ) throws -> [ImportSummary] {
        let ordered = requests.sorted { ($0.kind, $0.path) < ($1.kind, $1.path) }
        let sources = try ordered.map { try CSVSource.open(path: $0.path, kind: $0.kind, limits: options.limits) }
        return try write(commit: !dryRun, checkedReferences: true) { db in
            var summaries: [ImportSummary] = []
            for (request, source) in zip(ordered, sources) {
                let name = source.displayName
                var importer = FileImporter(
                    db: db, configuration: configuration, options: options, today: today, now: now,
                    progress: progress.map { report in { @Sendable count in report(name, count) } })
                var summary = try importer.run(request, source: source)
                summary.dryRun = dryRun
                try importer.record(summary, dryRun: dryRun)
                summaries.append(summary)
            }
            if !dryRun { options.willCommit?() }
            return summaries
        }
    }

    /// The import batches recorded so far, oldest first (provenance for reports).
    public func importHistory() throws -> [ImportRecord] {
        try read { db in try Self.imports(db) }
    }

    static func imports(_ db: Database) throws -> [ImportRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM imports ORDER BY id").map { row in
            ImportRecord(
                kind: FileKind(rawValue: row["kind"]) ?? .groups, file: row["file_name"], sha256: row["sha256"],
                rows: row["rows"], dialect: row["dialect"], importedAt: row["imported_at"],
                inserted: row["inserted"], updated: row["updated"], unchanged: row["unchanged"])
        }
    }
}

/// One recorded import batch.
public struct ImportRecord: Sendable, Equatable, Codable {
    public var kind: FileKind
    public var file: String
    public var sha256: String
    public var rows: Int
    public var dialect: String
    /// UTC timestamp, ISO 8601.
    public var importedAt: String
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
}
