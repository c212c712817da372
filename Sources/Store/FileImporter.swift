import EvaluationDomain
import Foundation
import GRDB
import Ingest

/// Imports one file inside an open transaction: decodes every record, resolves
/// references to groups, participants and meetings, stages the rows, rejects
/// the file if anything is wrong (every problem listed, up to a limit), and
/// otherwise merges the rows by natural key.
struct FileImporter {
    let db: Database
    let configuration: ProjectConfiguration
    let today: CalendarDate
    /// The import time recorded for provenance.
    let now: Date
    let progress: (@Sendable (Int) -> Void)?
    let options: ImportOptions
    /// A participant code as stored: itself, or its pseudonym.
    let pseudonym: @Sendable (String) -> String
    var problems = ProblemList(limit: CSVLimits().maxProblems)
    /// Phase timings (`EVALRUN_TRACE=1`).
    var trace = PhaseTrace()

    init(
        db: Database, configuration: ProjectConfiguration, options: ImportOptions = ImportOptions(), today: CalendarDate,
        now: Date, progress: (@Sendable (Int) -> Void)?
    ) {
        self.db = db
        self.now = now
        self.configuration = configuration
        self.options = options
        self.today = today
        self.progress = progress
        problems = ProblemList(limit: options.limits.maxProblems)
        if let pseudonymizer = options.pseudonymizer {
            pseudonym = { pseudonymizer.pseudonym($0) }
        } else {
            pseudonym = { $0 }
        }
    }

    mutating func run(_ request: ImportRequest, source: CSVSource) throws -> ImportSummary {
        try checkParticipantCodes(request.kind, file: source.displayName)
        let context = DecoderContext(
            file: source.displayName, header: source.header, headerLine: source.headerLine,
            dialect: source.dialect, configuration: configuration, today: today)
        let counts: Counts
        switch request.kind {
        case .groups: counts = try importGroups(source, context)
        case .participants: counts = try importParticipants(source, context)
        case .sessions: counts = try importSessions(source, context)
        case .attendance:
            let mapping = configuration.columnMappings[.attendance] ?? [:]
            let wide = request.wide ?? WideAttendanceRowDecoder.looksWide(header: source.header, mapping: mapping)
            counts = try importAttendance(source, context, wide: wide)
        case .questionnaires: counts = try importQuestionnaires(source, context)
        case .services: counts = try importServices(source, context)
        case .outcomes: counts = try importOutcomes(source, context)
        case .comparison: counts = try importComparisonPeople(source, context)
        case .comparisonOutcomes: counts = try importComparisonOutcomes(source, context)
        }
        return ImportSummary(
            kind: request.kind, file: source.displayName, sha256: source.sha256, rows: counts.records,
            dialect: source.dialect.description, inserted: counts.inserted, updated: counts.updated,
            unchanged: counts.unchanged, warnings: problems.warnings, dryRun: false)
    }

