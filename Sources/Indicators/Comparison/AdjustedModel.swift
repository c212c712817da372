/// The adjusted model of an outcome (METHODS §5): logistic regression for the
/// binary outcomes, linear regression for the continuous ones, Cox
/// proportional hazards for time to job. Its raw value is the name
/// `compare --json` writes (`"model"`).
public enum AdjustedModel: String, Sendable, CaseIterable {
    case logistic, linear, cox

    /// The model of an outcome kind.
    public init(_ kind: ComparisonOutcomeKind) {
        switch kind {
        case .binary: self = .logistic
        case .continuous: self = .linear
        case .survival: self = .cox
        }
    }

    /// Whether estimates are log ratios (odds or hazard), reported also exponentiated.
    public var isRatio: Bool { self != .linear }

    /// The ratio's abbreviation ("OR", "HR"), `nil` for a difference.
    public var ratioName: String? {
        switch self {
        case .logistic: return "OR"
        case .cox: return "HR"
        case .linear: return nil
        }
    }

    /// Whether the cluster-robust errors are the grouped sandwich (Cox) rather than CR2.
    public var usesGroupedSandwich: Bool { self == .cox }
}
