import EvaluationDomain

/// The disclosure policy of funder outputs (METHODS §5 "Suppression", §6
/// "Disclosure control"): counts of people from 1 to threshold − 1 are
/// suppressed, and so is everything from which they could be worked back;
/// shown counts may then be rounded to a base. `DisclosureLedger` applies it;
/// `ReleasedEvaluation` and `ReleasedComparison` are what it releases.
public struct Disclosure: Sendable, Equatable {
    /// 0 when control is off (`--no-suppress`).
    public let threshold: Int
    /// Shown counts are rounded to the nearest multiple (0 or 1: no rounding).
    public let roundingBase: Int

    /// The project's policy (`[suppression]` of `evalrun.toml`), or none with
    /// `suppress: false` (`--no-suppress`, researchers only).
    public init(configuration: ProjectConfiguration, suppress: Bool) {
        self.init(
            threshold: suppress ? configuration.suppressionThreshold : 0,
            roundingBase: suppress ? configuration.suppressionRound : 0)
    }

    public init(threshold: Int, roundingBase: Int) {
        self.threshold = max(threshold, 0)
        self.roundingBase = max(roundingBase, 0)
    }

    /// Whether control is applied at all.
    public var isApplied: Bool { threshold > 0 }

    /// Whether a count is primary-suppressed (1 … threshold − 1; 0 is shown).
    public func isSmall(_ n: Int) -> Bool { isApplied && n > 0 && n < threshold }

    /// Rounds a shown count to the base (halves up), when one is set.
    public func rounded(_ n: Int) -> Int {
        guard roundingBase > 1 else { return n }
        return Int((Double(n) / Double(roundingBase)).rounded(.toNearestOrAwayFromZero)) * roundingBase
    }

    /// The base numbers at risk of a published Kaplan–Meier curve are rounded to:
    /// the rounding base, or 5 when counts are not rounded (METHODS §9 *Kaplan–Meier*).
    public var curveRoundingBase: Int { roundingBase > 1 ? roundingBase : 5 }

    /// Whether a share read off a Kaplan–Meier curve at t is withheld: fewer than the
    /// threshold events up to t, or fewer than the threshold people at risk at t
    /// (none is a count like any other: shown).
    public func withholdsShareByTime(eventsBefore: Int, atRisk: Int) -> Bool {
        isSmall(eventsBefore) || isSmall(atRisk)
    }

    /// The marker of a primary-suppressed count: `<5` for a threshold of 5.
    public var suppressedMarker: String { "<\(threshold)" }
    /// The marker of every other withheld figure (the ONS convention).
    public static let confidentialMarker = "[c]"
    /// The marker of a value that cannot be computed, in CSV (`–` in Markdown and HTML).
    public static let notComputableCSVMarker = "[x]"
}
