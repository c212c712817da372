extension Windows1252 {
    /// Unicode scalar → byte, for the characters Windows-1252 can hold.
    private static let encodeTable: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for byte in 0..<256 where !isUndefined(UInt8(byte)) {
            map[table[byte]] = UInt8(byte)
        }
        return map
    }()

    /// Encodes `text` as Windows-1252, or `nil` when a character has no byte.
    static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = encodeTable[scalar.value] else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
