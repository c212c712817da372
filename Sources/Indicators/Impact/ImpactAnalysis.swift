import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// The effect on the participants (ATT) of taking part, against a comparison group
/// matched on the covariates (METHODS §9 *Impact against a matched comparison group*):
///
/// 1. Units: participants enrolled by `to` (reference date: enrolment) and the
///    comparison people whose reference date is by `to`, participants first, each
///    side in the order of its file (MatchIt breaks ties by the order of the data).
/// 2. Outcome `in_work_{h}m`: a counted employment event on or after the reference
///    date and at most h × 30.4375 days after it, over the people observed that long
///    (observation end: `followed_up_until`, `to`, the re-employment window, as for
///    the cohort outcomes); the others, and people with a blank covariate, are
///    counted out, per side, before the score is estimated.
/// 3. Propensity score: `glm(treat ~ covariates, binomial)` (numeric as given, a
///    categorical one as indicators of its levels but the first).
/// 4. `nearest` (`NearestNeighbourMatch`) or `weighting` (ATT weights).
/// 5. Balance (`CovariateBalance`) before and after, every level of a categorical
///    covariate as `name:level`; the effect (`TreatmentEffect`): pair-clustered
///    for `nearest`, HC3 for `weighting`, CR2 by the participants' groups (a control
///    takes its pair's group) for `nearest`; the unadjusted difference beside it.
public struct ImpactAnalysis: Sendable {
    public struct Side: Sendable, Equatable {
        /// Everyone on the side by `to`.
        public var n: Int
        /// Observed at least the horizon.
        public var observed: Int
        /// Observed, but a covariate blank: left out.
        public var missingCovariates: Int
        /// In the analysis: observed with every covariate given.
        public var analysed: Int
        /// Matched (nearest), or analysed with a positive weight (weighting).
        public var matched: Int
        /// In work within the horizon, among the matched (or analysed).
        public var inWorkMatched: Int
        /// In work within the horizon, among everyone analysed.
        public var inWorkAnalysed: Int
        /// Score outside the other side's range.
        public var outsideSupport: Int
    }

    public struct BalanceRow: Sendable, Equatable {
        /// The people with a level on each side, before and after matching: counts the ledger protects.
        public struct LevelCounts: Sendable, Equatable {
            public var treatedAll: Int
            public var controlAll: Int
            public var treatedMatched: Int
            public var controlMatched: Int
        }

        /// `age`, or `sex:F` for a level.
        public var covariate: String
        /// For a level of a categorical covariate, its people.
        public var levelCounts: LevelCounts?
        public var all: CovariateBalance
        public var matched: CovariateBalance
    }

    public let options: ImpactOptions
    public let to: CalendarDate
    public let treated: Side
    public let controls: Side
    /// The caliper on the score scale (caliper × sd of the score).
    public let caliperWidth: Double?
    public let balance: [BalanceRow]
    /// The matched (or weighted) effect; `nil` when it cannot be estimated.
    public let effect: TreatmentEffect?
    /// CR2 by the participants' groups (nearest only).
    public let effectByGroup: TreatmentEffect?
    /// Groups of the participants in the matched sample.
    public let groupCount: Int
    public let unadjusted: TreatmentEffect?
    /// Kish's effective size of the weighted comparison group (weighting).
    public let effectiveSampleSize: Double?
    /// The scores of the analysed participants and comparison people, for the overlap figure.
    public let treatedScores: [Double]
    public let controlScores: [Double]
    public let caveats: [ImpactCaveat]

    public init(
        snapshot: ProgrammeSnapshot, comparison: ComparisonGroupSnapshot, to: CalendarDate, configuration: ProjectConfiguration,
        options: ImpactOptions
    ) throws {
        guard !comparison.isEmpty else { throw ImpactError.noComparisonGroup }
        guard !options.covariates.isEmpty else { throw ImpactError.noCovariates }
        guard ImpactOptions.horizons.contains(options.horizonMonths) else { throw ImpactError.unsupportedHorizon(options.horizonMonths) }
        self.options = options
        self.to = to

        // 1–2. Units, outcomes, observation; covariates over every unit; the analysis set.
        let units = ImpactUnits(
            snapshot: snapshot, comparison: comparison, to: to, configuration: configuration, horizonMonths: options.horizonMonths)
        let attributes = ParticipantAttributes(
            snapshot: snapshot, to: to, only: Set(options.covariates.map(ParticipantAttributes.canonical)))
        let table = try ImpactCovariates(
            names: options.covariates, participants: attributes, treated: units.treated, comparison: comparison, controls: units.controls)
        let analysed = (0..<units.count).filter { units.observed[$0] && table.isComplete($0) }
        let t = analysed.map(units.isTreated)
        let y = analysed.map { units.inWork[$0] ? 1.0 : 0.0 }
        let treatedCount = t.filter { $0 }.count
        guard treatedCount >= 2, analysed.count - treatedCount >= 2 else {
            throw ImpactError.tooFewObserved(treated: treatedCount, controls: analysed.count - treatedCount, months: options.horizonMonths)
        }

        // 3. The propensity score; 4. matching or weighting.
        let fit = try Self.propensityScore(table, units: analysed, treated: t)
        let scores = fit.fitted
        let scoresBySide = (treated: zip(scores, t).filter(\.1).map(\.0), controls: zip(scores, t).filter { !$0.1 }.map(\.0))
        treatedScores = scoresBySide.treated
        controlScores = scoresBySide.controls
        let assignment = Self.assign(scores: scores, treated: t, options: options)
        caliperWidth = assignment.caliperWidth

        // 5. Balance and effects.
        balance = Self.balance(table, units: analysed, treated: t, weights: assignment.weights)
        let groupOf: (Int) -> Int? = { k in
            units.isTreated(analysed[k]) ? snapshot.participants[units.treated[analysed[k]]].group : nil
        }
        let effects = Self.effects(outcome: y, treated: t, assignment: assignment, method: options.method, groupOf: groupOf)
        effect = effects.effect
        effectByGroup = effects.byGroup
        groupCount = effects.groupCount
        effectiveSampleSize = effects.effectiveSampleSize
        unadjusted = try? TreatmentEffect(outcome: y, treated: t, covariance: .hc2)

        // Counts per side, then the caveats.
        let sides = Self.sides(
            units: units, table: table, analysed: analysed, outcome: y, scores: scores, bySide: scoresBySide, weights: assignment.weights)
        treated = sides.treated
        controls = sides.controls
        caveats = Self.caveats(
            options: options, table: table, balance: balance, treated: treated, controls: controls, fit: fit,
            effectiveSampleSize: effectiveSampleSize, groupCount: groupCount, effectByGroup: effectByGroup)
    }

