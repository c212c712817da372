extension FileSurvey {
    /// A UTF-8 character found in a file that is not valid UTF-8 as a whole.
    struct UTF8Evidence {
        /// The offset of its first byte.
        var offset: Int
        /// The character.
        var text: String
    }

    /// The first UTF-8 character whose bytes would read as mojibake in Windows-1252
    /// (`ì` written as C3 AC reads as `Ã¬`, `€` as E2 82 AC reads as `â‚¬`), or `nil`.
    ///
    /// Only two- and three-byte sequences led by C2, C3, C5 or E2 count: in Windows-1252
    /// those leads are `Â`, `Ã`, `Å` and `â`, and none of them is ever followed by one of
    /// the symbols 0x80–0xBF in Italian or English text, whereas C2/C3 (Latin-1
    /// letters and signs), C5 (Œ, Š, Ž) and E2 (quotes, dashes, `€`) lead almost every
    /// non-ASCII UTF-8 character of such text. Finding one in a file that also holds a
    /// byte that is not UTF-8 means the file mixes two encodings. Reads the file again.
    static func firstMojibakeProneUTF8(path: String, bufferBytes: Int) -> UTF8Evidence? {
        guard let file = try? RawFile(path: path) else { return nil }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferBytes, alignment: 16)
        defer { buffer.deallocate() }
        // The bytes of a candidate sequence, which may cross a read.
        var pending: [UInt8] = []
        var expected = 0
        var start = 0
        var consumed = 0
        while let got = try? file.read(into: buffer, count: bufferBytes), got > 0 {
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            for index in 0..<got {
                let byte = bytes[index]
                if expected > 0 {
                    if byte & 0xC0 == 0x80 {
                        pending.append(byte)
                        if pending.count == expected {
                            return UTF8Evidence(offset: start, text: String(decoding: pending, as: UTF8.self))
                        }
                        continue
                    }
                    pending.removeAll()
                    expected = 0
                }
                switch byte {
                case 0xC2, 0xC3, 0xC5: expected = 2
                case 0xE2: expected = 3
                default: continue
                }
                pending = [byte]
                start = consumed + index
            }
            consumed += got
        }
        return nil
    }

    /// The byte at `offset` of the file, read again.
    static func byte(at offset: Int, path: String) -> UInt8? {
        guard let file = try? RawFile(path: path) else { return nil }
        let size = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var consumed = 0
        while let got = try? file.read(into: buffer, count: size), got > 0 {
            if offset < consumed + got { return buffer.load(fromByteOffset: offset - consumed, as: UInt8.self) }
            consumed += got
        }
        return nil
    }
}
