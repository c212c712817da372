import Foundation

/// An attacker's reading of a released report (METHODS §5 "Nothing derived from
/// a suppressed count is shown", "Markers say what is true"). It knows nothing
/// of how the engine suppresses: it is given the files a funder receives and,
/// to judge its guesses, the same report made with `--no-suppress` (the
/// truth). For every withheld count it tries what an attacker would — rate ×
/// denominator, Wilson interval inversion, a total minus the other parts of a
/// partition, a complement, the same figure elsewhere, a ratio of shown
/// figures, a share × its base — and records each guess that gives the true
/// value back. It also records every `<5` whose true value is 5 or more or
/// not a count.
struct DisclosureAttacker {
    /// A guess that recovered a withheld value, or a false marker.
    struct Finding: CustomStringConvertible {
        var file: String
        var place: String
        var how: String
        var description: String { "\(file): \(place): \(how)" }
    }

    private(set) var findings: [Finding] = []
    /// Withheld cells examined (JSON values and table cells).
    private(set) var withheldCells = 0
    /// `<5` markers checked against the truth.
    private(set) var suppressedMarkers = 0
    let threshold: Int

    init(threshold: Int) {
        self.threshold = threshold
    }

    /// Attacks one report: `released` and `truth` are the files of the same
    /// report with and without suppression, by relative path.
    mutating func attack(released: [(String, Data)], truth: [(String, Data)]) {
        let truthFiles = Dictionary(truth, uniquingKeysWith: { a, _ in a })
        let summary = released.first { $0.0 == "summary.json" }.map { Tree.parse($0.1) } ?? .null
        let totals = [["reemployment", "n"], ["retention", "n"], ["reach", "enrolled"]].compactMap { summary[$0]?.number }
        for (path, data) in released {
            guard let original = truthFiles[path] else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let truthText = String(decoding: original, as: UTF8.self)
            if path == "summary.json" {
                attackJSON(Tree.parse(data), truth: Tree.parse(original))
            } else if path.hasSuffix(".csv") {
                attackTable(path, CSVText.rows(text), truth: CSVText.rows(truthText), totals: totals)
            } else if path == "report.md" {
                checkMarkdown(path, text, truth: truthText)
            }
        }
    }

    // MARK: summary.json

    static let countKeys: Set<String> = [
        "n", "retained", "employed", "not_started", "enrolled", "attended_once", "participants", "sessions", "n_pairs",
        "reliably_improved", "no_reliable_change", "reliably_deteriorated", "mid_improved", "mid_unchanged", "mid_deteriorated",
        "n_completers", "n_dropouts", "lost_to_follow_up", "traineeship", "fixed_term", "permanent", "self_employment",
        "training", "other",
    ]

    mutating func attackJSON(_ released: Tree, truth: Tree) {
        // Every withheld value (null where the truth has a number).
        released.walk(truth: truth, path: []) { path, shown, real in
            if case .null = shown, case .number = real { withheldCells += 1 }
        }
        // Every object that is a rate, at any depth.
        released.objects(truth: truth, path: []) { path, object, real in
            attackRate(path, object, real)
        }
        attackPartitions(released, truth: truth, prefix: [])
        if let levels = released[["by", "levels"]]?.items, let truthLevels = truth[["by", "levels"]]?.items {
            for (k, (level, real)) in zip(levels, truthLevels).enumerated() {
                attackPartitions(level, truth: real, prefix: ["by", "levels", String(k)])
            }
            // Each count of a level is a part of the same count overall (a level
            // without an element, e.g. no pairs of an instrument, has 0 of it).
            let top = released.countLeaves()
            let shown = levels.map { $0.countLeaves() }
            let real = truthLevels.map { $0.countLeaves() }
            let names = Set(real.flatMap(\.keys)).sorted()
            for name in names {
                partition(
                    file: "summary.json", name: "by levels \(name)",
                    parts: shown.map { $0[name].map { $0.map(Tree.number) ?? .null } ?? .number(0) },
                    truthParts: real.map { $0[name].map { $0.map(Tree.number) ?? .null } ?? .number(0) },
                    total: top[name].map { $0.map(Tree.number) ?? .null })
            }
        }
        // The same figure under two names.
        sameFigure(released[["retention", "retained"]], released[["reemployment", "retained", "n"]], truth[["retention", "retained"]])
        // Cost: total ÷ cost per person gives the number of people back.
        if let total = released[["cost", "total"]]?.number {
            for (key, count) in [
                ("per_enrolled", ["reemployment", "n"]), ("per_retained", ["retention", "retained"]),
                ("per_reemployed", ["reemployment", "employed"]),
            ] {
                guard case .null = released[count] ?? .null, let real = truth[count]?.number, let per = released[["cost", key]]?.number,
                    per > 0
                else { continue }
                guess("summary.json", "cost.\(key)", (total / per).rounded(), real, "total ÷ \(key)")
            }
        }
    }

