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
        /// `age`, or `sex:F` for a level.
        public var covariate: String
        /// For a level: the people with it on each side (all, matched), counts the ledger protects.
        public var levelCounts: (treatedAll: Int, controlAll: Int, treatedMatched: Int, controlMatched: Int)?
        public var all: CovariateBalance
        public var matched: CovariateBalance

        public static func == (a: Self, b: Self) -> Bool {
            a.covariate == b.covariate && a.all == b.all && a.matched == b.matched
                && a.levelCounts.map { [$0.0, $0.1, $0.2, $0.3] } == b.levelCounts.map { [$0.0, $0.1, $0.2, $0.3] }
        }
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
        let horizon = Double(options.horizonMonths) * TimeToJob.daysPerMonth
        let counted = Set(configuration.reemploymentEvents)
        let window = configuration.windowDays

        // 1–2. Units, outcomes, observation.
        let indexByCode = Dictionary(
            snapshot.participants.indices.map { (snapshot.participants[$0].code, $0) }, uniquingKeysWith: { a, _ in a })
        let treatedUnits = comparison.participantCodesInImportOrder.compactMap { indexByCode[$0] }
            .filter { snapshot.participants[$0].enrolledOn <= to }
        let controlUnits = comparison.people.indices.filter { comparison.people[$0].referenceDate <= to }
        var firstJob: [Int: CalendarDate] = [:]
        for o in snapshot.outcomes where counted.contains(o.outcome) && o.eventDate <= to {
            guard o.eventDate >= snapshot.participants[o.participant].enrolledOn else { continue }
            if firstJob[o.participant].map({ o.eventDate < $0 }) ?? true { firstJob[o.participant] = o.eventDate }
        }
        var firstControlJob: [Int: CalendarDate] = [:]
        for o in comparison.outcomes where counted.contains(o.outcome) && o.eventDate <= to {
            guard o.eventDate >= comparison.people[o.person].referenceDate else { continue }
            if firstControlJob[o.person].map({ o.eventDate < $0 }) ?? true { firstControlJob[o.person] = o.eventDate }
        }
        func follow(_ start: CalendarDate, _ followed: CalendarDate?, _ job: CalendarDate?) -> (observed: Bool, inWork: Bool) {
            var end = min(followed ?? to, to)
            if window > 0 { end = min(end, start.adding(days: window)) }
            guard Double(start.days(to: end)) >= horizon else { return (false, false) }
            guard let job else { return (true, false) }
            return (true, Double(start.days(to: job)) <= horizon && job <= end)
        }
        let treatedFollow = treatedUnits.map { i in
            follow(snapshot.participants[i].enrolledOn, snapshot.participants[i].followedUpUntil, firstJob[i])
        }
        let controlFollow = controlUnits.map { i in
            follow(comparison.people[i].referenceDate, comparison.people[i].followedUpUntil, firstControlJob[i])
        }

        // Covariates over every unit (participants first), then the analysis set.
        let attributes = ParticipantAttributes(
            snapshot: snapshot, to: to, only: Set(options.covariates.map(ParticipantAttributes.canonical)))
        let table = try ImpactCovariates(
            names: options.covariates, participants: attributes, treated: treatedUnits, comparison: comparison, controls: controlUnits)
        let follows = treatedFollow + controlFollow
        let isTreated = treatedUnits.map { _ in true } + controlUnits.map { _ in false }
        let analysed = follows.indices.filter { follows[$0].observed && table.isComplete($0) }
        let nTreatedAnalysed = analysed.filter { isTreated[$0] }.count
        guard nTreatedAnalysed >= 2, analysed.count - nTreatedAnalysed >= 2 else {
            throw ImpactError.tooFewObserved(
                treated: nTreatedAnalysed, controls: analysed.count - nTreatedAnalysed, months: options.horizonMonths)
        }
        let t = analysed.map { isTreated[$0] }
        let y = analysed.map { follows[$0].inWork ? 1.0 : 0.0 }
        let design = Self.design(table, units: analysed)

        // 3. The propensity score, as glm with its default convergence (MatchIt calls glm so).
        let fit: LogisticFit
        do {
            fit = try LogisticRegression(
                design: design.model, response: t.map { $0 ? 1 : 0 }, terms: design.terms, tolerance: 1e-8
            ).fit()
        } catch {
            throw ImpactError.scoreNotEstimable("\(error)")
        }
        let scores = fit.fitted
        treatedScores = zip(scores, t).filter(\.1).map(\.0)
        controlScores = zip(scores, t).filter { !$0.1 }.map(\.0)

        // 4. Matching or weighting.
        var weights = [Double](repeating: 0, count: analysed.count)
        var pairOf = [Int](repeating: -1, count: analysed.count)
        var width: Double?
        switch options.method {
        case .nearest:
            width = options.caliper.map { NearestNeighbourMatch.standardCaliper($0, scores: scores) }
            let match = NearestNeighbourMatch(scores: scores, treated: t, caliperWidth: width)
            for (k, pair) in match.pairs.enumerated() {
                weights[pair.treated] = 1
                weights[pair.control] = 1
                pairOf[pair.treated] = k
                pairOf[pair.control] = k
            }
        case .weighting:
            weights = AverageTreatmentOnTreatedWeights.weights(scores: scores, treated: t)
        }
        caliperWidth = width

        // 5. Balance and effects.
        balance = Self.balance(table, units: analysed, treated: t, weights: weights)
        let inSample = weights.indices.filter { weights[$0] > 0 }
        let groupOfUnit: (Int) -> Int? = { k in
            let unit = analysed[k]
            return isTreated[unit] ? snapshot.participants[treatedUnits[unit]].group : nil
        }
        var groupOfPair: [Int: Int] = [:]
        for k in inSample where t[k] { groupOfPair[pairOf[k]] = groupOfUnit(k) }
        switch options.method {
        case .nearest:
            let sample = inSample.filter { pairOf[$0] >= 0 }
            let ys = sample.map { y[$0] }
            let ts = sample.map { t[$0] }
            effect = try? TreatmentEffect(outcome: ys, treated: ts, covariance: .pairs(sample.map { pairOf[$0] }))
            let groups = sample.map { groupOfPair[pairOf[$0]] ?? -1 }
            groupCount = Set(groups).count
            effectByGroup = try? TreatmentEffect(outcome: ys, treated: ts, covariance: .cr2(groups))
            effectiveSampleSize = nil
        case .weighting:
            effect = try? TreatmentEffect(outcome: y, treated: t, weights: weights, covariance: .hc3)
            effectByGroup = nil
            groupCount = Set(analysed.indices.filter { t[$0] }.compactMap(groupOfUnit)).count
            effectiveSampleSize = AverageTreatmentOnTreatedWeights.effectiveSampleSize(
                weights.indices.filter { !t[$0] }.map { weights[$0] })
        }
        unadjusted = try? TreatmentEffect(outcome: y, treated: t, covariance: .hc2)

        // Counts per side.
        let lowControl = controlScores.min() ?? 0
        let highControl = controlScores.max() ?? 0
        let lowTreated = treatedScores.min() ?? 0
        let highTreated = treatedScores.max() ?? 0
        func side(_ treatedSide: Bool) -> Side {
            let units = (0..<isTreated.count).filter { isTreated[$0] == treatedSide }
            let members = analysed.indices.filter { t[$0] == treatedSide }
            let matched = members.filter { weights[$0] > 0 }
            let (low, high) = treatedSide ? (lowControl, highControl) : (lowTreated, highTreated)
            return Side(
                n: units.count, observed: units.filter { follows[$0].observed }.count,
                missingCovariates: units.filter { follows[$0].observed && !table.isComplete($0) }.count,
                analysed: members.count, matched: matched.count,
                inWorkMatched: matched.filter { y[$0] == 1 }.count, inWorkAnalysed: members.filter { y[$0] == 1 }.count,
                outsideSupport: members.filter { scores[$0] < low || scores[$0] > high }.count)
        }
        treated = side(true)
        controls = side(false)
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
                            levelCounts: (
                                count(true, matchedOnly: false), count(false, matchedOnly: false), count(true, matchedOnly: true),
                                count(false, matchedOnly: true)
                            ),
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
            caveats.append(.unmatched(count: treated.analysed - treated.matched, of: treated.analysed))
        }
        if let ess = effectiveSampleSize, ess < max(30, 0.5 * Double(controls.analysed)) {
            caveats.append(.smallEffectiveSample(effective: ess, of: controls.analysed))
        }
        if options.method == .nearest, groupCount < 12 || (effectByGroup?.degreesOfFreedom ?? 0) < 4 {
            caveats.append(.fewGroups(groups: groupCount, df: effectByGroup?.degreesOfFreedom))
        }
        if treated.outsideSupport + controls.outsideSupport > 0 {
            caveats.append(.outsideCommonSupport(treated: treated.outsideSupport, controls: controls.outsideSupport))
        }
        return caveats
    }
}
