/// Ordering and labelling of attribute levels (METHODS §5 "Levels and terms",
/// "`by` levels"): trimmed values by Unicode code points, numerically when every
/// level is a number; a blank value is the level `(missing)`, listed last.
public enum Levels {
    /// The label of a missing value.
    public static let missing = "(missing)"

    /// Strict order by Unicode scalar values (not locale collation).
    public static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
    }

    /// Sorts levels: numerically if all (non-missing) are numbers, else by code
    /// points; `(missing)` last.
    public static func sorted(_ levels: some Sequence<String>) -> [String] {
        let unique = Array(Set(levels))
        let present = unique.filter { $0 != missing }
        let numbers = present.compactMap { Double($0) }
        var ordered: [String]
        let bands = present.compactMap(bandStart)
        if !present.isEmpty && numbers.count == present.count {
            ordered = present.sorted { (Double($0) ?? 0, $0.unicodeScalars.count) < (Double($1) ?? 0, $1.unicodeScalars.count) }
        } else if !present.isEmpty && bands.count == present.count {
            ordered = present.sorted { (bandStart($0) ?? 0, $0.hasPrefix(">") ? 1 : 0) < (bandStart($1) ?? 0, $1.hasPrefix(">") ? 1 : 0) }
        } else {
            ordered = present.sorted(by: codePointOrder)
        }
        if unique.contains(missing) { ordered.append(missing) }
        return ordered
    }

    /// The lower end of a band label (`<30` → −∞, `30–39` → 30, `≥50` → 50, `≤2` → −∞,
    /// `>4.5` → 4.5), `nil` for anything else.
    static func bandStart(_ label: String) -> Double? {
        if label.hasPrefix("<") || label.hasPrefix("≤") { return Double(label.dropFirst()).map { _ in -Double.infinity } }
        if label.hasPrefix("≥") || label.hasPrefix(">") { return Double(label.dropFirst()) }
        let parts = label.split(separator: "–")
        guard parts.count == 2, let low = Double(parts[0]), Double(parts[1]) != nil else { return nil }
        return low
    }
}
