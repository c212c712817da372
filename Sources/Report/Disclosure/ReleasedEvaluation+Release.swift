import Indicators
import Statistics
import Store

extension ReleasedEvaluation {
    /// Releases an evaluation, and its `--by` levels, under a disclosure policy:
    /// the one step between the indicators and every funder output.
    ///
    /// With `history` (the database's earlier releases), a count whose difference from
    /// an earlier released one would give a small count back is withheld too, and
    /// `releaseCells` says what this release showed, for the database to record.
    /// `groupCodes`: per `--by` level of a group attribute, its groups' codes.
    public init(
        _ evaluation: ProgrammeEvaluation, subgroups: Subgroups? = nil, policy: Disclosure, history: ReleaseHistory? = nil,
        groupCodes: [[String]] = [], unitOptions: ReportUnitOptions = ReportUnitOptions()
    ) {
        let release = EvaluationRelease(
            evaluation: evaluation, subgroups: subgroups, units: ReportUnits.all(unitOptions).map { $0.prepared(for: evaluation) })
        let names = EvaluationCellNames(evaluation: evaluation, subgroups: subgroups, groupCodes: groupCodes)
        let screen = history.map { ReleaseScreen(history: $0, threshold: policy.threshold) }
        var registering = DisclosureLedger(policy: policy)
        registering.screen = screen
        registering.describe = names.cell
        _ = release.build(&registering)
        let solution = registering.solve()
        var releasing = DisclosureLedger(policy: policy, solution: solution)
        self = release.build(&releasing)
        if policy.isApplied && history != nil { releaseCells = registering.releasedCells(solution) }
    }
}

/// Registers every figure of an evaluation in a ledger and reads back what it releases.
struct EvaluationRelease {
    let evaluation: ProgrammeEvaluation
    let subgroups: Subgroups?
    let units: [any ReportUnit]

    func build(_ ledger: inout DisclosureLedger) -> ReleasedEvaluation {
        var released = ReleasedEvaluation(policy: ledger.policy, evaluation: evaluation)
        for unit in units { released.units.append(unit.release(evaluation, after: released, &ledger)) }
        guard let subgroups else { return released }
        var levels: [ReleasedSubgroups.Level] = []
        for (k, item) in subgroups.levels.enumerated() {
            let level = ledger.within(Self.levelScope(k), population: item.evaluation.cohort.count) { ledger in
                var level = ReleasedEvaluation(policy: ledger.policy, evaluation: item.evaluation)
                for unit in units {
                    let figures = unit.releaseLevel(
                        item.evaluation, groupAttribute: subgroups.isGroupAttribute, after: level, &ledger)
                    if let figures { level.units.append(figures) }
                }
                return level
            }
            levels.append(.init(level: item.level, evaluation: level))
        }
        // The levels partition the participants: each count of a level is a part of the same count overall.
        var suffixes: [String] = []
        var seen = Set<String>()
        for k in levels.indices {
            for key in ledger.keys(under: Self.levelScope(k)) where seen.insert(key).inserted { suffixes.append(key) }
        }
        for key in suffixes {
            ledger.partition(levels.indices.map { Self.levelScope($0) + key }, total: key)
        }
        released.subgroups = ReleasedSubgroups(
            attribute: subgroups.attribute, isGroupAttribute: subgroups.isGroupAttribute, levels: levels,
            groupsPerLevel: subgroups.groupCodes.map(\.count), confounders: subgroups.confounders)
        return released
    }

    static func levelScope(_ k: Int) -> String { "level\(k)/" }

    /// A rate with its Wilson interval, computed from its counts as published.
    static func rate(_ rate: Rate, numerator: String, denominator: String, _ ledger: inout DisclosureLedger) -> ReleasedRate {
        let n = rate.denominator
        let uses = [numerator, denominator]
        let shownNumerator = ledger.count(numerator, rate.numerator, population: n)
        let shownDenominator = ledger.count(denominator, n)
        func published(_ counts: [Int]) -> Rate { Rate(numerator: counts[0], denominator: counts[1]) }
        return ReleasedRate(
            numerator: shownNumerator, denominator: shownDenominator,
            value: ledger.derived(uses: uses, population: n) { published($0).value },
            low: ledger.derived(uses: uses, population: n) { published($0).interval?.lower },
            high: ledger.derived(uses: uses, population: n) { published($0).interval?.upper })
    }

    /// A released Kaplan–Meier curve: a row per step, or with `everyUnit` a row at
    /// every whole time from 1 to the last (the retention curve lists every meeting,
    /// with or without a drop); a figure draws it while every figure of a row is shown.
    ///
    /// Under disclosure control (METHODS §9 *Kaplan–Meier*) the curve published is the
    /// one of coarsened counts (`KaplanMeierFit.pooled`): each step stands for at
    /// least threshold events, numbers at risk are multiples of the rounding base (5
    /// when counts are not rounded), and only the times where it steps are listed (a
    /// row per observed time would date each job or drop-out); the censoring marks are
    /// those of the coarsened counts.
    static func curve(
        _ observed: KaplanMeierFit, key: String, transform: (Double) -> Double, everyUnit: Bool = false,
        _ ledger: inout DisclosureLedger
    ) -> ReleasedCurve {
        let policy = ledger.policy
        let fit = policy.isApplied ? observed.pooled(minimumEvents: policy.threshold, base: policy.curveRoundingBase) : observed
        typealias Point = (time: Double, atRisk: Int, survival: Double, lower: Double?, upper: Double?)
        let points: [Point]
        if everyUnit, let last = fit.time.last, last >= 1 {
            let grid = (1...Int(last)).map(Double.init)
            points = zip(grid, fit.survival(at: grid)).compactMap { t, e in
                e.map { (t, $0.atRisk, $0.survival, $0.lower, $0.upper) }
            }
        } else {
            points = fit.time.indices.filter { !policy.isApplied || fit.events[$0] > 0 }.map { k in
                (fit.time[k], fit.atRisk[k], fit.survival[k], fit.lower[k], fit.upper[k])
            }
        }
        var rows: [ReleasedCurve.Row] = []
        var drawn: [ReleasedCurve.Step] = []
        var open = true
        for (k, point) in points.enumerated() {
            let people = point.atRisk
            let atRisk = ledger.count(key + String(k), people)
            let uses = [key + String(k)]
            let row = ReleasedCurve.Row(
                time: point.time, atRisk: atRisk, survival: ledger.statistic(point.survival, population: people, uses: uses),
                low: ledger.statistic(point.lower, population: people, uses: uses),
                high: ledger.statistic(point.upper, population: people, uses: uses))
            rows.append(row)
            open = open && !row.survival.isWithheld && !row.atRisk.isWithheld
            if open, let s = row.survival.shown {
                drawn.append(
                    .init(time: row.time, survival: transform(s), low: row.low.shown.map(transform), high: row.high.shown.map(transform)))
            }
        }
        let last = drawn.last?.time ?? -Double.infinity
        return ReleasedCurve(rows: rows, drawn: drawn, censoringTimes: fit.censoringTimes.filter { $0 <= last })
    }

}

extension DisclosureLedger {
    /// Registers a rate's counts and releases it with its Wilson interval (from the
    /// counts as published).
    mutating func rate(_ rate: Rate, numerator: String, denominator: String) -> ReleasedRate {
        EvaluationRelease.rate(rate, numerator: numerator, denominator: denominator, &self)
    }
}
