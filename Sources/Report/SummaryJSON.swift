import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// Builds `summary.json` (METHODS §6) from a released evaluation: the
/// contract's keys in the contract's order, rates as fractions, `null` where
/// withheld or not computable.
public struct SummaryJSON: Sendable {
    public let release: ReleasedEvaluation

    public init(_ release: ReleasedEvaluation) {
        self.release = release
    }

    /// The units' entries before `by`, or after it.
    func unitEntries(following: Bool) -> [(String, JSONValue)] {
        release.units.filter { $0.followsSubgroups == following }.flatMap(\.entries)
    }

    /// `by`, with `report --by`.
    var by: [(String, JSONValue)] { release.subgroups.map { [("by", Self.by($0))] } ?? [] }

    public var document: JSONValue {
        let e = release
        return .object(
            [
                ("engine", .object([("name", .string(Engine.name)), ("version", .string(Engine.version))])),
                (
                    "period",
                    .object([
                        ("label", .string(e.period.label)), ("from", .string(e.period.from.iso8601)), ("to", .string(e.period.to.iso8601)),
                    ])
                ),
                (
                    "suppression",
                    .object([
                        ("threshold", .int(e.policy.threshold)), ("applied", .bool(e.policy.isApplied)),
                        ("round", .int(e.policy.roundingBase)),
                    ])
                ),
                (
                    "inputs",
                    .array(
                        e.imports.map { i in
                            .object([
                                ("kind", .string(i.kind.rawValue)), ("file", .string(i.file)), ("sha256", .string(i.sha256)),
                                ("rows", .int(i.rows)),
                            ])
                        })
                ),
            ] + unitEntries(following: false) + by + unitEntries(following: true))
    }

    /// The `by` block: each level with the shapes of the top level.
    static func by(_ subgroups: ReleasedSubgroups) -> JSONValue {
        let levels: [JSONValue] = subgroups.levels.map { item in
            .object([("level", .string(item.level))] + item.evaluation.units.flatMap(\.entries))
        }
        return .object([("attribute", .string(subgroups.attribute)), ("levels", .array(levels))])
    }

    static func rate(_ rate: ReleasedRate, numeratorKey: String) -> [(String, JSONValue)] {
        [
            ("n", .of(rate.denominator)), (numeratorKey, .of(rate.numerator)), ("rate", .of(rate.value)),
            ("ci_low", .of(rate.low)), ("ci_high", .of(rate.high)),
        ]
    }
}
