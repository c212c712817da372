import GRDB
import GRDBSQLite

/// Writes one file's rows straight into their table by natural key, inside the
/// import's transaction: a new key is inserted, a changed row updated, an
/// identical one left alone (one prepared upsert, raw binds, one B-tree pass
/// per row). In-file repeats are found with a set of the keys written so far
/// (a few bytes per key, not the rows): a repeat whose values differ from the
/// first is a conflict, which rejects the file (the transaction then rolls
/// back, so what was written never lands).
final class KeyedWriter {
    /// One value to bind.
    enum Value: Hashable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case null
    }

    /// Target table, its natural-key columns and its value columns.
    let target: String
    let keys: [String]
    let values: [String]
    private let db: Database
    /// One row's upsert, and one for a batch of rows (a multi-row VALUES: the
    /// statement's fixed cost is paid once per batch, not per row).
    private let upsert: Statement
    private let batch: Statement
    private let batchRows: Int
    private let width: Int
    private let sqlFor: (Int) -> String
    private var partial: [Int: Statement] = [:]
    /// First rows of their keys not yet written (flattened), up to a batch.
    private var pendingValues: [Value] = []
    private var pendingRows = 0
    private let connection: OpaquePointer?
    /// Rows in the table before this file.
    private let before: Int
    /// Keys of this file: packed exactly into 64 bits (`KeyPacker`; the register's
    /// own packing), or, for a key that does not pack, a 128-bit keyed hash of its values.
    private var packed: PackedKeySet
    /// How a key is packed into `packed`, when the file's keys can be.
    private var packer: KeyPacker?
    private var wide: [WideKey: Int32] = [:]
    /// Keys given more than once, by key: rare, so kept in full.
    private var repeats: [WideKey: Repeat] = [:]
    /// Distinct keys written, and how many of those changed the table.
    private(set) var distinct = 0
    private(set) var written = 0

    private struct Repeat {
        var first: Int
        var last: Int
        var count: Int
        var conflict: Bool
        var key: [Value]
    }

    init(db: Database, target: String, keys: [String], values: [String], expectedRows: Int) throws {
        self.db = db
        self.target = target
        self.keys = keys
        self.values = values
        let all = keys + values
        let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
        let onConflict =
            values.isEmpty
            ? "DO NOTHING"
            : "DO UPDATE SET \(values.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")) WHERE "
                + values.map { "\(target).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        let width = all.count
        let head = "INSERT INTO \(target) (\(all.joined(separator: ", "))) VALUES "
        let tail = " ON CONFLICT (\(keys.joined(separator: ", "))) \(onConflict)"
        sqlFor = { rows in head + Array(repeating: "(\(placeholders))", count: rows).joined(separator: ", ") + tail }
        self.width = width
        batchRows = max(1, min(64, 30_000 / max(1, width)))
        upsert = try db.makeStatement(sql: sqlFor(1))
        batch = try db.makeStatement(sql: sqlFor(batchRows))
        pendingValues.reserveCapacity(batchRows * width)
        connection = db.sqliteConnection
        before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(target)") ?? 0
        packed = PackedKeySet(expected: expectedRows)
        packer = KeyPacker(keys: keys)
    }

    /// Writes a row: key values, then value values, in declaration order.
    func write(line: Int, _ fields: [Value]) throws {
        if let code = packer?.pack(fields) {
            if let first = packed.insert(code, line: line) {
                try repeated(WideKey(fields.prefix(keys.count)), first: first, line: line, keyValues: Array(fields.prefix(keys.count))) {
                    statement in Self.bind(fields[...], statement, from: 1)
                }
            } else {
                pendingValues.append(contentsOf: fields)
                try added()
            }
            return
        }
        let key = WideKey(fields.prefix(keys.count))
        if let first = wide[key] {
            try repeated(key, first: Int(first), line: line, keyValues: Array(fields.prefix(keys.count))) { statement in
                Self.bind(fields[...], statement, from: 1)
            }
        } else {
            wide[key] = Int32(truncatingIfNeeded: line)
            pendingValues.append(contentsOf: fields)
            try added()
        }
    }

    /// Writes an attendance-shaped row (three integer keys, one integer value)
    /// without building an array.
    func write(line: Int, _ a: Int64, _ b: Int64, _ c: Int64, _ v: Int64) throws {
        let bind = { (statement: OpaquePointer) in
            sqlite3_bind_int64(statement, 1, a)
            sqlite3_bind_int64(statement, 2, b)
            sqlite3_bind_int64(statement, 3, c)
            sqlite3_bind_int64(statement, 4, v)
        }
        if let code = PackedKeySet.pack(a, b, c) {
            if let first = packed.insert(code, line: line) {
                try repeated(
                    WideKey([.integer(a), .integer(b), .integer(c)]), first: first, line: line,
                    keyValues: [.integer(a), .integer(b), .integer(c)], bind)
            } else {
                pendingValues.append(.integer(a))
                pendingValues.append(.integer(b))
                pendingValues.append(.integer(c))
                pendingValues.append(.integer(v))
                try added()
            }
        } else {
            try write(line: line, [.integer(a), .integer(b), .integer(c), .integer(v)])
        }
    }

    /// A first row of its key was queued: counted, and the batch written when full.
    @inline(__always)
    private func added() throws {
        distinct += 1
        pendingRows += 1
        if pendingRows == batchRows { try flush() }
    }

    /// Writes the queued rows (a full batch, or what is left before a repeat
    /// and at the end).
    func flush() throws {
        guard pendingRows > 0 else { return }
        let statement: Statement
        if pendingRows == batchRows {
            statement = batch
        } else if let cached = partial[pendingRows] {
            statement = cached
        } else {
            statement = try db.makeStatement(sql: sqlFor(pendingRows))
            partial[pendingRows] = statement
        }
        pendingRows = 0
        let changed = try run(statement.sqliteStatement) { Self.bind(pendingValues[...], $0, from: 1) }
        pendingValues.removeAll(keepingCapacity: true)
        written += changed
    }

    /// A later row with a key already written: the table holds the first row's
    /// values, so the upsert changes nothing for an exact repeat and something
    /// for a conflict (then the file is rejected, and nothing more is compared
    /// for that key).
    private func repeated(_ key: WideKey, first: Int, line: Int, keyValues: @autoclosure () -> [Value], _ bind: (OpaquePointer) -> Void)
        throws
    {
        try flush()
        var entry = repeats[key] ?? Repeat(first: first, last: line, count: 0, conflict: false, key: keyValues())
        entry.count += 1
        entry.last = line
        if !entry.conflict, try step(bind) { entry.conflict = true }
        repeats[key] = entry
    }

    /// Binds and runs the upsert; whether it changed the table.
    @inline(__always)
    private func step(_ bind: (OpaquePointer) -> Void) throws -> Bool {
        try run(upsert.sqliteStatement, bind) > 0
    }

    /// Binds and runs `statement`; how many rows it changed.
    @inline(__always)
    private func run(_ statement: OpaquePointer, _ bind: (OpaquePointer) -> Void) throws -> Int {
        sqlite3_reset(statement)
        bind(statement)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        return Int(sqlite3_changes(connection))
    }

    private static func bind(_ fields: ArraySlice<Value>, _ statement: OpaquePointer, from start: Int32) {
        var index = start
        for field in fields {
            defer { index += 1 }
            switch field {
            case .integer(let v): sqlite3_bind_int64(statement, index, v)
            case .real(let v): sqlite3_bind_double(statement, index, v)
            case .null: sqlite3_bind_null(statement, index)
            case .text(var s):
                s.withUTF8 { bytes in
                    if let base = bytes.baseAddress, !bytes.isEmpty {
                        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                            _ = sqlite3_bind_text(statement, index, text, Int32(bytes.count), SQLITE_TRANSIENT_STAGE)
                        }
                    } else {
                        _ = sqlite3_bind_text(statement, index, "", 0, SQLITE_TRANSIENT_STAGE)
                    }
                }
            }
        }
    }

    /// In-file repeats: conflicts (first line, last repeat line, key values) in
    /// order of first line, up to `limit`; exact repeats, counted, the first
    /// (by first line) kept for the warning.
    func duplicates(limit: Int) -> (
        conflicts: [(first: Int, second: Int, key: [Value])], exactFirst: (first: Int, second: Int)?, exactCount: Int
    ) {
        var conflicts: [(first: Int, second: Int, key: [Value])] = []
        var exactFirst: (first: Int, second: Int)?
        var exactCount = 0
        for entry in repeats.values.sorted(by: { $0.first < $1.first }) {
            if entry.conflict {
                if conflicts.count < limit { conflicts.append((entry.first, entry.last, entry.key)) }
            } else {
                exactCount += entry.count
                if exactFirst == nil { exactFirst = (entry.first, entry.last) }
            }
        }
        return (conflicts, exactFirst, exactCount)
    }

    /// How many keys were new, changed and already identical.
    func counts() throws -> (inserted: Int, updated: Int, unchanged: Int) {
        try flush()
        let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(target)") ?? 0
        let inserted = after - before
        return (inserted, written - inserted, distinct - written)
    }

    /// A key as text, with `participant_ref` and `group_ref` shown as the codes
    /// they stand for (as stored).
    func describe(_ key: [Value]) throws -> [String] {
        try zip(keys, key).map { column, value in
            switch (column, value) {
            case ("participant_ref", .integer(let id)):
                return try String.fetchOne(db, sql: "SELECT code FROM participants WHERE id = ?", arguments: [id]) ?? "?"
            case ("group_ref", .integer(let id)):
                return try String.fetchOne(db, sql: "SELECT code FROM groups WHERE id = ?", arguments: [id]) ?? "?"
            case (_, .text(let text)): return text
            case (_, .integer(let n)): return String(n)
            case (_, .real(let x)): return String(x)
            case (_, .null): return "?"
            }
        }
    }
}

