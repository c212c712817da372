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
    private let insert: Statement

    init(db: Database, target: String, keys: [String], values: [String]) throws {
        self.target = target
        self.keys = keys
        self.values = values
        name = "stage_\(target)"
        let columns = (["line INTEGER NOT NULL"] + (keys + values).map { "\($0) ANY" }).joined(separator: ", ")
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(name); CREATE TEMP TABLE \(name) (\(columns))")
        let placeholders = Array(repeating: "?", count: 1 + keys.count + values.count).joined(separator: ", ")
        insert = try db.makeStatement(sql: "INSERT INTO temp.\(name) VALUES (\(placeholders))")
    }

    /// One value to bind.
    enum Value {
        case integer(Int64)
        case real(Double)
        case text(String)
        case null
    }

    /// Appends a row: its line, then key and value columns in declaration order.
    func append(line: Int, _ fields: [Value]) throws {
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
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
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "staging insert failed")
        }
    }

    /// Appends a row of three integers and one integer value (the attendance
    /// hot path), without building an array.
    func append(line: Int, _ a: Int64, _ b: Int64, _ c: Int64, _ v: Int64) throws {
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, Int64(line))
        sqlite3_bind_int64(statement, 2, a)
        sqlite3_bind_int64(statement, 3, b)
        sqlite3_bind_int64(statement, 4, c)
        sqlite3_bind_int64(statement, 5, v)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "staging insert failed")
        }
    }

    private var keyList: String { keys.joined(separator: ", ") }
    private func keyMatch(_ a: String, _ b: String) -> String {
        keys.map { "\(a).\($0) IS \(b).\($0)" }.joined(separator: " AND ")
    }
    private func valuesDiffer(_ a: String, _ b: String) -> String {
        values.isEmpty ? "0" : values.map { "\(a).\($0) IS NOT \(b).\($0)" }.joined(separator: " OR ")
    }

    /// Natural keys given twice in the file: the first two lines, and whether
    /// the rows differ (a conflict) or repeat each other exactly.
    func duplicates(db: Database, limit: Int) throws -> (conflicts: [(first: Int, second: Int)], exactRepeats: [(first: Int, second: Int)], exactCount: Int) {
        let valueCount = values.isEmpty ? "1" : "COUNT(DISTINCT \(values.map { "quote(\($0))" }.joined(separator: " || ',' || ")))"
        let rows = try Row.fetchAll(db, sql: """
            SELECT MIN(line) AS first, MAX(line) AS last, COUNT(*) AS n, \(valueCount) AS variants
            FROM temp.\(name) GROUP BY \(keyList) HAVING COUNT(*) > 1 ORDER BY first
            """)
        var conflicts: [(Int, Int)] = []
        var repeats: [(Int, Int)] = []
        var exactCount = 0
        for row in rows {
            let first: Int = row["first"]
            let last: Int = row["last"]
            let n: Int = row["n"]
            let variants: Int = row["variants"]
            if variants > 1 {
                if conflicts.count < limit { conflicts.append((first, last)) }
            } else {
                exactCount += n - 1
                if repeats.count < limit { repeats.append((first, last)) }
            }
        }
        return (conflicts, repeats, exactCount)
    }

    /// Counts of staged keys new to the target, present with other values, and
    /// present with the same values (after in-file exact repeats are merged).
    func changeCounts(db: Database, targetAlias: String = "t") throws -> (inserted: Int, updated: Int, unchanged: Int) {
        let distinct = "(SELECT * FROM temp.\(name) WHERE line IN (SELECT MIN(line) FROM temp.\(name) GROUP BY \(keyList)))"
        let row = try Row.fetchOne(db, sql: """
            SELECT
              SUM(CASE WHEN t.rowid_marker IS NULL THEN 1 ELSE 0 END) AS inserted,
              SUM(CASE WHEN t.rowid_marker IS NOT NULL AND (\(valuesDiffer("s", "t"))) THEN 1 ELSE 0 END) AS updated,
              SUM(CASE WHEN t.rowid_marker IS NOT NULL AND NOT (\(valuesDiffer("s", "t"))) THEN 1 ELSE 0 END) AS unchanged
            FROM \(distinct) s
            LEFT JOIN (SELECT 1 AS rowid_marker, \((keys + values).joined(separator: ", ")) FROM \(target)) t
              ON \(keyMatch("s", "t"))
            """)
        return (row?["inserted"] ?? 0, row?["updated"] ?? 0, row?["unchanged"] ?? 0)
    }

    /// Merges the staged rows into the target by natural key: new keys are
    /// inserted, changed rows updated, identical rows left untouched.
    func merge(db: Database, extraAssignments: [String: String] = [:]) throws {
        let all = keys + values
        let assignments = values.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let onConflict = values.isEmpty
            ? "DO NOTHING"
            : "DO UPDATE SET \(assignments) WHERE \(values.map { "\(target).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR "))"
        try db.execute(sql: """
            INSERT INTO \(target) (\(all.joined(separator: ", ")))
            SELECT \(all.joined(separator: ", ")) FROM temp.\(name)
            WHERE line IN (SELECT MIN(line) FROM temp.\(name) GROUP BY \(keyList))
            ORDER BY line
            ON CONFLICT (\(keyList)) \(onConflict)
            """)
    }

    /// Drops the stage.
    func drop(db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.\(name)")
    }
}

/// SQLite's "copy the text now" destructor marker.
let SQLITE_TRANSIENT_STAGE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
