import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// A comparison as `compare` may release it, through the same ledger as the
/// report (METHODS §9 *Disclosure: every output*): each outcome's level counts are
/// a partition of its participants, protected and rounded like the report's. A
/// binary level's people with the outcome and without it are counts of the ledger
/// too (a partition of the level's n), since n beside a share multiplies back to
/// them; a survival level's observed jobs are one. A level's estimate (share, mean
/// or median) is withheld when its count or its events are withheld, or when it is
/// over fewer people than the threshold; and when any of these is withheld,
/// everything that compares the levels (differences, headline effects, models,
/// randomization test, mixed model) is withheld too, since it would give the
/// small cell back.
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
    /// The balance at entry with every value over a withheld count, or over fewer
    /// people than the threshold, removed (and its standardised difference with it).
    public var balance: [BalanceAtEntry.Row]

    /// The counts this comparison showed and withheld, as the database records them
    /// (METHODS §9 *Releases*); empty without disclosure control or history.
    public var releaseCells: [ReleaseCell] = []

    /// With `history` (the database's earlier releases), a level count whose difference
    /// from an earlier released count of the same definition would give a small count
    /// back is withheld as well, and `releaseCells` lists what was released.
    public init(_ comparison: Comparison, policy: Disclosure, history: ReleaseHistory? = nil) {
        let screen = history.map { ReleaseScreen(history: $0, threshold: policy.threshold) }
        let released = comparison.outcomes.map { outcome in
            Self.release(
                outcome, policy: policy, screen: screen,
                describe: Self.cellNames(outcome, attribute: comparison.attribute, to: comparison.to))
        }
        var withheld = comparison
        withheld.outcomes = released.map(\.outcome)
        self.policy = policy
        self.comparison = withheld
        self.levels = released.map(\.levels)
        balance = Self.release(comparison.balance, policy: policy)
        // The difference at entry the caveats name: the largest released one.
        let largest = BalanceAtEntry(rows: balance).largestImbalance
        self.comparison.caveats = comparison.caveats.compactMap { caveat in
            guard case .baselineImbalance = caveat else { return caveat }
            guard let row = largest, let smd = row.smd else { return nil }
            return .baselineImbalance(
                attribute: row.attribute, category: row.category, level: row.level, reference: comparison.referenceLevel, smd: smd)
        }
        if policy.isApplied && history != nil { releaseCells = released.flatMap(\.cells) }
    }

    /// How an outcome's level counts are recorded among releases: the re-employment and
    /// retention counts under the report's definitions (the same people: `report --by`
    /// and `compare --by` of one attribute cannot be subtracted from each other), the
    /// rest under the outcome's name. Everyone enrolled by `to`.
    static func cellNames(_ outcome: OutcomeComparison, attribute: String, to: CalendarDate) -> (String, Int) -> ReleaseCell? {
        let definitions: [String: String]
        switch outcome.outcome {
        case "reemployed": definitions = ["": "cohort", "/events": "reemployment.employed"]
        case "retained": definitions = ["": "retention.n", "/events": "retention.retained"]
        default: definitions = [:]
        }
        let levels = outcome.levels.map(\.level)
        return { key, value in
            guard key.hasPrefix("level") else { return nil }
            let digits = key.dropFirst(5).prefix { $0.isNumber }
            guard let k = Int(digits), levels.indices.contains(k) else { return nil }
            let suffix = String(key.dropFirst(5 + digits.count))
            let definition = definitions[suffix] ?? "compare/\(outcome.outcome)" + (suffix.isEmpty ? "/n" : suffix)
            return ReleaseCell(definition: definition, attribute: attribute, level: levels[k], from: nil, to: to, value: value)
        }
    }

    /// One outcome as released: its level counts and estimates, and the
    /// outcome with its comparisons withheld when a level's count is.
    public static func release(_ outcome: OutcomeComparison, policy: Disclosure) -> (outcome: OutcomeComparison, levels: [Level]) {
        let released = release(outcome, policy: policy, screen: nil, describe: nil)
        return (released.outcome, released.levels)
    }

    static func release(
        _ outcome: OutcomeComparison, policy: Disclosure, screen: ReleaseScreen?, describe: ((String, Int) -> ReleaseCell?)?
    ) -> (outcome: OutcomeComparison, levels: [Level], cells: [ReleaseCell]) {
        func build(_ ledger: inout DisclosureLedger) -> [Level] {
            let keys = outcome.levels.indices.map { "level\($0)" }
            ledger.partition(keys)
            return zip(outcome.levels, keys).map { level, key in
                let n = ledger.count(key, level.n)
                var uses = [key]
                if let events = level.events {
                    _ = ledger.count(key + "/events", events, population: level.n)
                    uses.append(key + "/events")
                    if outcome.kind == .binary {
                        // n beside a share gives both the people with the outcome and those without it.
                        _ = ledger.count(key + "/no_events", level.n - events, population: level.n)
                        ledger.partition([key + "/events", key + "/no_events"], total: key)
                        uses.append(key + "/no_events")
                    }
                }
                // A share from the counts as published; a mean coarsened when counts are rounded.
                let estimate: Released<Double>
                switch outcome.kind {
                case .binary:
                    estimate = ledger.derived(uses: uses, population: level.n) { $0[0] > 0 ? Double($0[1]) / Double($0[0]) : nil }
                case .continuous:
                    estimate = ledger.linked(level.estimate, population: level.n, uses: uses)
                case .survival:
                    estimate = ledger.statistic(level.estimate, population: level.n, uses: uses)
                }
                return Level(
                    level: level.level, n: n, estimate: estimate,
                    droppedMissingCovariates: ledger.count(key + "/dropped", level.droppedMissingCovariates, population: level.n))
            }
        }
        var registering = DisclosureLedger(policy: policy)
        registering.screen = screen
        registering.describe = describe
        _ = build(&registering)
        let solution = registering.solve()
        var releasing = DisclosureLedger(policy: policy, solution: solution)
        let levels = build(&releasing)
        let cells = registering.releasedCells(solution)
        guard levels.contains(where: { $0.n.isWithheld || $0.estimate.isWithheld }) else { return (outcome, levels, cells) }
        return (Self.withholdingComparisons(outcome, threshold: policy.threshold), levels, cells)
    }

    /// The balance at entry as released: a share is a count of people over the level's,
    /// so each category's count is a ledger count, the categories of an attribute (and
    /// those who answered a questionnaire or not) a partition of the level's people; a
    /// mean is withheld over fewer people than the threshold.
    static func release(_ balance: BalanceAtEntry, policy: Disclosure) -> [BalanceAtEntry.Row] {
        guard policy.isApplied else { return balance.rows }
        func isShare(_ r: BalanceAtEntry.Row) -> Bool { r.category != nil || r.attribute.hasPrefix("completed:") }
        // Each side of a row: the level, its key, its count and its total.
        func sides(_ r: BalanceAtEntry.Row) -> [(key: String, count: Int, total: String, n: Int)] {
            let reference = "reference"
            return [(reference, r.valueReference, r.nReference), (r.level, r.valueOther, r.nOther)].map { level, value, n in
                let base = "\(r.attribute)|\(level)"
                let count = Int(((value ?? 0) * Double(n)).rounded())
                return ("\(base)|\(r.category ?? "yes")", count, base + "|n", n)
            }
        }
        func build(_ ledger: inout DisclosureLedger) {
            var parts: [String: Set<String>] = [:]
            for r in balance.rows where isShare(r) {
                for s in sides(r) {
                    _ = ledger.count(s.key, s.count, population: s.n)
                    _ = ledger.count(s.total, s.n)
                    parts[s.total, default: []].insert(s.key)
                    if r.category == nil {
                        // Answered or not: the two parts of the level's people.
                        _ = ledger.count(s.key + "|no", s.n - s.count, population: s.n)
                        parts[s.total, default: []].insert(s.key + "|no")
                    }
                }
            }
            for total in parts.keys.sorted() { ledger.partition((parts[total] ?? []).sorted(), total: total) }
        }
        var registering = DisclosureLedger(policy: policy)
        build(&registering)
        let released = DisclosureLedger(policy: policy, solution: registering.solve())
        return balance.rows.map { r in
            var r = r
            let withheld: [Bool]
            if isShare(r) {
                withheld = sides(r).map { released.isWithheld($0.key) || policy.isSmall($0.n) }
            } else {
                withheld = [r.nReference, r.nOther].map(policy.isSmall)
            }
            if withheld[0] { r.valueReference = nil }
            if withheld[1] { r.valueOther = nil }
            if withheld.contains(true) { r.smd = nil }
            return r
        }
    }

    /// An outcome with a withheld level: only its per-level figures remain.
    static func withholdingComparisons(_ o: OutcomeComparison, threshold: Int) -> OutcomeComparison {
        var o = o
        o.warnings.append(.suppressed(threshold: threshold))
        o.differences = o.differences.map { .init(level: $0.level, estimate: nil, ciLow: nil, ciHigh: nil) }
        o.headline = o.headline.map { .init(level: $0.level, unit: $0.unit) }
        o.adjusted = o.adjusted.map { .init(term: $0.term, model: $0.model) }
        o.randomization = nil
        o.randomizationNote = .suppressedRandomization(threshold: threshold)
        o.mixed = o.mixed?.map { .init(term: $0.term) }
        return o
    }
}
