import Indicators
import Statistics
import Store

/// An impact estimate as `impact` may release it, through the same ledger as the
/// report (METHODS §9 *Disclosure: every output*): each side's people (everyone,
/// observed, matched), the matched people in work and not in work (a partition
/// of the matched), and the people with each level of a categorical covariate
/// (a partition of the side, before and after matching) are counts of the
/// ledger. A share is withheld with its counts; when any in-work count is
/// withheld, the effect and the unadjusted difference are withheld too, since
/// either would give it back; a balance row is withheld with its level's counts.
public struct ReleasedImpact: Sendable {
    public struct Side: Sendable, Equatable {
        public var n: Released<Int>
        public var observed: Released<Int>
        public var matched: Released<Int>
        public var inWork: Released<Int>
        public var missingCovariates: Released<Int>
        /// Analysed but left without a match (nearest): the caveat's count.
        public var unmatched: Released<Int>
        /// Scores outside the other side's range: the caveat's count.
        public var outsideSupport: Released<Int>
        public var rate: Released<Double>
    }

    public struct BalanceRow: Sendable, Equatable {
        public var covariate: String
        public var meanTreated: Released<Double>
        /// The matched participants' mean (with a caliper, not everyone's).
        public var meanTreatedMatched: Released<Double>
        public var meanControlAll: Released<Double>
        public var meanControlMatched: Released<Double>
        public var smdAll: Released<Double>
        public var smdMatched: Released<Double>
        public var varianceRatioAll: Released<Double>
        public var varianceRatioMatched: Released<Double>
        public var ecdfMeanAll: Released<Double>
        public var ecdfMeanMatched: Released<Double>
        public var ecdfMaxAll: Released<Double>
        public var ecdfMaxMatched: Released<Double>
    }

    public let policy: Disclosure
    public let analysis: ImpactAnalysis
    public let treated: Side
    public let controls: Side
    public let balance: [BalanceRow]
    /// Whether the effect (and the unadjusted difference) may be shown.
    public let effectShown: Bool
    /// The counts this release showed and withheld, as the database records them
    /// (METHODS §9 *Releases*); empty without disclosure control or history.
    public private(set) var releaseCells: [ReleaseCell] = []

    init(analysis: ImpactAnalysis, policy: Disclosure, treated: Side, controls: Side, balance: [BalanceRow], effectShown: Bool) {
        self.analysis = analysis
        self.policy = policy
        self.treated = treated
        self.controls = controls
        self.balance = balance
        self.effectShown = effectShown
    }

    /// With `history` (the database's earlier releases), a count whose difference from an
    /// earlier released count of the same definition would give a small count back is
    /// withheld as well, and `releaseCells` lists what was released: the participants
    /// by `to` under the report's `cohort`, the people observed under the horizon, and
    /// the matched and in-work counts under the analysis (method, caliper, covariates).
    public init(_ analysis: ImpactAnalysis, policy: Disclosure, history: ReleaseHistory? = nil) {
        self.analysis = analysis
        self.policy = policy
        var registering = DisclosureLedger(policy: policy)
        registering.screen = history.map { ReleaseScreen(history: $0, threshold: policy.threshold) }
        registering.describe = Self.cellNames(analysis)
        _ = Self.build(analysis, &registering)
        let solution = registering.solve()
        if policy.isApplied && history != nil { releaseCells = registering.releasedCells(solution) }
        var releasing = DisclosureLedger(policy: policy, solution: solution)
        let built = Self.build(analysis, &releasing)
        treated = built.treated
        controls = built.controls
        balance = built.balance
        effectShown = built.effectShown
    }

    /// How a count is recorded among releases.
    static func cellNames(_ a: ImpactAnalysis) -> (String, Int) -> ReleaseCell? {
        let o = a.options
        let analysisName =
            "impact/\(o.method.rawValue)/\(o.caliper.map { "\($0)" } ?? "none")/\(o.horizonMonths)m/"
            + o.covariates.map(ParticipantAttributes.canonical).sorted().joined(separator: ",")
        return { key, _ in
            let definition: String
            switch key {
            case "treated.n": definition = "cohort"
            case "treated.observed", "treated.not_observed", "controls.n", "controls.observed", "controls.not_observed":
                definition = "impact/\(o.horizonMonths)m/\(key)"
            default: definition = "\(analysisName)/\(key)"
            }
            return ReleaseCell(definition: definition, from: nil, to: a.to, value: nil)
        }
    }

    /// Registers (or, with a solved ledger, releases) the counts of `a`: also used by the
    /// report's impact line, under the report's own ledger.
    static func build(_ a: ImpactAnalysis, _ ledger: inout DisclosureLedger) -> (
        treated: Side, controls: Side, balance: [BalanceRow], effectShown: Bool
    ) {
        let weighted = a.options.method == .weighting
        let treated = side("treated", a.treated, weightedRate: weighted ? a.effect?.treatedMean : nil, &ledger)
        let controls = side("controls", a.controls, weightedRate: weighted ? a.effect?.controlMean : nil, &ledger)
        let effectShown = !(treated.rate.isWithheld || controls.rate.isWithheld)
        let balance = a.balance.map { balanceRow($0, a, &ledger) }
        return (treated, controls, balance, effectShown)
    }

