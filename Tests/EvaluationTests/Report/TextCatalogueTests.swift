import Foundation
import Testing

@testable import Report

/// The text of the reports lives in one catalogue per language (`Sources/Report/Text`):
/// every key has every language and is used, every key the code asks for exists, and
/// no layout file of the Report layer holds prose of its own.
@Suite("Text catalogue")
struct TextCatalogueTests {
    static let reportSources = CPUIndependenceTests.checkout.appendingPathComponent("Sources/Report")

    /// Files of the Report layer allowed to hold English text, and why.
    static let notLayout: [String: String] = [
        "Text": "the catalogues themselves",
        "HTMLRenderer.swift": "markup: tag and class names",
        "HTMLRenderer+Stylesheet.swift": "CSS",
        "Charts/ChartStyle.swift": "font names",
        "Charts/SVGWriter.swift": "markup",
        "Charts/SVGChartRenderer.swift": "markup",
        "Output/OutputFolder.swift": "messages on the terminal (errors), not report text",
        "ReportWriter.swift": "an error message on the terminal",
        "FunderReport.swift": "an error message on the terminal",
        "Disclosure/DisclosureLedger.swift": "an internal assertion",
        "Workbook/ReportWorkbook.swift": "libxlsxwriter failures on the terminal; sheet-name fallbacks",
        "Templates/TemplateWorkbook.swift": "libxlsxwriter failures on the terminal",
    ]

    static func sources() throws -> [(path: String, text: String)] {
        let base = reportSources.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [(String, String)] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            files.append((relative, try String(contentsOfFile: base + "/" + relative, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The string literals of a line of code, their interpolations removed.
    static func literals(_ line: String) -> [String] {
        var result: [String] = []
        var chars = Array(line)
        if let comment = line.range(of: "//"), !line[..<comment.lowerBound].contains("\"") { chars = Array(line[..<comment.lowerBound]) }
        var i = 0
        while i < chars.count {
            guard chars[i] == "\"" else {
                i += 1
                continue
            }
            var text = ""
            i += 1
            while i < chars.count && chars[i] != "\"" {
                if chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "(" {
                    var depth = 1
                    i += 2
                    while i < chars.count && depth > 0 {
                        if chars[i] == "(" { depth += 1 }
                        if chars[i] == ")" { depth -= 1 }
                        i += 1
                    }
                    text += " "
                    continue
                }
                if chars[i] == "\\" { i += 1 }
                if i < chars.count { text.append(chars[i]) }
                i += 1
            }
            result.append(text)
            i += 1
        }
        return result
    }

    /// Two words in a row, or one capitalised word: text a reader would read.
    static func isProse(_ literal: String) -> Bool {
        literal.range(of: #"\p{L}{2,}[ ,'’]\p{L}{2,}"#, options: .regularExpression) != nil
            || literal.trimmingCharacters(in: .whitespaces).range(of: #"^\p{Lu}\p{Ll}{2,}$"#, options: .regularExpression) != nil
    }

    @Test("every key has every language, and every language the same placeholders")
    func everyKeyEveryLanguage() {
        let english = TextCatalogue.entries(.en)
        for language in ReportLanguage.allCases {
            let entries = TextCatalogue.entries(language)
            #expect(Set(entries.keys) == Set(english.keys), "\(language): \(Set(entries.keys).symmetricDifference(english.keys).sorted())")
            for (key, text) in entries {
                #expect(!text.isEmpty || english[key]?.isEmpty == true, "\(language) \(key) is empty")
                let placeholders = { (t: String) in
                    Set(t.replacingOccurrences(of: "{{", with: "").matches(of: /\{(\d+)\}/).map { String($0.1) })
                }
                #expect(placeholders(text) == placeholders(english[key] ?? ""), "\(language) \(key): other placeholders than English")
            }
        }
    }

    @Test("every key the code asks for is in the catalogue, and every key of the catalogue is asked for")
    func keysUsed() throws {
        let code = try Self.sources().filter { !$0.path.hasPrefix("Text/") }.map(\.text).joined(separator: "\n")
        let asked = Set(code.matches(of: /text\(\s*"([A-Za-z0-9_.]+)"/).map { String($0.1) })
        // Keys chosen in an expression (`l.text(best ? "words.breakdown.best" : …)`) are literals too.
        let literals = Set(code.matches(of: /"([a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)"/).map { String($0.1) })
        let dynamic = Set(code.matches(of: /text\("([A-Za-z0-9_.]+\.)\\\(/).map { String($0.1) })
        let keys = Set(TextCatalogue.entries(.en).keys)
        #expect(asked.subtracting(keys).isEmpty, "keys missing from the catalogue: \(asked.subtracting(keys).sorted())")
        let unused = keys.filter { key in !literals.contains(key) && !dynamic.contains { key.hasPrefix($0) } }
        #expect(unused.isEmpty, "keys nothing asks for: \(unused.sorted())")
        #expect(keys.count > 300)
    }

    @Test("no layout file of the Report layer holds prose outside the catalogue")
    func noProseInLayout() throws {
        var found: [String] = []
        for (path, text) in try Self.sources() {
            if Self.notLayout.keys.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                // Doc comments, and values matched in a switch (`case "support pact":`), are not shown.
                if code.hasPrefix("//") || code.hasPrefix("case ") { continue }
                for literal in Self.literals(String(line)) where Self.isProse(literal) {
                    found.append("\(path):\(number + 1): \"\(literal)\"")
                }
            }
        }
        #expect(found.isEmpty, "prose outside the catalogue:\n\(found.prefix(20).joined(separator: "\n"))")
    }

    @Test("the test finds prose: a sentence or a capitalised word, not keys, codes or markup")
    func proseDetector() {
        #expect(Self.isProse("Mean change") && Self.isProse("Persone") && Self.isProse("at the end "))
        #expect(!Self.isProse("report.sections.file") && !Self.isProse("n_pairs") && !Self.isProse("%.2f") && !Self.isProse("[c]"))
        #expect(Self.literals(#"x = l.text("a.b", "\(n) ok") + "Mean change""#) == ["a.b", "  ok", "Mean change"])
    }
}
