import Evaluation
import Foundation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("CSV encoding problems")
    struct CSVEncodingTests {
        @Test("NUL bytes reject the file, each line named")
        func nulBytes() throws {
            let path = try TemporaryCSV.write(Array("a;b\r\n1;2\r\n3;\u{0}4\r\n5;6\r\n\u{0}7;8\r\n".utf8))
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: path) }
            #expect(error.problems.errors.map(\.line) == [3, 5])
            #expect(error.problems.errors[0].reason == "NUL byte (0x00) in the file")
        }

        @Test("a UTF-16 file without its mark is recognised by its NUL bytes")
        func utf16WithoutMark() throws {
            let bytes = Array("a;b\n1;2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: TemporaryCSV.write(bytes)) }
            #expect(error.problems.errors.first?.hint?.contains("UTF-16") == true)
        }

        @Test(
            "UTF-16 and UTF-32 files are rejected by their byte-order mark",
            arguments: [[0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]] as [[UInt8]])
        func wideEncodings(mark: [UInt8]) throws {
            let path = try TemporaryCSV.write(mark + [0x61, 0x00, 0x3B, 0x00, 0x62, 0x00])
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: path) }
            #expect(error.problems.errors.first?.line == 0)
            #expect(error.problems.errors.first?.hint == "save the file as UTF-8 or CSV (separatore: punto e virgola)")
            #expect(error.description.contains("is encoded as UTF-"))
        }

        @Test("bytes undefined in Windows-1252 are errors with line and column")
        func undefinedWindows1252() throws {
            // 0xE0 (à) makes the file Windows-1252; 0x81 and 0x9D have no character there.
            let bytes: [UInt8] =
                Array("id;name;city\n1;".utf8) + [0x61, 0xE0] + Array(";x\n2;ok;".utf8) + [0x81] + Array("\n3;\"a\n".utf8) + [0x9D]
                + Array("\";y\n4;fine;z\n".utf8)
            let source = try CSVSource.open(path: TemporaryCSV.write(bytes))
            #expect(source.dialect.encoding == .windows1252)
            let dump = try RecordDump(source)
            #expect(dump.errorPlaces == ["3:3", "5:2"])
            #expect(dump.problems.errors[0].reason == "byte 0x81 is neither UTF-8 nor a Windows-1252 character")
            #expect(dump.problems.errors[0].columnName == "city")
            #expect(dump.records.map(\.values) == [["1", "aà", "x"], ["4", "fine", "z"]])
        }

        @Test("an undefined Windows-1252 byte in the header rejects the file")
        func undefinedInHeader() throws {
            let bytes: [UInt8] = Array("id;na".utf8) + [0x8D, 0xE8] + Array("\n1;2\n".utf8)
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: TemporaryCSV.write(bytes)) }
            #expect(error.problems.errors.map(\.line) == [1])
            #expect(error.problems.errors.map(\.column) == [2])
        }

        @Test("a file with a UTF-8 mark but bytes that are not UTF-8 is rejected at their line")
        func markButNotUTF8() throws {
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a;b\n1;2\n3;".utf8) + [0xE8] + Array("\n".utf8)
            let error = try #require(throws: CSVError.self) { try CSVSource.open(path: TemporaryCSV.write(bytes)) }
            #expect(error.problems.errors.map(\.line) == [3])
        }

        @Test("valid UTF-8 is UTF-8 even when every character would also be Windows-1252")
        func utf8PreferredWhenValid() throws {
            let source = try CSVSource.open(path: TemporaryCSV.write("città;più\nForlì;sì\n"))
            #expect(source.dialect.encoding == .utf8)
            #expect(try RecordDump(source).records.first?.values == ["Forlì", "sì"])
        }

        @Test(
            "Windows-1252 decoding covers 0x80–0x9F and Latin-1",
            arguments: [
                (0x80, "€"), (0x85, "…"), (0x92, "’"), (0x93, "“"), (0x96, "–"), (0x9C, "œ"), (0x9F, "Ÿ"),
                (0xA0, "\u{00A0}"), (0xE0, "à"), (0xE8, "è"), (0xEC, "ì"), (0xF2, "ò"), (0xF9, "ù"), (0x41, "A"),
            ] as [(Int, String)])
        func windows1252Table(byte: Int, expected: String) {
            let decoded = [UInt8(byte)].withUnsafeBytes { Windows1252.decode($0) }
            #expect(decoded == expected)
        }

        @Test("the streaming UTF-8 validator agrees across chunk boundaries")
        func utf8Validator() {
            let samples: [([UInt8], Bool)] = [
                (Array("città € 𝄞".utf8), true),
                ([0xC0, 0xAF], false),  // overlong
                ([0xED, 0xA0, 0x80], false),  // surrogate
                ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
                ([0xE2, 0x82], false),  // truncated
                ([0xE0], false),
            ]
            for (bytes, valid) in samples {
                for split in 0...bytes.count {
                    var validator = UTF8Validator()
                    bytes[..<split].withUnsafeBytes { validator.consume($0) }
                    bytes[split...].withUnsafeBytes { validator.consume($0) }
                    validator.finish()
                    #expect(validator.isValid == valid, "\(bytes) split at \(split)")
                }
            }
        }
    }
}