/// A natural key too wide to pack: two independent keyed hashes of its values
/// (Swift's per-process seeded SipHash), 128 bits in all.
struct WideKey: Hashable {
    let a: Int
    let b: Int

    init(_ values: some Sequence<KeyedWriter.Value>) {
        var first = Hasher()
        var second = Hasher()
        first.combine(0x5A as UInt8)
        second.combine(0xA5 as UInt8)
        for value in values {
            first.combine(value)
            second.combine(value)
        }
        a = first.finalize()
        b = second.finalize()
    }
}

/// A set of 64-bit keys with the line each was first seen on: open addressing,
/// two flat arrays, sized from the file's line count.
struct PackedKeySet {
    private var slots: [UInt64]
    private var lines: [Int32]
    private var count = 0
    private var mask: Int
    private var shift: UInt64

    init(expected: Int) {
        var capacity = 1024
        while capacity * 7 / 10 < expected { capacity *= 2 }
        slots = []
        lines = []
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        if expected > 0 { allocate(capacity) } else { mask = 0 }
    }

    private mutating func allocate(_ capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        lines = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Three ids packed exactly (26 + 21 + 17 bits), or `nil` if one is too large.
    @inline(__always)
    static func pack(_ a: Int64, _ b: Int64, _ c: Int64) -> UInt64? {
        guard a >= 0, a < 1 << 25, b >= 0, b < 1 << 21, c >= 0, c < 1 << 17 else { return nil }
        return UInt64(a) << 38 | UInt64(b) << 17 | UInt64(c)
    }

    /// A key's first slot: the high bits (the first two ids) hashed to a block of
    /// 32 slots, the low 5 bits (of the third id) within it, so that the keys of
    /// one participant's meetings share a few cache lines (the table is far
    /// larger than the cache, and a register lists one group's marks together).
    @inline(__always)
    static func home(_ stored: UInt64, _ shift: UInt64) -> Int {
        let block = ((stored >> 17) &* 0x9E37_79B9_7F4A_7C15) >> (shift + 5)
        return Int(truncatingIfNeeded: block << 5 | (stored & 31))
    }

    /// Inserts `key` (below 2⁶³); returns the line it was first seen on if it was already there.
    @inline(__always)
    mutating func insert(_ key: UInt64, line: Int) -> Int? {
        if slots.isEmpty || (count + 1) * 10 > slots.count * 7 { grow() }
        let stored = key &+ 1
        var index = Self.home(stored, shift)
        while true {
            let slot = slots[index]
            if slot == 0 {
                slots[index] = stored
                lines[index] = Int32(truncatingIfNeeded: line)
                count += 1
                return nil
            }
            if slot == stored { return Int(lines[index]) }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let oldSlots = slots
        let oldLines = lines
        allocate(max(1024, oldSlots.count * 2))
        for (slot, line) in zip(oldSlots, oldLines) where slot != 0 {
            var index = Self.home(slot, shift)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = slot
            lines[index] = line
        }
    }
}
