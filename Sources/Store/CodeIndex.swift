/// Export codes (of groups or participants) to database ids, looked up once per
/// row of a large file: open addressing over a hash of the code's bytes, then
/// an exact comparison, so a lookup costs one short hash and no allocation.
struct CodeIndex {
    private var codes: [String] = []
    private var ids: [Int64] = []
    /// Index + 1 into `codes`; 0 for an empty slot.
    private var slots: [Int32]
    private let mask: Int

    init(_ pairs: [(code: String, id: Int64)]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity *= 2 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        codes.reserveCapacity(pairs.count)
        ids.reserveCapacity(pairs.count)
        for pair in pairs where self[pair.code] == nil {
            var index = Self.hash(pair.code) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            codes.append(pair.code)
            ids.append(pair.id)
            slots[index] = Int32(codes.count)
        }
    }

    subscript(code: String) -> Int64? {
        var index = Self.hash(code) & mask
        while true {
            let slot = Int(slots[index])
            if slot == 0 { return nil }
            if codes[slot - 1] == code { return ids[slot - 1] }
            index = (index + 1) & mask
        }
    }

    /// FNV-1a over the UTF-8 bytes, then a multiplicative mix.
    @inline(__always)
    private static func hash(_ code: String) -> Int {
        var text = code
        let h = text.withUTF8 { bytes -> UInt64 in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return h
        }
        return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 17)
    }
}
