/// Windows-1252 decoding by a 256-entry table.
///
/// 0x00–0x7F and 0xA0–0xFF map to the same Unicode scalars (Latin-1); 0x80–0x9F follow the
/// standard mapping (`€` at 0x80, typographic quotes, `Œ`, `œ`, `Ž`…). The five undefined
/// bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are reported as errors by the reader and decode
/// to U+FFFD if ever reached.
enum Windows1252 {
    /// The replacement scalar for undefined bytes.
    static let replacement: UInt32 = 0xFFFD

    /// Unicode scalar values of 0x80–0x9F.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// The scalar of every byte.
    static let table: [UInt32] = (0..<256).map { byte in
        (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
    }

    /// Whether `byte` has no character in Windows-1252.
    @inline(__always)
    static func isUndefined(_ byte: UInt8) -> Bool {
        byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D
    }

    /// Decodes Windows-1252 bytes to a `String`.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var utf8Count = 0
        for byte in bytes {
            if byte < 0x80 {
                utf8Count += 1
            } else {
                let scalar = table[Int(byte)]
                utf8Count += scalar < 0x800 ? 2 : 3
            }
        }
        if utf8Count == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: utf8Count) { out in
            var index = 0
            for byte in bytes {
                if byte < 0x80 {
                    out[index] = byte
                    index += 1
                    continue
                }
                let scalar = table[Int(byte)]
                if scalar < 0x800 {
                    out[index] = UInt8(0xC0 | (scalar >> 6))
                    out[index + 1] = UInt8(0x80 | (scalar & 0x3F))
                    index += 2
                } else {
                    out[index] = UInt8(0xE0 | (scalar >> 12))
                    out[index + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[index + 2] = UInt8(0x80 | (scalar & 0x3F))
                    index += 3
                }
            }
            return index
        }
    }
}