    /// Records the batch in `imports` (provenance), unless nothing changed.
    func record(_ summary: ImportSummary, dryRun: Bool) throws {
        guard !dryRun, !summary.isNoOp else { return }
        try db.execute(
            sql: """
                INSERT INTO imports (kind, file_name, sha256, rows, dialect, imported_at, inserted, updated, unchanged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                summary.kind.rawValue, summary.file, summary.sha256, summary.rows, summary.dialect,
                ISO8601DateFormatter().string(from: now), summary.inserted, summary.updated, summary.unchanged,
            ])
    }

    /// Refuses to mix pseudonymised and plain participant codes in one database, or
    /// two pseudonymisation keys; records the pseudonymisation at the first import
    /// that stores or looks up participant codes (groups and sessions hold none).
    func checkParticipantCodes(_ kind: FileKind, file: String) throws {
        guard kind != .groups && kind != .sessions else { return }
        let wanted = options.pseudonymizer?.recordedMode ?? "plain"
        var recorded = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE name = 'participant_codes'")
        if recorded == nil, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM participants)") == true {
            recorded = "plain"  // a database from before the setting existed
        }
        guard let recorded else {
            // Plain codes need no record: participants without one are plain.
            if options.pseudonymizer != nil {
                try db.execute(sql: "INSERT INTO settings (name, value) VALUES ('participant_codes', ?)", arguments: [wanted])
            }
            return
        }
        guard recorded != wanted else { return }
        let problem: Problem
        if recorded == "plain" {
            problem = Problem(
                file: file, line: 0,
                reason: "this database holds participant codes as written; a pseudonymised import would mix them with pseudonyms",
                hint: "pseudonymise into a new database (evalrun init --db NEW), importing every file with --pseudonymise")
        } else if wanted == "plain" {
            problem = Problem(
                file: file, line: 0,
                reason: "this database holds pseudonymised participant codes; a plain import would mix codes as written with pseudonyms",
                hint:
                    "import with --pseudonymise and the key the database was made with (--key-file or \(Pseudonymizer.environmentVariable))"
            )
        } else {
            problem = Problem(
                file: file, line: 0,
                reason: "the pseudonymisation key is not the one this database was made with (\(wanted) here, \(recorded) there)",
                hint: "use the same key file or \(Pseudonymizer.environmentVariable) as for the earlier imports")
        }
        var problems = ProblemList()
        problems.append(problem)
        throw ImportError(file: file, problems: problems)
    }

    struct Counts {
        var records = 0
        var inserted = 0
        var updated = 0
        var unchanged = 0
    }

    // MARK: Streaming

    /// Streams the records of `source` through `decoder` (read and decoded on a second
    /// thread, `DecodedBatches`) into `handle`, in file order; header problems stop the
    /// import before any record is read. Problems come out in the order one thread
    /// would find them: the file's structure first, then per record its values' and
    /// its rows'.
    mutating func stream<D: RowDecoder>(
        _ source: CSVSource, _ decoder: D, _ handle: (D.Row, inout ProblemList) throws -> Void
    ) throws -> Int where D.Row: Sendable {
        try throwIfErrors(source.displayName)
        trace.start()
        var local = problems
        let progress = self.progress
        let batches = DecodedBatches<D.Row>.reading(source, decoder, problemLimit: problems.limit)
        var records = 0
        do {
            while let batch = batches.take() {
                var start = 0
                var next = 0
                for (record, end) in batch.recordEnds.enumerated() {
                    records += 1
                    if records % 16_384 == 0 { progress?(records) }
                    while next < batch.problems.count && batch.problems[next].record == record {
                        local.append(contentsOf: batch.problems[next].list)
                        next += 1
                    }
                    for row in batch.rows[start..<end] { try handle(row, &local) }
                    start = end
                }
            }
        } catch {
            _ = batches.cancel()
            throw error
        }
        let read = batches.finished
        if let failure = read.failure { throw failure }
        progress?(records)
        trace.mark("\(source.displayName): read and staged \(records) records")
        problems = read.structural
        problems.append(contentsOf: local)
        return records
    }

    /// Throws the collected problems as an `ImportError` if any is an error.
    func throwIfErrors(_ file: String) throws {
        if problems.hasErrors { throw ImportError(file: file, problems: problems) }
    }

    /// Records a file's in-file repeats: an error for each key given again with
    /// different values, one warning for the rows that repeat an earlier row exactly.
    mutating func reportRepeats(
        file: String, keys: [String], what: ([String]) -> String, conflicts: [(key: [String], first: Int, second: Int)],
        exactCount: Int, exactFirst: (first: Int, second: Int)?
    ) {
        for conflict in conflicts {
            problems.append(
                Problem(
                    file: file, line: conflict.second, value: conflict.key.first,
                    reason: "\(what(conflict.key)) is given again with different values (first on line \(conflict.first))",
                    hint: "keep one row per \(keys.joined(separator: " + ").replacingOccurrences(of: "_ref", with: ""))"))
        }
        if exactCount > 0, let first = exactFirst {
            problems.append(
                Problem(
                    .warning, file: file, line: first.second,
                    reason:
                        "\(exactCount) row(s) repeat an earlier row exactly and were read once (first: line \(first.second) repeats line \(first.first))"
                ))
        }
    }

    /// Checks the stage for in-file duplicates, then merges it; returns counts.
    ///
    /// `what` names a staged row from its natural key's values (codes, not ids).
    mutating func finish(_ stage: StageTable, file: String, what: ([String]) -> String) throws -> Counts {
        let duplicates = try stage.duplicates(db: db, limit: problems.limit)
        try reportRepeats(
            file: file, keys: stage.keys, what: what,
            conflicts: duplicates.conflicts.map { pair in (try stage.keyValues(db: db, line: pair.first), pair.first, pair.second) },
            exactCount: duplicates.exactCount, exactFirst: duplicates.exactRepeats.first)
        try throwIfErrors(file)
        trace.mark("\(file): checked in-file duplicates")
        let counts = try stage.merge(db: db)
        trace.mark("\(file): merged into \(stage.target)")
        return Counts(records: 0, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged)
    }

    /// Reports the in-file repeats of a file written straight into its table,
    /// throws if anything is wrong, and returns the counts.
    ///
    /// `what` names a row from its natural key's values (codes, not ids).
    mutating func finish(_ writer: KeyedWriter, file: String, what: ([String]) -> String) throws -> Counts {
        let duplicates = writer.duplicates(limit: problems.limit)
        try reportRepeats(
            file: file, keys: writer.keys, what: what,
            conflicts: duplicates.conflicts.map { conflict in (try writer.describe(conflict.key), conflict.first, conflict.second) },
            exactCount: duplicates.exactCount, exactFirst: duplicates.exactFirst)
        try throwIfErrors(file)
        trace.mark("\(file): checked in-file duplicates")
        let counts = try writer.counts()
        trace.mark("\(file): merged into \(writer.target)")
        return Counts(records: 0, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged)
    }

    // MARK: Reference maps

    func codeMap(_ table: String) throws -> CodeIndex {
        var pairs: [(code: String, id: Int64)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT code, id FROM \(table)")
        while let row = try rows.next() { pairs.append((row[0], row[1])) }
        return CodeIndex(pairs)
    }

    mutating func unknown(_ what: String, _ code: String, line: Int, column: Int?, columnName: String, file: String, hint: String) {
        problems.append(
            Problem(
                file: file, line: line, column: column, columnName: columnName, value: code,
                reason: "\(what) '\(code)' is not in the database", hint: hint))
    }
}

extension KeyedWriter.Value {
    static func of(_ s: String?) -> Self { s.map { .text($0) } ?? .null }
    static func of(_ d: CalendarDate?) -> Self { d.map { .text($0.iso8601) } ?? .null }
    static func of(_ i: Int?) -> Self { i.map { .integer(Int64($0)) } ?? .null }
    static func of(_ x: Double?) -> Self { x.map { .real($0) } ?? .null }
    static func of(_ b: Bool) -> Self { .integer(b ? 1 : 0) }
}