    /// The score model's design: an intercept, numeric covariates, indicators of every level but the first.
    static func design(_ table: ImpactCovariates, units: [Int]) -> (model: Matrix, terms: [String]) {
        var columns: [[Double]] = [units.map { _ in 1 }]
        var terms = ["(Intercept)"]
        for c in table.covariates {
            if let numbers = c.numbers {
                columns.append(units.map { numbers[$0] ?? .nan })
                terms.append(c.name)
            } else {
                for level in c.levels.dropFirst() {
                    columns.append(units.map { c.values[$0] == level ? 1 : 0 })
                    terms.append("\(c.name):\(level)")
                }
            }
        }
        return (Matrix(columns: columns), terms)
    }

    /// summary.matchit's rows: numeric covariates by name, every level of a categorical one.
    static func balance(_ table: ImpactCovariates, units: [Int], treated t: [Bool], weights: [Double]) -> [BalanceRow] {
        var rows: [BalanceRow] = []
        for c in table.covariates {
            if let numbers = c.numbers {
                let x = units.map { numbers[$0] ?? .nan }
                rows.append(
                    BalanceRow(
                        covariate: c.name, levelCounts: nil, all: CovariateBalance(values: x, treated: t),
                        matched: CovariateBalance(values: x, treated: t, weights: weights)))
            } else {
                for level in c.levels {
                    let x = units.map { c.values[$0] == level ? 1.0 : 0.0 }
                    func count(_ side: Bool, matchedOnly: Bool) -> Int {
                        x.indices.filter { t[$0] == side && x[$0] == 1 && (!matchedOnly || weights[$0] > 0) }.count
                    }
                    rows.append(
                        BalanceRow(
                            covariate: "\(c.name):\(level)",
                            levelCounts: BalanceRow.LevelCounts(
                                treatedAll: count(true, matchedOnly: false), controlAll: count(false, matchedOnly: false),
                                treatedMatched: count(true, matchedOnly: true), controlMatched: count(false, matchedOnly: true)),
                            all: CovariateBalance(values: x, treated: t),
                            matched: CovariateBalance(values: x, treated: t, weights: weights)))
                }
            }
        }
        return rows
    }

    /// The caveats, in the order a reader needs them.
    static func caveats(
        options: ImpactOptions, table: ImpactCovariates, balance: [BalanceRow], treated: Side, controls: Side, fit: LogisticFit,
        effectiveSampleSize: Double?, groupCount: Int, effectByGroup: TreatmentEffect?
    ) -> [ImpactCaveat] {
        var caveats: [ImpactCaveat] = [.unmeasuredConfounding(covariates: table.covariates.map(\.name))]
        if fit.diagnostics.contains(where: { $0.kind == .separation }) { caveats.append(.separation) }
        let imbalanced = balance.filter { abs($0.matched.standardisedDifference ?? 0) > 0.1 }.map(\.covariate)
        if !imbalanced.isEmpty { caveats.append(.imbalanceRemains(covariates: imbalanced)) }
        if options.method == .nearest, treated.matched < treated.analysed {
            caveats.append(.unmatched)
        }
        if let ess = effectiveSampleSize, ess < max(30, 0.5 * Double(controls.analysed)) {
            caveats.append(.smallEffectiveSample(effective: ess))
        }
        if options.method == .nearest, groupCount < 12 || (effectByGroup?.degreesOfFreedom ?? 0) < 4 {
            caveats.append(.fewGroups(groups: groupCount, df: effectByGroup?.degreesOfFreedom))
        }
        if treated.outsideSupport + controls.outsideSupport > 0 {
            caveats.append(.outsideCommonSupport)
        }
        return caveats
    }
}
