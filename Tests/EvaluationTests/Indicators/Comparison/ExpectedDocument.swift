import Evaluation
import Foundation
import Testing

@testable import Indicators

/// A JSON document written by a fixture's generate.R, read without a schema.
indirect enum RJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([RJSON]), object([String: RJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? c.decode(Double.self) {
            self = .number(x)
        } else if let s = try? c.decode(String.self) {
            switch s {
            case "Inf": self = .number(.infinity)
            case "-Inf": self = .number(-.infinity)
            case "NaN": self = .number(.nan)
            default: self = .string(s)
            }
        } else if let a = try? c.decode([RJSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: RJSON].self))
        }
    }

    subscript(key: String) -> RJSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var array: [RJSON] {
        if case .array(let a) = self { return a }
        return []
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var keys: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }

    var items: [JSONValue] {
        if case .array(let a) = self { return a }
        return []
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var number: Double? {
        switch self {
        case .number(let x): return x
        case .int(let n): return Double(n)
        default: return nil
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// Compares a `compare --json` document with R's values, key by key (only the
/// keys R wrote; extra keys of the document are allowed, as the contract
/// allows), and keeps the worst relative error per quantity for the record.
final class ReferenceComparison: @unchecked Sendable {
    /// Quantity ("adjusted.logistic.se_cr2", "icc", …) → worst relative error seen.
    private(set) var worst: [String: Double] = [:]

    /// Tolerances: 1e-6 for closed forms, 1e-5 for iterative fits (logistic,
    /// Cox, mixed model, ICC); counts, labels and flags exactly.
    func rtol(_ quantity: String) -> Double {
        if quantity.hasPrefix("adjusted.logistic") || quantity.hasPrefix("adjusted.cox") || quantity.hasPrefix("mixed")
            || quantity == "icc"
        {
            return 1e-5
        }
        return 1e-6
    }

    func compare(
        _ actual: JSONValue?, _ expected: RJSON, quantity: String, path: String, atol: Double = 1e-12,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let actual else {
            Issue.record("\(path): missing in the document", sourceLocation: sourceLocation)
            return
        }
        switch expected {
        case .null:
            #expect(actual.isNull, "\(path): expected null, got \(actual.serialised())", sourceLocation: sourceLocation)
        case .bool(let b):
            #expect(actual == .bool(b), "\(path): expected \(b)", sourceLocation: sourceLocation)
        case .string(let s):
            #expect(actual.string == s, "\(path): expected \(s), got \(actual.serialised())", sourceLocation: sourceLocation)
        case .number(let e):
            guard let a = actual.number else {
                Issue.record("\(path): expected \(e), got \(actual.serialised())", sourceLocation: sourceLocation)
                return
            }
            // Relative error; for a reference within atol of 0, the absolute one.
            let error = a == e ? 0 : abs(e) > atol ? abs(a - e) / abs(e) : abs(a - e)
            worst[quantity] = max(worst[quantity] ?? 0, error)
            expectClose(a, e, rtol: rtol(quantity), atol: atol, path, sourceLocation: sourceLocation)
        case .array(let items):
            let got = actual.items
            #expect(got.count == items.count, "\(path): \(got.count) elements, R has \(items.count)", sourceLocation: sourceLocation)
            for (k, (a, e)) in zip(got, items).enumerated() {
                compare(a, e, quantity: quantity, path: "\(path)[\(k)]", atol: atol, sourceLocation: sourceLocation)
            }
        case .object(let fields):
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                var q = quantity.isEmpty ? key : "\(quantity).\(key)"
                if key == "adjusted" || quantity == "adjusted" {
                    // Name adjusted quantities by model: adjusted.logistic.se_cr2.
                    if quantity == "adjusted", let model = actual["model"]?.string { q = "adjusted.\(model).\(key)" }
                }
                var tolerance = atol
                // At a boundary fit R's optimiser stops a hair away from σ_group = 0.
                if key == "sd_group", let residual = fields["sd_residual"]?.number { tolerance = max(atol, 1e-6 * residual) }
                compare(actual[key], value, quantity: q, path: "\(path).\(key)", atol: tolerance, sourceLocation: sourceLocation)
            }
        }
    }

    /// One line per quantity: its worst relative error.
    var summary: String {
        worst.keys.sorted().map { "\($0): \(String(format: "%.2e", worst[$0] ?? 0))" }.joined(separator: "\n")
    }
}
