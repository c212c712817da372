/// Every sentence a reader sees, in one catalogue per language (`English.swift`,
/// `Italian.swift`), by key: layout code asks for `language.text("key", arguments…)`
/// and holds no prose of its own, so a sentence can be made grammatical in each
/// language as a whole and a third language is a third file. `{0}`, `{1}`, … stand for
/// the arguments (in any order a language needs); `{{` and `}}` for braces.
/// A test checks that every key has every language and is used, and that no layout
/// file of the Report layer holds prose.
enum TextCatalogue {
    /// The entries of a language.
    static func entries(_ language: ReportLanguage) -> [String: String] {
        switch language {
        case .en: return english
        case .it: return italian
        }
    }

    /// `template` with `{k}` replaced by the k-th argument's text.
    static func format(_ template: String, _ arguments: [Any]) -> String {
        var out = ""
        var chars = Substring(template)
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{" {
                if chars.first == "{" {
                    out.append("{")
                    chars = chars.dropFirst()
                    continue
                }
                let digits = chars.prefix { $0.isNumber }
                if let k = Int(digits), chars.dropFirst(digits.count).first == "}", arguments.indices.contains(k) {
                    out += "\(arguments[k])"
                    chars = chars.dropFirst(digits.count + 1)
                    continue
                }
            } else if c == "}" && chars.first == "}" {
                chars = chars.dropFirst()
            }
            out.append(c)
        }
        return out
    }
}

extension ReportLanguage {
    /// The catalogue's text for `key` in this language, with `{0}`, `{1}`, … replaced by
    /// `arguments` (each as its own interpolation would print it).
    public func text(_ key: String, _ arguments: Any...) -> String {
        text(key, arguments: arguments)
    }

    /// The same, with the values as an array.
    public func text(_ key: String, arguments: [Any]) -> String {
        guard let template = TextCatalogue.entries(self)[key] else { return "[text missing: \(key)]" }
        return TextCatalogue.format(template, arguments)
    }
}
