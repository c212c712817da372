import Foundation

/// A JSON document with ordered keys and explicit `null`s, serialised
/// deterministically (the contract's key order, stable number formatting).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialised() == b.serialised()
    }

    /// `nil` → `null`.
    public static func of(_ x: Double?) -> JSONValue { x.flatMap { $0.isFinite ? .number($0) : nil } ?? .null }
    public static func of(_ n: Int?) -> JSONValue { n.map { .int($0) } ?? .null }
    public static func of(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Pretty-printed text with two-space indentation and a final newline.
    public func serialised() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let x): out += Self.format(x)
        case .string(let s): out += Self.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += pad + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += inner + Self.quote(key) + ": "
                value.write(into: &out, indent: indent + 1)
                out += i + 1 < pairs.count ? ",\n" : "\n"
            }
            out += pad + "}"
        }
    }

    /// The number rounded to 12 significant digits, then written in its
    /// shortest round-trip form (integers with `.0`). Model results computed
    /// through OpenBLAS can differ in their last bits from one processor to
    /// another; 12 digits are far below every tolerance and make the file the
    /// same on any machine (METHODS §6).
    static func format(_ x: Double) -> String {
        let rounded = Double(String(format: "%.12g", x)) ?? x
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(format: "%.1f", rounded) }
        return "\(rounded)"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue {
    /// The value at a path of object keys, if any.
    public subscript(path path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        guard case .object(let pairs) = self, let child = pairs.first(where: { $0.0 == first })?.1 else { return nil }
        return child[path: Array(path.dropFirst())]
    }

    /// A copy with the value at a path of object keys replaced (no-op when the path is absent).
    public func setting(_ path: [String], to value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.map { key, child in key == first ? (key, child.setting(Array(path.dropFirst()), to: value)) : (key, child) })
    }
}

extension JSONValue {
    /// A released count: `null` when withheld or not computable.
    public static func of(_ r: Released<Int>) -> JSONValue { .of(r.shown) }
    /// A released figure: `null` when withheld or not computable.
    public static func of(_ r: Released<Double>) -> JSONValue { .of(r.shown) }
}