    /// `{n, retained|employed, rate, ci_low, ci_high}`.
    mutating func attackRate(_ path: [String], _ object: Tree, _ truth: Tree) {
        guard let numeratorKey = ["retained", "employed"].first(where: { object[[$0]] != nil }), object[["n"]] != nil,
            object[["rate"]] != nil
        else { return }
        let place = (path + [numeratorKey]).joined(separator: ".")
        let n = object[["n"]]?.number
        let x = object[[numeratorKey]]?.number
        let rate = object[["rate"]]?.number
        let low = object[["ci_low"]]?.number
        let high = object[["ci_high"]]?.number
        if x == nil, let real = truth[[numeratorKey]]?.number {
            if let n, let rate { guess("summary.json", place, (rate * n).rounded(), real, "rate × n") }
            if let n, let low, let high, let k = Self.invertWilson(low: low, high: high, n: Int(n)) {
                guess("summary.json", place, Double(k), real, "Wilson interval inversion")
            }
            if let upper = object[["rate_upper_bound"]]?.number, let n, let lost = object[["lost_to_follow_up"]]?.number {
                guess("summary.json", place, (upper * n - lost).rounded(), real, "upper bound × n − lost to follow-up")
            }
        }
        if n == nil, let real = truth[["n"]]?.number, let x, let rate, rate > 0 {
            guess("summary.json", (path + ["n"]).joined(separator: "."), (x / rate).rounded(), real, "numerator ÷ rate")
        }
        if let lostTruth = truth[["lost_to_follow_up"]]?.number, object[["lost_to_follow_up"]]?.number == nil,
            let upper = object[["rate_upper_bound"]]?.number, let n, let x
        {
            guess(
                "summary.json", (path + ["lost_to_follow_up"]).joined(separator: "."), (upper * n - x).rounded(), lostTruth, "upper bound")
        }
        if rate == nil, let realRate = truth[["rate"]]?.number, let x, let n, n > 0, abs(x / n - realRate) < 1e-9 {
            record("summary.json", (path + ["rate"]).joined(separator: "."), "withheld rate = numerator ÷ n")
        }
    }

