/// Trimming and decoding of field bytes, shared by ``CSVRow`` and the header.
enum FieldText {
    /// Whether `byte` is ASCII whitespace (space, tab, LF, VT, FF, CR).
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The bytes without leading and trailing ASCII whitespace and U+00A0 (no-break space:
    /// `C2 A0` in UTF-8, `A0` in Windows-1252).
    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer, utf8: Bool) -> UnsafeRawBufferPointer {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        var start = 0
        var end = bytes.count
        while start < end {
            let byte = bytes[start]
            if isASCIIWhitespace(byte) {
                start += 1
            } else if utf8, byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else if !utf8, byte == 0xA0 {
                start += 1
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if isASCIIWhitespace(byte) {
                end -= 1
            } else if utf8, byte == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else if !utf8, byte == 0xA0 {
                end -= 1
            } else {
                break
            }
        }
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
    }

    /// Decodes bytes in `encoding` to a `String` (invalid UTF-8 is repaired with U+FFFD).
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, encoding: TextEncoding) -> String {
        if encoding.isUTF8 { return String(decoding: bytes, as: UTF8.self) }
        return Windows1252.decode(bytes)
    }

    /// Trims a decoded string the same way as ``trimmed(_:utf8:)``.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { character in
            character == "\u{00A0}" || (character.isASCII && character.isWhitespace)
        }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// Calls `body` with the UTF-8 bytes of `text` (contiguous), passing its typed error on.
    static func withBytes<T>(
        _ text: String, _ body: (UnsafeRawBufferPointer) throws(FieldValueError) -> T
    ) throws(FieldValueError) -> T {
        var copy = text
        let result: Result<T, FieldValueError> = copy.withUTF8 { bytes in
            Result { () throws(FieldValueError) -> T in try body(UnsafeRawBufferPointer(bytes)) }
        }
        return try result.get()
    }
}
