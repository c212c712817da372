/// Packs a natural key exactly into 63 bits when it fits, so that the in-file
/// duplicate check of most files is a flat 64-bit set rather than a hash of every
/// key's values.
///
/// An id column takes its fixed width (as the register's packing: participant or
/// person 25 bits, group 21, meeting number 17); a text column (an instrument, a
/// wave, a service, a date) takes the index of its value among the values of that
/// column met so far, in the bits the ids leave, shared equally. A key that does
/// not fit (an id too large, more distinct texts than the column's bits hold, a
/// value of another type) packs to `nil`, and does so every time: the same key
/// always takes the same path, so a repeat is never missed.
struct KeyPacker {
    private enum Column {
        case id(bits: UInt64)
        case text(bits: UInt64)
    }

    private let columns: [Column]
    /// Per text column: its first values, scanned in order (a file names a few
    /// instruments, waves, services), then a dictionary of the rest.
    private var recent: [[(value: String, index: UInt64)]]
    private var interned: [[String: UInt64]]
    private var count: [UInt64]

    private static let idBits: [String: UInt64] = ["participant_ref": 25, "person_ref": 25, "group_ref": 21, "session_no": 17]
    private static let recentLimit = 8

    /// `nil` when the key has no text column and its ids are not all of known width,
    /// or when the text columns would get too few bits to be worth it.
    init?(keys: [String]) {
        let idTotal = keys.compactMap { Self.idBits[$0] }.reduce(0, +)
        let texts = UInt64(keys.count - keys.filter { Self.idBits[$0] != nil }.count)
        guard idTotal <= 63 else { return nil }
        let textBits = texts == 0 ? 0 : (63 - idTotal) / texts
        guard texts == 0 || textBits >= 8 else { return nil }
        columns = keys.map { Self.idBits[$0].map { Column.id(bits: $0) } ?? .text(bits: textBits) }
        recent = Array(repeating: [], count: keys.count)
        interned = Array(repeating: [:], count: keys.count)
        count = Array(repeating: 0, count: keys.count)
    }

    /// The key of `fields` (its first `columns.count` values) packed, or `nil` if it does not fit.
    @inline(__always)
    mutating func pack(_ fields: [KeyedWriter.Value]) -> UInt64? {
        var code: UInt64 = 0
        for c in columns.indices {
            switch (columns[c], fields[c]) {
            case (.id(let bits), .integer(let v)):
                guard v >= 0, UInt64(v) < 1 << bits else { return nil }
                code = code << bits | UInt64(v)
            case (.text(let bits), .text(let s)):
                guard let index = index(of: s, column: c, limit: 1 << bits) else { return nil }
                code = code << bits | index
            default:
                return nil
            }
        }
        return code
    }

    /// The index of `value` in `column`, given to it when first met; `nil` once the column holds `limit` values.
    @inline(__always)
    private mutating func index(of value: String, column c: Int, limit: UInt64) -> UInt64? {
        for entry in recent[c] where entry.value == value { return entry.index }
        if let index = interned[c][value] { return index }
        guard count[c] < limit else { return nil }
        let index = count[c]
        count[c] += 1
        if recent[c].count < Self.recentLimit {
            recent[c].append((value, index))
        } else {
            interned[c][value] = index
        }
        return index
    }
}