    mutating func attackPartitions(_ released: Tree, truth: Tree, prefix: [String]) {
        let name = { (s: String) in (prefix + [s]).joined(separator: ".") }
        if let types = released[["reemployment", "by_type"]], let real = truth[["reemployment", "by_type"]] {
            let keys = real.keys
            partition(
                file: "summary.json", name: name("reemployment.by_type"), parts: keys.map { types[[$0]] },
                truthParts: keys.map { real[[$0]] }, total: released[["reemployment", "employed"]])
        }
        for (k, (w, real)) in zip(released[["wellbeing"]]?.items ?? [], truth[["wellbeing"]]?.items ?? []).enumerated() {
            for keys in [
                ["reliably_improved", "no_reliable_change", "reliably_deteriorated"],
                ["mid_improved", "mid_unchanged", "mid_deteriorated"],
            ] {
                partition(
                    file: "summary.json", name: name("wellbeing[\(k)].\(keys[0])"), parts: keys.map { w[[$0]] },
                    truthParts: keys.map { real[[$0]] }, total: w[["n_pairs"]])
            }
            // Completers + dropouts = everyone with a baseline (α's n at baseline).
            let instrument = w[["instrument"]]?.string
            let baseline = released[["instruments"]]?.items.first {
                $0[["instrument"]]?.string == instrument && $0[["wave"]]?.string == "baseline"
            }
            partition(
                file: "summary.json", name: name("wellbeing[\(k)].attrition"),
                parts: [w[["attrition", "n_completers"]], w[["attrition", "n_dropouts"]]],
                truthParts: [real[["attrition", "n_completers"]], real[["attrition", "n_dropouts"]]], total: baseline?[["n"]])
        }
        partition(
            file: "summary.json", name: name("retention.n + not_started"),
            parts: [released[["retention", "n"]], released[["retention", "not_started"]]],
            truthParts: [truth[["retention", "n"]], truth[["retention", "not_started"]]], total: released[["reemployment", "n"]])
        // The make-up: each attribute's levels add up to the enrolled; a share × the enrolled is a count.
        let rows = released[["reach", "by_attribute"]]?.items ?? []
        let truthRows = truth[["reach", "by_attribute"]]?.items ?? []
        var attributes: [String] = []
        for row in rows where !attributes.contains(row[["attribute"]]?.string ?? "") { attributes.append(row[["attribute"]]?.string ?? "") }
        let enrolled = released[["reach", "enrolled"]]
        for attribute in attributes {
            let pairs = zip(rows, truthRows).filter { $0.0[["attribute"]]?.string == attribute }
            partition(
                file: "summary.json", name: name("reach.by_attribute \(attribute)"), parts: pairs.map { $0.0[["n"]] },
                truthParts: pairs.map { $0.1[["n"]] }, total: enrolled)
            for (row, real) in pairs {
                guard row[["n"]]?.number == nil, let share = row[["share"]]?.number, let base = enrolled?.number,
                    let value = real[["n"]]?.number
                else { continue }
                guess("summary.json", name("reach.by_attribute \(attribute)"), (share * base).rounded(), value, "share × enrolled")
            }
        }
    }

    /// Parts that add up to a total: one withheld part is the total minus the others.
    mutating func partition(file: String, name: String, parts: [Tree?], truthParts: [Tree?], total: Tree?) {
        let hidden = parts.indices.filter { parts[$0]?.number == nil && truthParts[$0]?.number != nil }
        guard hidden.count == 1, let total = total?.number else { return }
        let others = parts.indices.filter { $0 != hidden[0] }.compactMap { parts[$0]?.number }
        guard others.count == parts.count - 1, let real = truthParts[hidden[0]]?.number else { return }
        guess(file, name, total - others.reduce(0, +), real, "total − the other parts")
    }

    mutating func sameFigure(_ a: Tree?, _ b: Tree?, _ truth: Tree?) {
        guard let real = truth?.number else { return }
        if a?.number == nil, let shown = b?.number { guess("summary.json", "retention.retained", shown, real, "the same figure elsewhere") }
        if b?.number == nil, let shown = a?.number {
            guess("summary.json", "reemployment.retained.n", shown, real, "the same figure elsewhere")
        }
    }

    mutating func guess(_ file: String, _ place: String, _ guessed: Double, _ real: Double, _ how: String) {
        if guessed == real && (real > 0 || threshold == 0) { record(file, place, "\(how) gives \(Int(real)) back") }
    }

    mutating func record(_ file: String, _ place: String, _ how: String) {
        findings.append(Finding(file: file, place: place, how: how))
    }

    /// The successes k whose Wilson 95% interval over n is the one shown, when only one is.
    static func invertWilson(low: Double, high: Double, n: Int) -> Int? {
        guard n > 0 else { return nil }
        let z = 1.959963984540054
        let matches = (0...n).filter { k in
            let p = Double(k) / Double(n)
            let centre = (p + z * z / (2 * Double(n))) / (1 + z * z / Double(n))
            let half = z / (1 + z * z / Double(n)) * (p * (1 - p) / Double(n) + z * z / (4 * Double(n * n))).squareRoot()
            return abs(centre - half - low) < 1e-6 && abs(centre + half - high) < 1e-6
        }
        return matches.count == 1 ? matches[0] : nil
    }

    // MARK: Tables

