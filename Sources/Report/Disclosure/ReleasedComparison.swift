import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// A comparison as `compare` may release it (DESIGN §5 "Suppression of
/// partitions", §6 "Disclosure control"): each outcome's level counts are a
/// partition of its participants, protected and rounded like the report's;
/// a level's estimate (a share or mean, which does not give its count back) is
/// withheld when it is over fewer people than the threshold; and when any level's count
/// is withheld, everything that compares the levels (differences, models,
/// randomization test, mixed model) is withheld too, since it would give the
/// small level's outcome back.
public struct ReleasedComparison: Sendable {
    public struct Level: Sendable, Equatable {
        public var level: String
        public var n: Released<Int>
        public var estimate: Released<Double>
        /// Participants left out of the adjusted models for a missing covariate.
        public var droppedMissingCovariates: Released<Int>
    }

    public var policy: Disclosure
    /// The comparison with every withheld figure removed.
    public var comparison: Comparison
    /// Per outcome (in `comparison.outcomes` order), its levels as released.
    public var levels: [[Level]]

    public init(_ comparison: Comparison, policy: Disclosure) {
        let released = comparison.outcomes.map { Self.release($0, policy: policy) }
        var withheld = comparison
        withheld.outcomes = released.map(\.outcome)
        self.policy = policy
        self.comparison = withheld
        self.levels = released.map(\.levels)
    }

    /// One outcome as released: its level counts and estimates, and the
    /// outcome with its comparisons withheld when a level's count is.
    public static func release(_ outcome: OutcomeComparison, policy: Disclosure) -> (outcome: OutcomeComparison, levels: [Level]) {
        func build(_ ledger: inout DisclosureLedger) -> [Level] {
            let keys = outcome.levels.indices.map { "level\($0)" }
            ledger.partition(keys)
            return zip(outcome.levels, keys).map { level, key in
                Level(
                    level: level.level, n: ledger.count(key, level.n),
                    estimate: ledger.statistic(level.estimate, population: level.n),
                    droppedMissingCovariates: ledger.count(key + "/dropped", level.droppedMissingCovariates, population: level.n))
            }
        }
        var registering = DisclosureLedger(policy: policy)
        _ = build(&registering)
        var releasing = DisclosureLedger(policy: policy, solution: registering.solve())
        let levels = build(&releasing)
        guard levels.contains(where: { $0.n.isWithheld }) else { return (outcome, levels) }
        return (Self.withholdingComparisons(outcome, threshold: policy.threshold), levels)
    }

    /// An outcome with a withheld level: only its per-level figures remain.
    static func withholdingComparisons(_ o: OutcomeComparison, threshold: Int) -> OutcomeComparison {
        var o = o
        o.warnings.append("a level has fewer than \(threshold) people: its figures and the comparisons are suppressed")
        o.differences = o.differences.map { .init(level: $0.level, estimate: nil, ciLow: nil, ciHigh: nil) }
        o.adjusted = o.adjusted.map { .init(term: $0.term, model: $0.model) }
        o.randomization = nil
        o.randomizationNote = "suppressed: a level has fewer than \(threshold) people"
        o.mixed = o.mixed?.map { .init(term: $0.term) }
        return o
    }
}
