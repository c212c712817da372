import GRDB
import GRDBSQLite

/// A temporary table that holds one file's decoded rows before they are
/// checked as a whole (in-file duplicates) and merged into their target table
/// by natural key. Streaming rows into it keeps memory flat whatever the file
/// size; inserts use one prepared statement with raw binds.
struct StageTable {
    /// Target table, its natural-key columns and its value columns (the stage
    /// holds `line`, then keys, then values, with the same names).
    let target: String
    let keys: [String]
    let values: [String]
    let name: String
    /// Plain insert (the common case: a key not seen before in this file).
    private let insert: Statement
    /// The same row folded into an earlier one with its key (an in-file repeat).
    private let fold: Statement

    init(db: Database, target: String, keys: [String], values: [String]) throws {
        self.target = target
        self.keys = keys
        self.values = values
        name = "stage_\(target)"
        // Keyed by the natural key, so in-file repeats are folded at insert time:
        // `repeats` counts later rows with the same key, `conflicts` those whose
        // values differ from the first, `other_line` the last such line.
        let columns =
            (["line INTEGER NOT NULL"] + (keys + values).map { "\($0) ANY" }
            + ["repeats INTEGER NOT NULL DEFAULT 0", "conflicts INTEGER NOT NULL DEFAULT 0", "other_line INTEGER"])
            .joined(separator: ", ")
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.\(name);
                CREATE TEMP TABLE \(name) (\(columns), PRIMARY KEY (\(keys.joined(separator: ", ")))) WITHOUT ROWID
                """)
        let all = ["line"] + keys + values
        let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
        let differ = values.isEmpty ? "0" : "(" + values.map { "\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ") + ")"
        insert = try db.makeStatement(sql: "INSERT INTO temp.\(name) (\(all.joined(separator: ", "))) VALUES (\(placeholders))")
        fold = try db.makeStatement(
            sql: """
                INSERT INTO temp.\(name) (\(all.joined(separator: ", "))) VALUES (\(placeholders))
                ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET
                  repeats = repeats + 1, conflicts = conflicts + \(differ), other_line = excluded.line
                """)
    }

    /// One value to bind.
    typealias Value = KeyedWriter.Value

    /// Appends a row: its line, then key and value columns in declaration order.
    func append(line: Int, _ fields: [Value]) throws {
        try step { statement in
            sqlite3_bind_int64(statement, 1, Int64(line))
            for (offset, field) in fields.enumerated() {
                let index = Int32(offset + 2)
                switch field {
                case .integer(let v): sqlite3_bind_int64(statement, index, v)
                case .real(let v): sqlite3_bind_double(statement, index, v)
                case .null: sqlite3_bind_null(statement, index)
                case .text(let s):
                    _ = s.utf8CString.withUnsafeBufferPointer { p in
                        sqlite3_bind_text(statement, index, p.baseAddress, Int32(p.count - 1), SQLITE_TRANSIENT_STAGE)
                    }
                }
            }
        }
    }

    /// Appends a row of three integers and one integer value (the attendance
    /// hot path), without building an array.
    func append(line: Int, _ a: Int64, _ b: Int64, _ c: Int64, _ v: Int64) throws {
        try step { statement in
            sqlite3_bind_int64(statement, 1, Int64(line))
            sqlite3_bind_int64(statement, 2, a)
            sqlite3_bind_int64(statement, 3, b)
            sqlite3_bind_int64(statement, 4, c)
            sqlite3_bind_int64(statement, 5, v)
        }
    }

    /// Binds and runs the plain insert; when the key is already staged (an
    /// in-file repeat, rare) binds the same values to the folding upsert.
    private func step(_ bind: (OpaquePointer) -> Void) throws {
        let plain = insert.sqliteStatement
        sqlite3_reset(plain)
        bind(plain)
        var code = sqlite3_step(plain)
        if code & 0xFF == SQLITE_CONSTRAINT {  // extended codes: SQLITE_CONSTRAINT_PRIMARYKEY
            sqlite3_reset(plain)
            let upsert = fold.sqliteStatement
            sqlite3_reset(upsert)
            bind(upsert)
            code = sqlite3_step(upsert)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "staging insert failed")
        }
    }

    private var keyList: String { keys.joined(separator: ", ") }

    /// Natural keys given twice in the file: the first line and a later one,
    /// split into conflicts (different values) and exact repeats.
    func duplicates(db: Database, limit: Int) throws -> (
        conflicts: [(first: Int, second: Int)], exactRepeats: [(first: Int, second: Int)], exactCount: Int
    ) {
        var conflicts: [(Int, Int)] = []
        var repeats: [(Int, Int)] = []
        var exactCount = 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT line, other_line, repeats, conflicts FROM temp.\(name) WHERE repeats > 0 ORDER BY line")
        while let row = try rows.next() {
            let first: Int = row[0]
            let other: Int = row[1]
            let repeated: Int = row[2]
            let conflicting: Int = row[3]
            if conflicting > 0 {
                if conflicts.count < limit { conflicts.append((first, other)) }
            } else {
                exactCount += repeated
                if repeats.count < limit { repeats.append((first, other)) }
            }
        }
        return (conflicts, repeats, exactCount)
    }

    /// Merges the staged rows into the target by natural key (in key order, so
    /// the target's B-tree is filled sequentially; entities with a surrogate id
    /// are inserted in file order, so ids follow the file): new keys are
    /// inserted, changed rows updated, identical rows left untouched. Returns
    /// how many keys were new, changed and already identical.
    func merge(db: Database) throws -> (inserted: Int, updated: Int, unchanged: Int) {
        let all = keys + values
        let staged = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.\(name)") ?? 0
        let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(target)") ?? 0
        let assignments = values.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let onConflict =
            values.isEmpty
            ? "DO NOTHING"
            : "DO UPDATE SET \(assignments) WHERE \(values.map { "\(target).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))"
        try db.execute(
            sql: """
                INSERT INTO \(target) (\(all.joined(separator: ", ")))
                SELECT \(all.joined(separator: ", ")) FROM temp.\(name) WHERE true \(keys == ["code"] ? "ORDER BY line" : "")
                ON CONFLICT (\(keyList)) \(onConflict)
                """)
        let written = db.changesCount
        let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(target)") ?? 0
        let inserted = after - before
        return (inserted, written - inserted, staged - written)
    }

    /// The natural key of the staged row first given on `line`, as text, with
    /// `participant_ref` and `group_ref` shown as the codes they stand for.
    func keyValues(db: Database, line: Int) throws -> [String] {
        let columns = keys.map { key -> String in
            switch key {
            case "participant_ref": return "(SELECT code FROM participants WHERE id = s.participant_ref)"
            case "group_ref": return "(SELECT code FROM groups WHERE id = s.group_ref)"
            default: return "s.\(key)"
            }
        }
        let row = try Row.fetchOne(
            db, sql: "SELECT \(columns.joined(separator: ", ")) FROM temp.\(name) s WHERE s.line = ?", arguments: [line])
        return (0..<keys.count).map { index in
            guard let value = row?[index] as DatabaseValue? else { return "?" }
            switch value.storage {
            case .string(let text): return text
            case .int64(let n): return String(n)
            case .double(let x): return String(x)
            case .null, .blob: return "?"
            }
        }
    }

    /// Drops the stage.
    func drop(db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(name)")
    }
}

/// SQLite's "copy the text now" destructor marker.
let SQLITE_TRANSIENT_STAGE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