    /// Columns an attacker reads as shares (fractions 0–1) and as counts of people, by their header.
    static let shareColumns: Set<String> = [
        "Rate", "Share", "Retention", "Re-employment", "Share of enrolled", "Share still attending after it",
    ]
    static let countColumns: Set<String> = [
        "Numerator", "Denominator", "Of", "Enrolled", "People", "n", "Retained", "Re-employed", "Still attending before it", "Pairs",
    ]

    /// A table's withheld cells against the same table without suppression: a
    /// share column is its numerator (the nearest count column to its left)
    /// over its denominator (a count column between them, else one of the
    /// report's totals); a withheld numerator is share × denominator, a
    /// withheld share is numerator ÷ denominator.
    mutating func attackTable(_ file: String, _ rows: [[String]], truth: [[String]], totals: [Double]) {
        guard rows.count == truth.count, let header = rows.first else {
            record(file, "shape", "\(rows.count) rows released, \(truth.count) in truth")
            return
        }
        let counts = header.indices.filter { Self.countColumns.contains(header[$0]) }
        var triples: [(share: Int, numerator: Int, denominator: Int?)] = []
        for s in header.indices where Self.shareColumns.contains(header[s]) {
            guard let numerator = counts.last(where: { $0 < s && !["Of", "Denominator"].contains(header[$0]) }) else { continue }
            triples.append((s, numerator, counts.first { $0 > numerator && $0 < s }))
        }
        for (r, (row, real)) in zip(rows, truth).enumerated() where r > 0 && row.count == real.count {
            for (c, cell) in row.enumerated() where cell == "[c]" || cell.hasPrefix("<") {
                withheldCells += 1
                guard let value = Self.number(real[c]) else { continue }
                for t in triples {
                    let bases = t.denominator.map { Self.number(row[$0]).map { [$0] } ?? [] } ?? totals
                    if c == t.numerator, let share = Self.number(row[t.share]), value > 0 {
                        for base in bases where (share * base).rounded() == value {
                            record(file, "row \(r + 1) column \(c + 1)", "\(header[t.share]) × \(base) gives \(Int(value)) back")
                        }
                    }
                    if c == t.share, let x = Self.number(row[t.numerator]) {
                        for base in bases where base > 0 && abs(x / base - value) < 1e-6 {
                            record(file, "row \(r + 1) column \(c + 1)", "\(header[t.numerator]) ÷ \(base) gives the withheld share back")
                        }
                    }
                }
            }
        }
    }

    /// Every `<5` in the Markdown report stands for a true count from 1 to
    /// threshold − 1; and no `<5` stands in a row whose base (`Of`,
    /// `Denominator`) is itself withheld: in a table of fewer people than the
    /// threshold a `<5` beside a `[c]` would tell who is there.
    mutating func checkMarkdown(_ file: String, _ text: String, truth: String) {
        let marker = "<\(threshold)"
        let tables = Self.tables(text)
        let truthTables = Self.tables(truth)
        guard tables.count == truthTables.count else {
            record(file, "tables", "\(tables.count) tables released, \(truthTables.count) in truth")
            return
        }
        for (t, (table, real)) in zip(tables, truthTables).enumerated() where table.count == real.count {
            let header = table.first ?? []
            let bases = header.indices.filter { ["Of", "Denominator"].contains(header[$0]) }
            for (r, (row, realRow)) in zip(table, real).enumerated().dropFirst() where row.count == realRow.count {
                for (c, cell) in row.enumerated() where cell == marker {
                    suppressedMarkers += 1
                    let value = Int(realRow[c].replacingOccurrences(of: ",", with: ""))
                    if value == nil || (value ?? 0) < 1 || (value ?? 0) >= threshold {
                        record(file, "table \(t + 1) row \(r + 1) column \(c + 1)", "\(marker) where the true value is '\(realRow[c])'")
                    }
                    if bases.contains(where: { $0 != c && (row[$0] == marker || row[$0] == "[c]") }) {
                        record(file, "table \(t + 1) row \(r + 1) column \(c + 1)", "\(marker) in a row whose base is withheld")
                    }
                }
            }
        }
    }