    /// One side's counts, their partitions, and its share in work (of the matched; or,
    /// weighted, of everyone analysed with the ATT weights).
    static func side(_ name: String, _ s: ImpactAnalysis.Side, weightedRate: Double?, _ ledger: inout DisclosureLedger) -> Side {
        let n = ledger.count("\(name).n", s.n)
        let observed = ledger.count("\(name).observed", s.observed, population: s.n)
        _ = ledger.count("\(name).not_observed", s.n - s.observed, population: s.n)
        ledger.partition(["\(name).observed", "\(name).not_observed"], total: "\(name).n")
        let missing = ledger.count("\(name).missing_covariates", s.missingCovariates, population: s.observed)
        let matched = ledger.count("\(name).matched", s.matched, population: s.analysed)
        _ = ledger.count("\(name).analysed", s.analysed, population: s.observed)
        let unmatched = ledger.count("\(name).unmatched", s.analysed - s.matched, population: s.analysed)
        let outside = ledger.count("\(name).outside_support", s.outsideSupport, population: s.analysed)
        _ = ledger.count("\(name).inside_support", s.analysed - s.outsideSupport, population: s.analysed)
        ledger.partition(["\(name).outside_support", "\(name).inside_support"], total: "\(name).analysed", protectedByTotal: true)
        ledger.partition(["\(name).analysed", "\(name).missing_covariates"], total: "\(name).observed")
        // A few unmatched withhold the people analysed (and so the observed), not the
        // matched, on which every figure of the effect rests.
        ledger.partition(["\(name).matched", "\(name).unmatched"], total: "\(name).analysed", protectedByTotal: true)
        let inWork = ledger.count("\(name).in_work", s.inWorkMatched, population: s.matched)
        _ = ledger.count("\(name).not_in_work", s.matched - s.inWorkMatched, population: s.matched)
        ledger.partition(["\(name).in_work", "\(name).not_in_work"], total: "\(name).matched")
        let rate = ledger.statistic(
            weightedRate ?? (s.matched > 0 ? Double(s.inWorkMatched) / Double(s.matched) : nil), population: s.matched,
            uses: ["\(name).in_work", "\(name).not_in_work"])
        return Side(
            n: n, observed: observed, matched: matched, inWork: inWork, missingCovariates: missing, unmatched: unmatched,
            outsideSupport: outside, rate: rate)
    }

    /// A balance row: a categorical level's people on each side, before and after matching,
    /// are partitions of the side; a mean or share printed to three decimals pins the
    /// people it is over, so each is withheld with its side's count (everyone analysed
    /// before matching, the matched after).
    static func balanceRow(_ row: ImpactAnalysis.BalanceRow, _ a: ImpactAnalysis, _ ledger: inout DisclosureLedger) -> BalanceRow {
        var uses: [String: [String]] = ["t.all": [], "c.all": [], "t.matched": [], "c.matched": []]
        if let counts = row.levelCounts {
            let k = row.covariate
            for (key, value, total, population) in [
                ("t.all", counts.treatedAll, "treated.analysed", a.treated.analysed),
                ("c.all", counts.controlAll, "controls.analysed", a.controls.analysed),
                ("t.matched", counts.treatedMatched, "treated.matched", a.treated.matched),
                ("c.matched", counts.controlMatched, "controls.matched", a.controls.matched),
            ] {
                _ = ledger.count("\(k)|\(key)", value, population: population)
                _ = ledger.count("\(k)|\(key)|not", population - value, population: population)
                ledger.partition(["\(k)|\(key)", "\(k)|\(key)|not"], total: total)
                uses[key] = ["\(k)|\(key)", "\(k)|\(key)|not", total]
            }
        } else {
            uses = [
                "t.all": ["treated.analysed"], "c.all": ["controls.analysed"], "t.matched": ["treated.matched"],
                "c.matched": ["controls.matched"],
            ]
        }
        let before = (uses["t.all"] ?? []) + (uses["c.all"] ?? [])
        let after = (uses["t.matched"] ?? []) + (uses["c.matched"] ?? [])
        func all(_ x: Double?) -> Released<Double> { ledger.statistic(x, population: a.controls.analysed, uses: before) }
        func matched(_ x: Double?) -> Released<Double> { ledger.statistic(x, population: a.controls.matched, uses: after) }
        return BalanceRow(
            covariate: row.covariate,
            meanTreated: ledger.statistic(row.all.meanTreated, population: a.treated.analysed, uses: uses["t.all"] ?? []),
            meanTreatedMatched: ledger.statistic(row.matched.meanTreated, population: a.treated.matched, uses: after),
            meanControlAll: ledger.statistic(row.all.meanControl, population: a.controls.analysed, uses: uses["c.all"] ?? []),
            meanControlMatched: matched(row.matched.meanControl),
            smdAll: all(row.all.standardisedDifference), smdMatched: matched(row.matched.standardisedDifference),
            varianceRatioAll: all(row.all.varianceRatio), varianceRatioMatched: matched(row.matched.varianceRatio),
            ecdfMeanAll: all(row.all.ecdfMean), ecdfMeanMatched: matched(row.matched.ecdfMean),
            ecdfMaxAll: all(row.all.ecdfMax), ecdfMaxMatched: matched(row.matched.ecdfMax))
    }
}
