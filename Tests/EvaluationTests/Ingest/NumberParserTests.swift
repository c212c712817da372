import Evaluation
import Foundation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("number parsing")
    struct NumberParserTests {
        static let point = NumberParser(decimalComma: false)
        static let comma = NumberParser(decimalComma: true)

        @Test(
            "decimal-point files",
            arguments: [
                ("12.5", 12.5), ("-3", -3), ("+0.75", 0.75), ("1e3", 1000), ("2.5E-3", 0.0025), (".5", 0.5), ("5.", 5),
                ("0.1", 0.1), ("007", 7), (" 42 ", 42), ("1.234", 1.234), ("123456789012345678901234", 123456789012345678901234.0),
                ("0.30000000000000004", 0.30000000000000004), ("-0", 0),
            ] as [(String, Double)])
        func decimalPoint(text: String, value: Double) throws {
            #expect(try Self.point.double(text) == value)
        }

        @Test(
            "decimal-comma files: a comma, and points only grouping thousands",
            arguments: [
                ("12,5", 12.5), ("-3", -3), ("0,75", 0.75), ("1.234,56", 1234.56), ("1.234", 1234), ("1.000.000", 1_000_000),
                ("12.345.678,9", 12_345_678.9), (",5", 0.5), ("-1.234,5", -1234.5), ("3,0", 3),
            ] as [(String, Double)])
        func decimalComma(text: String, value: Double) throws {
            #expect(try Self.comma.double(text) == value)
        }

        @Test(
            "values refused in a decimal-point file",
            arguments: [
                ("1,234.5", "'1,234.5' is not a number: in this file '.' is the decimal mark and thousands are not grouped"),
                ("12,5", "'12,5' is not a number: in this file '.' is the decimal mark and thousands are not grouped"),
                ("1.2.3", "'1.2.3' is not a number"), ("abc", "'abc' is not a number"), ("inf", "'inf' is not a number"),
                ("1e", "'1e' is not a number"), ("e5", "'e5' is not a number"), ("--1", "'--1' is not a number"),
                ("1 000", "'1 000' is not a number"), ("1e999", "'1e999' is too large a number"),
            ] as [(String, String)])
        func refusedPoint(text: String, reason: String) {
            #expect(performing: { try Self.point.double(text) }, throws: { ($0 as? FieldValueError)?.reason == reason })
        }

        @Test(
            "values refused in a decimal-comma file",
            arguments: [
                ("12.5", "'12.5' is not a number: in this file ',' is the decimal mark and '.' only groups thousands"),
                ("1.23", "'1.23' is not a number: in this file ',' is the decimal mark and '.' only groups thousands"),
                ("1234.567", "'1234.567' is not a number: in this file ',' is the decimal mark and '.' only groups thousands"),
                ("1.23,5", "'1.23,5' is not a number: in this file ',' is the decimal mark and '.' only groups thousands"),
                ("1,5.5", "'1,5.5' is not a number: in this file ',' is the decimal mark"),
                ("1,2,3", "'1,2,3' is not a number"), ("1e3", "'1e3' is not a number"),
                (".5", "'.5' is not a number: in this file ',' is the decimal mark and '.' only groups thousands"),
            ] as [(String, String)])
        func refusedComma(text: String, reason: String) {
            #expect(performing: { try Self.comma.double(text) }, throws: { ($0 as? FieldValueError)?.reason == reason })
        }

        @Test("messages quote Windows-1252 bytes as their characters")
        func windows1252InMessages() {
            let bytes: [UInt8] = [0x80, 0x20, 0x31, 0x32]  // "€ 12" in Windows-1252
            #expect(throws: FieldValueError(reason: "'€ 12' is not a number")) {
                try bytes.withUnsafeBytes { bytes throws(FieldValueError) in try Self.point.double(bytes: bytes) }
            }
        }

        @Test("a blank field is missing, never 0")
        func blank() throws {
            #expect(try Self.point.double("") == nil)
            #expect(try Self.comma.double(" \u{00A0}") == nil)
            #expect(try Self.point.integer("   ") == nil)
        }

        @Test("NA and friends are refused with a hint to leave the cell blank")
        func notAvailable() {
            #expect(throws: FieldValueError(reason: "'NA' is not a number", hint: "leave the cell blank for a missing value")) {
                try Self.point.double("NA")
            }
        }

        @Test(
            "whole numbers",
            arguments: [
                ("3", 3), ("-12", -12), ("+7", 7), ("1.234", 1234), ("3,0", 3), ("999999999999999999", 999_999_999_999_999_999),
            ] as [(String, Int)])
        func integers(text: String, value: Int) throws {
            #expect(try Self.comma.integer(text) == value)
        }

        @Test("a fraction is not a whole number")
        func notWhole() throws {
            #expect(throws: FieldValueError(reason: "'3,5' is not a whole number")) { try Self.comma.integer("3,5") }
            #expect(throws: FieldValueError(reason: "'3.5' is not a whole number")) { try Self.point.integer("3.5") }
            #expect(try Self.point.integer("1e3") == 1000)
        }

        @Test("decimals are converted exactly: the same Double as the standard library")
        func exactConversion() throws {
            var generator = SplitMix(seed: 2016)
            for _ in 0..<5000 {
                let integerDigits = Int(generator.next() % 8)
                let fractionDigits = Int(generator.next() % 12)
                var text = integerDigits == 0 ? "0" : String(generator.next() % 100_000_000)
                if fractionDigits > 0 {
                    text += "." + (0..<fractionDigits).map { _ in String(generator.next() % 10) }.joined()
                }
                #expect(try Self.point.double(text) == Double(text), "\(text)")
                let commaText = text.replacingOccurrences(of: ".", with: ",")
                #expect(try Self.comma.double(commaText) == Double(text), "\(commaText)")
            }
        }

        @Test("numbers are read from a CSV row's raw bytes in the file's dialect")
        func fromFixture() throws {
            let source = try CSVSource.open(path: Fixture.url("csv", "dates_and_numbers.csv").path)
            #expect(source.dialect.decimalComma)
            let numbers = NumberParser(dialect: source.dialect)
            var amounts: [Double?] = []
            var counts: [Int?] = []
            var formats: [DateFormat] = []
            var dates: [String] = []
            var problems = ProblemList()
            try source.forEachRecord(problems: &problems) { row in
                amounts.append(try numbers.double(bytes: row.rawBytes(2)))
                counts.append(try numbers.integer(bytes: row.rawBytes(3)))
                let parsed = try #require(try DateParser.parse(bytes: row.rawBytes(1)))
                formats.append(parsed.format)
                dates.append(parsed.date.iso8601)
            }
            #expect(problems.isEmpty)
            #expect(amounts == [1234.56, 12.5, -3, 0.75, 1_000_000, nil, 2, 3, 1, 1, 1, 1])
            #expect(counts == [1234, 3, -3, 0, 1_000_000, nil, 2, 3, 1, 1, 1, 1])
            #expect(Set(dates) == ["2016-04-05"])
            #expect(Set(formats) == Set(DateFormat.allCases))
        }
    }
}
