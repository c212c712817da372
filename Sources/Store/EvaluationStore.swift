import Foundation
import GRDB

/// The project database: SQLite in WAL mode with a busy timeout, so two runs
/// at once wait for each other instead of failing or corrupting anything.
public struct EvaluationStore: Sendable {
    let writer: any DatabaseWriter
    /// The database path (`:memory:` for an in-memory store).
    public let path: String

    /// How long a run waits for another one holding the database.
    public static let busyTimeout: TimeInterval = 60

    /// Opens (and migrates) the database at `path`, creating it with owner-only
    /// permissions when it does not exist.
    public static func open(path: String) throws -> EvaluationStore {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            let created = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            if !created { throw StoreError.cannotCreate(path) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer gets a 64 MiB page cache: large imports touch fewer pages on
            // disk, and memory stays bounded whatever the file size. Readers scan each
            // table once into a snapshot, where a cache only holds pages never read
            // again: SQLite's default 2 MiB keeps a report's peak memory down.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA temp.cache_size = -65536")
            }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
            return EvaluationStore(writer: pool, path: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(path, error.message ?? "\(error.resultCode)")
        }
    }

    /// An in-memory store (tests).
    public static func inMemory() throws -> EvaluationStore {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue)
        return EvaluationStore(writer: queue, path: ":memory:")
    }

    /// Runs `body` in one write transaction; rolls back when it throws or when
    /// `commit` is false (dry runs).
    ///
    /// With `checkedReferences`, the caller has resolved every group,
    /// participant and meeting reference itself (the importers do, to report
    /// them with their line), so SQLite's own foreign-key checks are switched
    /// off for the transaction: they would repeat the same lookups per row.
    ///
    /// A write that fails for want of space (a full disk, a file-size limit) is
    /// thrown as ``StoreError/cannotWrite(_:_:)``; the transaction is rolled back.
    func write<T>(commit: Bool = true, checkedReferences: Bool = false, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                if checkedReferences { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if checkedReferences { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return commit ? .commit : .rollback
                }
                guard let result else { throw StoreError.internal("transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(path, error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs `body` with read access.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// SQLite's own check of the file's structure: `["ok"]` when sound, else one
    /// line per problem found (`PRAGMA integrity_check`).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// A textual dump of every table, in a stable order (tests compare dumps
    /// before and after a rejected import).
    public func dump() throws -> String {
        try read { db in
            var out = ""
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                out += "## \(table)\n"
                let columns = try db.columns(in: table).indices.map { String($0 + 1) }.joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(columns)") {
                    out += row.description + "\n"
                }
            }
            return out
        }
    }
}

/// Store-level failures that are not about the input's content.
public enum StoreError: Error, CustomStringConvertible {
    case cannotCreate(String)
    case notInitialised(String)
    /// The database (or SQLite's temporary files) could not be written: a full disk,
    /// a file-size limit. Nothing was changed.
    case cannotWrite(String, String)
    case `internal`(String)
    /// A row the importer would never have written (changed by another program): table, which row, why.
    case unreadableRow(String, String, String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): return "cannot create the database at \(path)"
        case .notInitialised(let path): return "no evalrun database at \(path) (run `evalrun init` first)"
        case .cannotWrite(let path, let message):
            return
                "\(path): the database could not be written (\(message)); the disk may be full or a file-size limit reached. Nothing was changed"
        case .internal(let message): return "internal error: \(message)"
        case .unreadableRow(let table, let id, let reason):
            return
                "the database holds a row evalrun cannot read (table \(table), \(id): \(reason)); "
                + "was it changed by another program? Re-import the exports into a new database (evalrun init --db NEW)"
        }
    }
}
