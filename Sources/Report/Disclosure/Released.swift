/// A figure as it may be released to a funder (METHODS §5 "Markers say what is
/// true"): its value, or why it is withheld. Every renderer of a funder output
/// reads `Released` values only, so none can print what the policy withheld.
public enum Released<Value: Sendable & Equatable>: Sendable, Equatable {
    /// Shown (a count already rounded when the policy rounds).
    case value(Value)
    /// A count from 1 to threshold − 1, withheld for itself: printed `<5`.
    case suppressed
    /// Withheld to protect another figure, or computed from too few people: `[c]`.
    case confidential
    /// Not computable (no one to compute it over, an undefined statistic): `–` or `[x]`.
    case notComputable

    /// The value when shown, else `nil` (JSON writes `null`).
    public var shown: Value? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The same status with the value transformed.
    public func map<T>(_ transform: (Value) -> T) -> Released<T> {
        switch self {
        case .value(let v): return .value(transform(v))
        case .suppressed: return .suppressed
        case .confidential: return .confidential
        case .notComputable: return .notComputable
        }
    }

    /// Whether the figure is withheld by disclosure control (not merely not computable).
    public var isWithheld: Bool {
        switch self {
        case .suppressed, .confidential: return true
        case .value, .notComputable: return false
        }
    }
}
