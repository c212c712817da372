import EvaluationDomain
import Foundation
import Indicators

/// The language of a report (`--lang it|en`): labels, definitions and number
/// formatting (`44,2%` vs `44.2%`).
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, it

    public var decimalSeparator: String { self == .it ? "," : "." }

    public var thousandsSeparator: String { self == .it ? "." : "," }

    /// A number with `digits` decimals in this language, thousands grouped
    /// (`7,600.50` / `7.600,50`).
    public func number(_ x: Double, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", x)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let whole = Self.grouped(String(parts[0]), by: thousandsSeparator)
        let fraction = parts.count > 1 ? decimalSeparator + parts[1] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// A share as a percentage with one decimal (`44.2%`, `44,2%`).
    public func percent(_ x: Double) -> String { number(x * 100, digits: 1) + "%" }

    /// A difference of two shares in percentage points with one decimal (`10.8 pp`, `10,8 p.p.`).
    public func points(_ x: Double) -> String { number(x * 100, digits: 1) + (self == .it ? " p.p." : " pp") }

    /// A set share such as a threshold, without a needless decimal (`75%`, `66.7%`).
    public func threshold(_ x: Double) -> String {
        let p = x * 100
        return number(p, digits: (p * 10).rounded() == (p.rounded() * 10) ? 0 : 1) + "%"
    }

    /// A whole count with thousands grouped (`1,234` / `1.234`).
    public func count(_ n: Int) -> String {
        (n < 0 ? "-" : "") + Self.grouped(String(n.magnitude), by: thousandsSeparator)
    }

    /// A string of digits in groups of three from the right.
    static func grouped(_ digits: String, by separator: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        return groups.joined(separator: separator)
    }

    /// The month's name (1–12) in this language.
    func monthName(_ month: Int) -> String { text("month.\(month)") }

    /// A date in words (`30 June 2016`, `30 giugno 2016`).
    public func date(_ d: CalendarDate) -> String {
        "\(d.day) \(monthName(d.month)) \(d.year)"
    }

    /// A period in words: `2nd quarter 2016` / `2° trimestre 2016`, a year as
    /// itself, a month by name, else `from … to …`.
    public func period(_ p: Period) -> String {
        let label = p.label
        if let q = label.firstIndex(of: "Q"), let quarter = Int(label[label.index(after: q)...]) {
            let year = label[..<q]
            return text("reportLanguage.quarter.\(quarter)", year)
        }
        if Int(label) != nil { return label }
        if p.from.day == 1, p.from.month == p.to.month, p.from.year == p.to.year, label.count == 7 {
            return "\(monthName(p.from.month)) \(p.from.year)"
        }
        return text("reportLanguage.to", date(p.from), date(p.to))
    }

    /// English or Italian text given inline: for tests and sample documents only; the
    /// reports take every sentence from the catalogue (`text(_:_:)`, `Sources/Report/Text`).
    public func t(_ en: String, _ it: String) -> String { self == .it ? it : en }
}
