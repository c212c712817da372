import EvaluationDomain
import Foundation
import Indicators
import Ingest
import Statistics
import Store

/// The language of a report (`--lang it|en`): labels, definitions and number
/// formatting (`44,2%` vs `44.2%`).
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, it

    public var decimalSeparator: String { self == .it ? "," : "." }

    /// A number with `digits` decimals in this language.
    public func number(_ x: Double, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", x)
        return self == .it ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share as a percentage with one decimal (`44.2%`, `44,2%`).
    public func percent(_ x: Double) -> String { number(x * 100, digits: 1) + "%" }

    /// A whole count with thousands grouped (`1,234` / `1.234`).
    public func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        return (n < 0 ? "-" : "") + groups.joined(separator: self == .it ? "." : ",")
    }

    /// English or Italian text.
    public func t(_ en: String, _ it: String) -> String { self == .it ? it : en }
}
