import EvaluationDomain
import GRDBSQLite

/// A row of a statement being stepped with SQLite's own calls (the snapshot's
/// large tables), read column by column without a row object or a `String`
/// for text that is only parsed (dates, item lists) or that repeats (codes).
struct RawRow {
    let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func real(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, column) }

    /// The text's UTF-8 bytes, valid until the next step (empty for NULL).
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// A stored ISO date (`nil` for NULL or anything else).
    func date(_ column: Int32) -> CalendarDate? {
        isNull(column) ? nil : CalendarDate(iso8601: bytes(column))
    }
}

/// The few distinct texts of a column (instrument ids, waves), each made a
/// `String` once and then found by its bytes.
struct TextInterner {
    private var known: [(bytes: [UInt8], text: String)] = []

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for entry in known where entry.bytes.elementsEqual(bytes) { return entry.text }
        let text = String(decoding: bytes, as: UTF8.self)
        if known.count < 64 { known.append((Array(bytes), text)) }
        return text
    }
}
