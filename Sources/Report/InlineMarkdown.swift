/// The inline Markdown that report paragraphs use, `**bold**` and `` `code` ``,
/// parsed into runs so that each renderer can write them its own way (the
/// HTML renderer as `<strong>` and `<code>`, with all text escaped).
///
/// Code spans are literal (no bold inside); an opening marker without its
/// closing one is ordinary text.
enum InlineMarkdown {
    enum Run: Equatable {
        case text(String)
        case code(String)
        case strong([Run])
    }

    static func parse(_ text: String) -> [Run] {
        parse(Array(text))
    }

    /// The text without markers ("NOT FOR DISTRIBUTION — …").
    static func plainText(_ text: String) -> String {
        plainText(parse(text))
    }

    static func plainText(_ runs: [Run]) -> String {
        runs.map { run in
            switch run {
            case .text(let s), .code(let s): return s
            case .strong(let inner): return plainText(inner)
            }
        }.joined()
    }

    private static func parse(_ chars: [Character]) -> [Run] {
        var runs: [Run] = []
        var pending = ""
        func flush() {
            if !pending.isEmpty { runs.append(.text(pending)) }
            pending = ""
        }
        var i = 0
        while i < chars.count {
            if chars[i] == "`", let close = closingBacktick(chars, from: i + 1) {
                flush()
                runs.append(.code(String(chars[(i + 1)..<close])))
                i = close + 1
            } else if isDoubleStar(chars, at: i), let close = closingDoubleStar(chars, from: i + 2), close > i + 2 {
                flush()
                runs.append(.strong(parse(Array(chars[(i + 2)..<close]))))
                i = close + 2
            } else {
                pending.append(chars[i])
                i += 1
            }
        }
        flush()
        return runs
    }

    private static func isDoubleStar(_ chars: [Character], at i: Int) -> Bool {
        i + 1 < chars.count && chars[i] == "*" && chars[i + 1] == "*"
    }

    private static func closingBacktick(_ chars: [Character], from start: Int) -> Int? {
        chars[start...].firstIndex(of: "`")
    }

    /// The next `**` at or after `start`, skipping over code spans.
    private static func closingDoubleStar(_ chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "`", let close = closingBacktick(chars, from: i + 1) {
                i = close + 1
            } else if isDoubleStar(chars, at: i) {
                return i
            } else {
                i += 1
            }
        }
        return nil
    }
}
