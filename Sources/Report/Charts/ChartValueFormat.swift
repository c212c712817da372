/// How a chart writes the values on an axis or beside a mark, in the report's
/// language (`44,2%` in Italian, `44.2%` in English).
public enum ChartValueFormat: Sendable, Equatable {
    /// A number with a fixed count of decimals.
    case number(digits: Int)
    /// A share 0–1 written as a percentage with a fixed count of decimals.
    case percent(digits: Int)
    /// A whole number, thousands grouped.
    case integer

    /// A value label (beside a bar, a point, in a legend).
    func label(_ value: Double, _ language: ReportLanguage) -> String {
        switch self {
        case .number(let digits): return Self.signed(language.number(value, digits: digits))
        case .percent(let digits): return Self.signed(language.number(value * 100, digits: digits)) + "%"
        case .integer: return Self.signed(language.count(Int(value.rounded(.toNearestOrAwayFromZero))))
        }
    }

    /// A tick label: as many decimals as the tick step needs, no more.
    func tick(_ value: Double, step: Double, _ language: ReportLanguage) -> String {
        switch self {
        case .number: return Self.signed(language.number(value, digits: Self.decimals(step)))
        case .percent: return Self.signed(language.number(value * 100, digits: Self.decimals(step * 100))) + "%"
        case .integer: return Self.signed(language.count(Int(value.rounded(.toNearestOrAwayFromZero))))
        }
    }

    /// Whether ticks must fall on whole numbers.
    var isInteger: Bool { self == .integer }

    /// The fewest decimals (0–6) that write multiples of `step` exactly.
    static func decimals(_ step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for digits in 0...6 {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = step * scale
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return digits }
        }
        return 6
    }

    /// Typographic minus; no sign on a value that rounds to zero.
    static func signed(_ text: String) -> String {
        guard text.hasPrefix("-") else { return text }
        let body = text.dropFirst()
        if body.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { return String(body) }
        return "\u{2212}" + body
    }
}
