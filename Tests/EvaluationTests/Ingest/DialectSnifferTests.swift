import Evaluation
import Testing

@testable import Ingest

extension IngestTests {
    @Suite("dialect sniffing")
    struct DialectSnifferTests {
        private func sniff(_ text: String, truncated: Bool = false) -> (separator: Character, decimalComma: Bool) {
            Array(text.utf8).withUnsafeBytes { sample in
                let separator = DialectSniffer.separator(in: sample, truncated: truncated)
                let comma = DialectSniffer.usesDecimalComma(in: sample, separator: separator, truncated: truncated)
                return (Character(Unicode.Scalar(separator)), comma)
            }
        }

        @Test(
            "the separator is the one giving the same field count on every line",
            arguments: [
                ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),
                ("a,b,c\n1,\"2;5\",3\n4,5,6\n", ","),
                ("a\tb\n1,5\t2\n", "\t"),
                ("a,b;c\n1,2;3\n", ";"),  // a tie: ';' first
                ("a,b\n1,2\n", ","),
                ("score\n1,5\n2,5\n", ";"),  // one column: ';' keeps it whole
                ("a;b\n\n1;2\n", ";"),
                ("\"x,y\";z\n1;2\n", ";"),
            ] as [(String, Character)])
        func separator(text: String, expected: Character) {
            #expect(sniff(text).separator == expected)
        }

        @Test(
            "a decimal comma is detected from numbers like 12,5 or 1.234,56",
            arguments: [
                ("a;b\n1;12,5\n", true),
                ("a;b\n1;1.234,56\n", true),
                ("a;b\n1;12.5\n", false),
                ("a;b\n1;2\n", true),  // no evidence: ';' means Italian Excel
                ("a;b\n1;1.234\n", true),  // a thousands group is no evidence
                ("a\tb\n1\t2\n", false),  // no evidence in a tab file: point
                ("a\tb\n1\t-0,5\n", true),
                ("a,b\n1,\"12,5\"\n", false),  // never in a ',' file
                ("a;b\n12,5;x\n", true),
                ("a;b\nv1.2.3;12,5\n", true),
                ("a;b\n0.5;12,5\n", true),  // comma evidence wins
                ("a;b\n05.04.2016;1\n", true),
            ] as [(String, Bool)])
        func decimalComma(text: String, expected: Bool) {
            #expect(sniff(text).decimalComma == expected)
        }

        @Test("an incomplete last line of a truncated sample is left out")
        func truncatedSample() {
            #expect(sniff("a;b\n1;2\n3,4,5,6,7", truncated: true).separator == ";")
            let counts = Array("a;b\n1;2\n3".utf8).withUnsafeBytes {
                DialectSniffer.fieldCounts($0, separator: UInt8(ascii: ";"), truncated: true)
            }
            #expect(counts == [2, 2])
        }
    }
}
