import EvaluationDomain
import Statistics

/// A caveat `compare` attaches to a comparison, an outcome or one of its models: its
/// English sentence (the language of `compare --json`) and, for a report in another
/// language, which sentence it is (`code`, a catalogue key under
/// `comparison.note.`) with the values in it (`arguments`, in order). Reports word it
/// from the catalogue; nothing parses the English.
public struct ComparisonNote: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let arguments: [String]
    public let english: String

    public var description: String { english }

    init(_ code: String, _ arguments: [String] = [], _ english: String) {
        self.code = code
        self.arguments = arguments
        self.english = english
    }

    /// From a statistical diagnostic: `diagnostic.<its code>`.
    init(_ diagnostic: Diagnostic) {
        self.init("diagnostic.\(diagnostic.code)", diagnostic.arguments, diagnostic.message)
    }

    static func constantWithinGroups(attribute: String, groups: Int) -> Self {
        Self(
            "constant_within_groups", [attribute, "\(groups)"],
            "\(attribute) is constant within groups: the \(groups) groups, not the participants, are the units of inference")
    }

    /// Levels with fewer than 2 groups among the rows a model uses: arguments are level, groups, level, groups…
    static func thinLevels(_ levels: [(level: String, groups: Int)]) -> Self {
        let which = levels.map { "'\($0.level)' has \($0.groups)" }.joined(separator: ", ")
        return Self(
            "thin_levels", levels.flatMap { [$0.level, "\($0.groups)"] },
            "with this outcome, level \(which) group(s): a model needs at least 2 groups per level")
    }

    static func tooFewClusters(parameters: Int, groups: Int) -> Self {
        Self(
            "too_few_clusters", ["\(parameters)", "\(groups)"],
            "the model has \(parameters) parameters for \(groups) groups: too few clusters to estimate it")
    }

    static func constantCovariate(_ name: String, participants: Int) -> Self {
        Self(
            "constant_covariate", [name, "\(participants)"],
            "covariate '\(name)' takes a single value among the \(participants) participants with this outcome: the design is singular, so the model cannot be fitted"
        )
    }

    static func constantOutcome(_ value: Double) -> Self {
        let text = DecimalText.format(value, digits: 6)
        return Self("constant_outcome", [text], "the outcome is constant (every value is \(text)): there is no variation to model")
    }

    static func notFitted(_ error: any Error) -> Self {
        Self("not_fitted", ["\(error)"], "the model cannot be fitted: \(error)")
    }

    static func internalError(_ error: any Error) -> Self {
        Self("internal_error", ["\(error)"], "internal error while fitting the model (please report it): \(error)")
    }

    static let exactFit = Self(
        "exact_fit", [], "the model fits the outcome exactly (no residual variation): its standard errors and p-values are not defined")
    static let noJob = Self("no_job", [], "no job was observed: the Cox model cannot be fitted")
    static let boundaryFit = Self("boundary_fit", [], "boundary (singular) fit: the group variance is estimated as 0")

    static func mixedNotFitted(_ error: any Error) -> Self {
        Self("mixed_not_fitted", ["\(error)"], "the mixed model cannot be fitted: \(error)")
    }

    static let moreThanTwoLevels = Self("randomization.more_than_two_levels", [], "not run: more than two levels")
    static let variesWithinGroups = Self(
        "randomization.varies_within_groups", [],
        "not run: the attribute varies within groups, so relabelling groups would not keep the design")

    static func tooManyGroups(_ groups: Int, limit: Int) -> Self {
        Self("randomization.too_many_groups", ["\(groups)", "\(limit)"], "not run: \(groups) groups (run below \(limit))")
    }

    static func randomizationNotRun(_ error: any Error) -> Self {
        Self("randomization.not_run", ["\(error)"], "not run: \(error)")
    }

    /// An outcome whose comparisons disclosure control withholds.
    public static func suppressed(threshold: Int) -> Self {
        Self(
            "suppressed", ["\(threshold)"],
            "a level has fewer than \(threshold) people, or fewer than \(threshold) with or without the outcome: its figures and the comparisons are suppressed"
        )
    }

    /// The randomization test of such an outcome.
    public static func suppressedRandomization(threshold: Int) -> Self {
        Self(
            "randomization.suppressed", ["\(threshold)"],
            "suppressed: a level has fewer than \(threshold) people, or fewer than \(threshold) with or without the outcome")
    }
}