    /// The pipe tables of a Markdown text, each as rows of cells (header first).
    static func tables(_ markdown: String) -> [[[String]]] {
        var tables: [[[String]]] = []
        var current: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| ") {
                if line.hasPrefix("| --") || line.hasPrefix("| -") { continue }
                current.append(line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) })
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.first != "[", text.first != "<" else { return nil }
        return Double(text.replacingOccurrences(of: ",", with: "."))
    }
}

/// A JSON value as parsed for the attacker.
indirect enum Tree {
    case null
    case number(Double)
    case string(String)
    case bool(Bool)
    case array([Tree])
    case object([(String, Tree)])

    static func parse(_ data: Data) -> Tree {
        guard let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return .null }
        return Tree(any)
    }

    init(_ any: Any) {
        switch any {
        case let n as NSNumber: self = .number(n.doubleValue)
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(Tree.init))
        case let d as [String: Any]: self = .object(d.keys.sorted().map { ($0, Tree(d[$0] ?? NSNull())) })
        default: self = .null
        }
    }

    subscript(path: [String]) -> Tree? {
        guard let first = path.first else { return self }
        switch self {
        case .object(let pairs): return pairs.first { $0.0 == first }?.1[Array(path.dropFirst())]
        case .array(let items): return Int(first).flatMap { $0 < items.count ? items[$0] : nil }?[Array(path.dropFirst())]
        default: return nil
        }
    }

    var number: Double? { if case .number(let x) = self { return x } else { return nil } }

    /// Counts by a name that identifies them across `by` levels: array
    /// elements are named by their instrument and wave, or service (`nil` = null).
    func countLeaves() -> [String: Double?] {
        var out: [String: Double?] = [:]
        func visit(_ tree: Tree, _ name: String, _ key: String) {
            switch tree {
            case .object(let pairs):
                for (k, v) in pairs { visit(v, name + "." + k, k) }
            case .array(let items):
                for (index, item) in items.enumerated() {
                    let id = [item[["instrument"]]?.string, item[["wave"]]?.string, item[["service"]]?.string].compactMap { $0 }
                    visit(item, name + "[" + (id.isEmpty ? String(index) : id.joined(separator: "/")) + "]", "")
                }
            case .number(let x) where DisclosureAttacker.countKeys.contains(key): out[name] = x
            case .null where DisclosureAttacker.countKeys.contains(key): out[name] = .some(nil)
            default: break
            }
        }
        visit(self, "", "")
        return out
    }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var items: [Tree] { if case .array(let a) = self { return a } else { return [] } }
    var keys: [String] { if case .object(let p) = self { return p.map(\.0) } else { return [] } }

    /// Every leaf beside its counterpart in `truth`.
    func walk(truth: Tree, path: [String], _ visit: ([String], Tree, Tree) -> Void) {
        switch (self, truth) {
        case (.object(let pairs), .object):
            for (key, value) in pairs { value.walk(truth: truth[[key]] ?? .null, path: path + [key], visit) }
        case (.array(let items), .array(let real)):
            for (k, (item, other)) in zip(items, real).enumerated() { item.walk(truth: other, path: path + [String(k)], visit) }
        default:
            visit(path, self, truth)
        }
    }

    /// Every object beside its counterpart in `truth`.
    func objects(truth: Tree, path: [String], _ visit: ([String], Tree, Tree) -> Void) {
        switch (self, truth) {
        case (.object(let pairs), .object):
            visit(path, self, truth)
            for (key, value) in pairs { value.objects(truth: truth[[key]] ?? .null, path: path + [key], visit) }
        case (.array(let items), .array(let real)):
            for (k, (item, other)) in zip(items, real).enumerated() { item.objects(truth: other, path: path + [String(k)], visit) }
        default:
            break
        }
    }
}

/// RFC 4180 rows of a CSV written by the report (`,`, quotes doubled).
enum CSVText {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        func handle(_ ch: Character) {
            switch ch {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r\n", "\n":
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            default: field.append(ch)
            }
        }
        var iterator = text.makeIterator()
        while let ch = iterator.next() {
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            handle(next)
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(ch)
                }
            } else {
                handle(ch)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
