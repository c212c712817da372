/// A streaming UTF-8 validator (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), fed chunk by chunk; state carries across chunk boundaries.
struct UTF8Validator {
    /// Continuation bytes still expected for the current sequence.
    private var pending = 0
    /// The allowed range of the next continuation byte.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Offset, from the start of the stream, of the first byte that makes it invalid (the
    /// lead byte, when a sequence is cut short).
    private(set) var firstInvalidOffset: Int?
    /// Offset of the lead byte of the sequence in progress.
    private var sequenceStart = 0
    /// Bytes consumed so far.
    private var consumed = 0
    /// Whether any byte ≥ 0x80 was seen.
    private(set) var sawNonASCII = false

    /// Whether everything consumed so far is valid and no sequence is left open.
    var isValid: Bool { firstInvalidOffset == nil && pending == 0 }

    /// Marks the stream as ended: an open sequence makes it invalid.
    mutating func finish() {
        if firstInvalidOffset == nil && pending > 0 { firstInvalidOffset = sequenceStart }
    }

    /// Validates the next chunk.
    mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        defer { consumed += chunk.count }
        guard firstInvalidOffset == nil, let base = chunk.baseAddress else { return }
        let count = chunk.count
        var index = 0
        while index < count {
            if pending == 0 {
                while index + 8 <= count,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                if index >= count { break }
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                if byte < 0x80 { continue }
                sawNonASCII = true
                sequenceStart = consumed + index - 1
                switch byte {
                case 0xC2...0xDF: (pending, lower, upper) = (1, 0x80, 0xBF)
                case 0xE0: (pending, lower, upper) = (2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE, 0xEF: (pending, lower, upper) = (2, 0x80, 0xBF)
                case 0xED: (pending, lower, upper) = (2, 0x80, 0x9F)
                case 0xF0: (pending, lower, upper) = (3, 0x90, 0xBF)
                case 0xF1...0xF3: (pending, lower, upper) = (3, 0x80, 0xBF)
                case 0xF4: (pending, lower, upper) = (3, 0x80, 0x8F)
                default:
                    firstInvalidOffset = consumed + index - 1
                    return
                }
            } else {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                index += 1
                guard byte >= lower && byte <= upper else {
                    firstInvalidOffset = sequenceStart
                    return
                }
                pending -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
    }
}
