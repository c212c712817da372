import Testing

@testable import Store

@Suite("Key packing for the in-file duplicate check")
struct KeyPackerTests {
    typealias Value = KeyedWriter.Value

    @Test("distinct keys of a participant-keyed file pack to distinct codes; equal keys to the same")
    func exact() throws {
        var packer = try #require(KeyPacker(keys: ["participant_ref", "instrument", "wave"]))
        var seen: [UInt64: [Value]] = [:]
        for participant in [0, 1, 2, (1 << 25) - 1] {
            for instrument in ["WEMWBS", "RSES", "SWEMWBS", "GSE", "K10", "PHQ9", "GAD7", "UCLA", "CESD", "WHO5"] {
                for wave in ["baseline", "end", "followup"] {
                    let key: [Value] = [.integer(Int64(participant)), .text(instrument), .text(wave)]
                    let packed = packer.pack(key)
                    let code = try #require(packed)
                    #expect(seen[code] == nil, "\(key) packs like \(seen[code] ?? [])")
                    seen[code] = key
                    #expect(packer.pack(key) == code)
                }
            }
        }
        #expect(seen.count == 4 * 10 * 3)
        #expect(seen.keys.allSatisfy { $0 < 1 << 63 })
    }

    @Test("a key that does not fit packs to nil every time: an id too large, a value of another type")
    func overflow() throws {
        var packer = try #require(KeyPacker(keys: ["participant_ref", "service", "date"]))
        #expect(packer.pack([.integer(1 << 25), .text("a"), .text("2024-01-01")]) == nil)
        #expect(packer.pack([.integer(-1), .text("a"), .text("2024-01-01")]) == nil)
        #expect(packer.pack([.integer(3), .integer(1), .text("2024-01-01")]) == nil)
        #expect(packer.pack([.integer(3), .null, .text("2024-01-01")]) == nil)
        #expect(packer.pack([.integer(3), .text("a"), .text("2024-01-01")]) != nil)
    }

    @Test("a text column holds as many values as its bits: the next new one does not pack, the earlier still do")
    func fullColumn() throws {
        // Two ids of 25 and 21 bits leave 17 for one text column: 131,072 values.
        var packer = try #require(KeyPacker(keys: ["participant_ref", "group_ref", "code"]))
        var codes: [UInt64] = []
        for k in 0..<(1 << 17) {
            let packed = packer.pack([.integer(7), .integer(9), .text("v\(k)")])
            codes.append(try #require(packed))
        }
        #expect(Set(codes).count == 1 << 17)
        #expect(packer.pack([.integer(7), .integer(9), .text("one too many")]) == nil)
        #expect(packer.pack([.integer(7), .integer(9), .text("one too many")]) == nil)
        #expect(packer.pack([.integer(7), .integer(9), .text("v0")]) == codes[0])
        #expect(packer.pack([.integer(7), .integer(9), .text("v99999")]) == codes[99_999])
    }

    @Test("the register's keys pack as before: participant, group and meeting in 25 + 21 + 17 bits")
    func register() throws {
        var packer = try #require(KeyPacker(keys: ["participant_ref", "group_ref", "session_no"]))
        for (a, b, c) in [(0, 0, 0), (5, 7, 18), ((1 << 25) - 1, (1 << 21) - 1, (1 << 17) - 1)] as [(Int64, Int64, Int64)] {
            #expect(packer.pack([.integer(a), .integer(b), .integer(c)]) == PackedKeySet.pack(a, b, c))
        }
        #expect(packer.pack([.integer(0), .integer(0), .integer(1 << 17)]) == nil)
    }
}
