import EvaluationDomain
import Indicators
import Ingest
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
        var released = Self.release(evaluation, level: false, &ledger)
        for unit in units { released.units.append(unit.release(evaluation, after: released, &ledger)) }
        guard let subgroups else { return released }
        var levels: [ReleasedSubgroups.Level] = []
        for (k, item) in subgroups.levels.enumerated() {
            let level = ledger.within(Self.levelScope(k), population: item.evaluation.cohort.count) { ledger in
                Self.release(item.evaluation, level: true, &ledger)
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

    /// One evaluation's figures; a `--by` level releases what its tables show (no
    /// make-up, curves, instrument quality or cost).
    static func release(_ e: ProgrammeEvaluation, level: Bool, _ ledger: inout DisclosureLedger) -> ReleasedEvaluation {
        let cohort = ledger.count("cohort", e.cohort.count)
        let reach = ReleasedReach(
            groups: e.reach.groups, meetingsHeld: e.reach.meetingsHeld,
            enrolled: ledger.count("reach.enrolled", e.reach.enrolled),
            attendedOnce: ledger.count("reach.attended_once", e.reach.attendedOnce))
        let services = e.services.map { s in
            let key = "services/\(s.service)/"
            return ReleasedServiceUptake(
                service: s.service,
                participants: ledger.count(key + "participants", s.participants),
                sessions: ledger.count(key + "sessions", s.sessions, population: s.participants),
                hours: ledger.statistic(s.hours, population: s.participants))
        }
        let retention = Self.retention(e, &ledger)
        let reemployment = Self.reemployment(e, &ledger)
        let wellbeing = e.wellbeing.changes.map { Self.wellbeing($0, &ledger) }
        var released = ReleasedEvaluation(
            policy: ledger.policy, period: e.period, configuration: e.configuration, imports: e.imports, cohort: cohort,
            reach: reach, services: services, makeUp: [], retention: retention, retentionCurve: nil,
            reemployment: reemployment, timeToJob: Self.timeToJob(e, curve: !level, &ledger), wellbeing: wellbeing,
            instrumentQuality: [], subgroups: nil)
        guard !level else {
            released.inWorkAfterLeaving = Self.rate(
                e.jobs.inWorkSixMonthsAfterLeaving.rate, numerator: "jobs/in_work_6m_after_leaving/numerator",
                denominator: "jobs/in_work_6m_after_leaving/denominator", &ledger)
            return released
        }
        released.makeUp = Self.makeUp(e, &ledger)
        released.instrumentQuality = e.wellbeing.quality.map { q in
            let n = q.alpha.n
            return ReleasedInstrumentQuality(
                instrument: q.instrument, wave: q.wave, n: ledger.count(Self.qualityKey(q.instrument, q.wave), n),
                alpha: ledger.linked(q.alpha.alpha, population: n, uses: [Self.qualityKey(q.instrument, q.wave)]),
                low: ledger.linked(q.alpha.confidenceInterval?.lower, population: n, uses: [Self.qualityKey(q.instrument, q.wave)]),
                high: ledger.linked(q.alpha.confidenceInterval?.upper, population: n, uses: [Self.qualityKey(q.instrument, q.wave)]))
        }
        // Dropouts = everyone with a baseline − completers: a small number of
        // dropouts withholds the baseline count rather than the pairs.
        for w in e.wellbeing.changes {
            let key = Self.wellbeingKey(w)
            ledger.partition(
                [key + "completers", key + "dropouts"], total: Self.qualityKey(w.instrument.id, .baseline), protectedByTotal: true)
        }
        if let fit = e.retentionCurve.fit {
            released.retentionCurve = Self.curve(fit, key: "retention_curve/", transform: { $0 }, everyUnit: true, &ledger)
            if fit.count == e.retention.rate.denominator && !ledger.policy.isApplied {
                ledger.link(["retention_curve/0", "retention.n"])
            }
        }
        return released
    }

    /// The quarters of the trend. The last quarter ending on the period's end
    /// holds the same numbers as the main tables (linked); consecutive cohorts
    /// and employed counts differ by the people added in a quarter, registered
    /// (never shown) so that a small difference withholds a cell.
    static func trend(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> [ReleasedTrendQuarter] {
        guard let trend = e.trend else { return [] }
        let cutoff = e.snapshot.cutoff
        var out: [ReleasedTrendQuarter] = []
        var previous: String?
        for (q, previousQuarter) in zip(trend.quarters, [nil] + trend.quarters.map { Optional($0) }) {
            let key = "trend/\(q.period.label)/"
            let cohort = ledger.count(key + "cohort", q.cohort)
            let retention = Self.rate(q.retention, numerator: key + "retained", denominator: key + "retention.n", &ledger)
            let work = Self.rate(q.reemployment, numerator: key + "employed", denominator: key + "cohort", &ledger)
            let attended = ledger.count(key + "attended_once", q.attendedOnce)
            _ = ledger.count(key + "not_started", q.cohort - q.retention.denominator)
            ledger.partition([key + "retention.n", key + "not_started"], total: key + "cohort")
            if let previous, let before = previousQuarter {
                _ = ledger.count(key + "new_cohort", q.cohort - before.cohort)
                ledger.partition([previous + "cohort", key + "new_cohort"], total: key + "cohort")
                let newlyEmployed = q.reemployment.numerator - before.reemployment.numerator
                if newlyEmployed >= 0 {
                    _ = ledger.count(key + "new_employed", newlyEmployed)
                    ledger.partition([previous + "employed", key + "new_employed"], total: key + "employed")
                }
            }
            if q.period.to == e.period.to {
                ledger.link([key + "cohort", "cohort"])
                ledger.link([key + "retained", "retention.retained"])
                ledger.link([key + "retention.n", "retention.n"])
                ledger.link([key + "employed", "reemployment.employed"])
            }
            let quarter = ReleasedTrendQuarter(
                period: q.period, cohort: cohort, retention: retention, reemployment: work, meetingsHeld: q.meetingsHeld,
                attendedOnce: attended)
            out.append(cutoff.map { q.period.from <= $0 } ?? false ? quarter : quarter.unrecorded)
            previous = key
        }
        return out
    }

    static func qualityKey(_ instrument: String, _ wave: Wave) -> String { "quality/\(instrument)/\(wave.rawValue)/n" }
    static func wellbeingKey(_ w: WellbeingChange) -> String { "wellbeing/\(w.instrument.id)/\(w.wave.rawValue)/" }

    /// A cost per person: the total over the people as published (rounded when counts are).
    static func perPerson(_ total: Double, _ ratio: Double?, _ people: Int, _ key: String, _ ledger: DisclosureLedger)
        -> Released<Double>
    {
        guard ledger.policy.roundingBase > 1 else { return ledger.statistic(ratio, population: people, uses: [key]) }
        return ledger.derived(uses: [key], population: people) { $0[0] > 0 ? total / Double($0[0]) : nil }
    }

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

    static func retention(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> ReleasedRetention {
        let r = e.retention
        let rate = Self.rate(r.rate, numerator: "retention.retained", denominator: "retention.n", &ledger)
        let notStarted = ledger.count("retention.not_started", r.notStarted)
        // Started + not started = the cohort, shown as the re-employment denominator.
        ledger.partition(["retention.n", "retention.not_started"], total: "cohort")
        return ReleasedRetention(threshold: r.threshold, inclusive: r.inclusive, rate: rate, notStarted: notStarted)
    }

    static func reemployment(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> ReleasedReemployment {
        let r = e.reemployment
        let n = r.rate.denominator
        let rate = Self.rate(r.rate, numerator: "reemployment.employed", denominator: "cohort", &ledger)
        let byType = r.byType.map { item in
            let key = "reemployment.by_type/\(item.type.rawValue)"
            let people = ledger.count(key, item.count, population: n)
            return ReleasedReemployment.TypeCount(
                type: item.type, people: people,
                share: ledger.derived(uses: [key, "cohort"], population: n) { $0[1] > 0 ? Double($0[0]) / Double($0[1]) : nil })
        }
        ledger.partition(r.byType.map { "reemployment.by_type/\($0.type.rawValue)" }, total: "reemployment.employed")
        let lost = ledger.count("reemployment.lost_to_follow_up", r.lostToFollowUp, population: n)
        let upper = ledger.derived(uses: ["reemployment.employed", "reemployment.lost_to_follow_up", "cohort"], population: n) {
            r.rateUpperBound == nil || $0[2] == 0 ? nil : Double($0[0] + $0[1]) / Double($0[2])
        }
        let retained = Self.rate(
            e.reemploymentRetained.rate, numerator: "reemployment.retained.employed", denominator: "retention.retained", &ledger)
        return ReleasedReemployment(rate: rate, byType: byType, lostToFollowUp: lost, rateUpperBound: upper, retained: retained)
    }

    static func timeToJob(_ e: ProgrammeEvaluation, curve drawn: Bool, _ ledger: inout DisclosureLedger) -> ReleasedTimeToJob {
        let n = e.reemployment.people.count
        // Without censoring, 1 − S(t) at the end is employed ÷ n: withheld with the count.
        let uses = ["reemployment.employed", "cohort"]
        let median = e.timeToJob.median
        var employedBy: [Int: ReleasedEstimate] = [:]
        for item in e.timeToJob.employedBy {
            // METHODS §9 Kaplan–Meier: a share by t stands for at least threshold jobs before t
            // and threshold people still at risk at t.
            let few = ledger.policy.withholdsShareByTime(eventsBefore: item.eventsBefore, atRisk: item.atRisk)
            func share(_ x: Double?) -> Released<Double> { few ? .confidential : ledger.statistic(x, population: n, uses: uses) }
            employedBy[item.months] = ReleasedEstimate(value: share(item.share), low: share(item.low), high: share(item.high))
        }
        // The median (and its limits) is a time read where the curve crosses one half: it
        // stands for the jobs observed, withheld when they are fewer than the threshold.
        let fewJobs = ledger.policy.isSmall(e.timeToJob.fit?.eventCount ?? 0)
        func time(_ x: Double?) -> Released<Double> { fewJobs ? .confidential : ledger.statistic(x, population: n, uses: uses) }
        let months = e.monthsGroupEndToJob
        let monthsN = ledger.count("months_group_end_to_job.n", months.n, population: n)
        let curve =
            !drawn || ledger.isWithheld("reemployment.employed")
            ? nil : e.timeToJob.fit.map { Self.curve($0, key: "time_to_job/", transform: { 1 - $0 }, &ledger) }
        return ReleasedTimeToJob(
            medianDays: time(median?.estimate), medianLow: time(median?.lower), medianHigh: time(median?.upper),
            employedBy: employedBy, curve: curve,
            monthsGroupEndToJob: ReleasedMonths(
                n: monthsN,
                min: ledger.statistic(months.min, population: months.n, uses: ["months_group_end_to_job.n"]),
                median: ledger.statistic(months.median, population: months.n, uses: ["months_group_end_to_job.n"]),
                max: ledger.statistic(months.max, population: months.n, uses: ["months_group_end_to_job.n"])))
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

    static func makeUp(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> [ReleasedMakeUp] {
        var rows: [ReleasedMakeUp] = []
        var parts: [String: [String]] = [:]
        var order: [String] = []
        for row in e.makeUp {
            let key = "makeup/\(row.attribute)/\(row.level)"
            if parts[row.attribute] == nil { order.append(row.attribute) }
            parts[row.attribute, default: []].append(key)
            rows.append(
                ReleasedMakeUp(
                    attribute: row.attribute, level: row.level,
                    n: ledger.count(key, row.n, population: row.denominator),
                    denominator: ledger.count("reach.enrolled", row.denominator),
                    share: ledger.derived(uses: [key, "reach.enrolled"], population: row.denominator) {
                        row.share == nil || $0[1] == 0 ? nil : Double($0[0]) / Double($0[1])
                    }))
        }
        for attribute in order { ledger.partition(parts[attribute] ?? [], total: "reach.enrolled") }
        return rows
    }

    static func changeCounts(_ c: ChangeCounts?, key: String, total: String, population: Int, _ ledger: inout DisclosureLedger)
        -> ReleasedChangeCounts?
    {
        guard let c else { return nil }
        let names = ["improved", "unchanged", "deteriorated"].map { key + $0 }
        ledger.partition(names, total: total)
        return ReleasedChangeCounts(
            improved: ledger.count(names[0], c.improved, population: population),
            unchanged: ledger.count(names[1], c.unchanged, population: population),
            deteriorated: ledger.count(names[2], c.deteriorated, population: population))
    }

    static func wellbeing(_ w: WellbeingChange, _ ledger: inout DisclosureLedger) -> ReleasedWellbeingChange {
        let key = Self.wellbeingKey(w)
        let n = w.pairedT.n
        let pairs = ledger.count(key + "pairs", n)
        // Every figure of the pairs is withheld with their number (an interval and d_z give n back).
        let uses = [key + "pairs"]
        func stat(_ x: Double?) -> Released<Double> { ledger.linked(x, population: n, uses: uses) }
        func interval(_ ci: ConfidenceInterval?) -> ReleasedInterval { ReleasedInterval(low: stat(ci?.lower), high: stat(ci?.upper)) }
        let a = w.attrition
        let completers = ledger.count(key + "completers", a.completers.n)
        if a.completers.n == n { ledger.link([key + "completers", key + "pairs"]) }
        let dropouts = ledger.count(key + "dropouts", a.dropouts.n)
        let attrition = ReleasedWellbeingChange.Attrition(
            completers: completers, dropouts: dropouts,
            meanCompleters: ledger.linked(a.completers.mean, population: a.completers.n, uses: [key + "completers"]),
            meanDropouts: ledger.linked(a.dropouts.mean, population: a.dropouts.n, uses: [key + "dropouts"]),
            pWelch: ledger.statistic(a.welch.p, population: min(a.completers.n, a.dropouts.n)),
            dropoutsInRunningGroups: ledger.count(key + "dropouts_running", a.dropoutsInRunningGroups, population: a.dropouts.n))
        return ReleasedWellbeingChange(
            instrument: w.instrument, wave: w.wave, pairs: pairs,
            meanBaseline: stat(w.pairedT.baseline.mean), meanWave: stat(w.pairedT.end.mean),
            baselineInterval: interval(WellbeingChange.meanInterval(w.pairedT.baseline)),
            waveInterval: interval(WellbeingChange.meanInterval(w.pairedT.end)),
            meanChange: stat(w.pairedT.meanChange),
            changeLow: stat(w.pairedT.inference?.confidenceInterval.lower),
            changeHigh: stat(w.pairedT.inference?.confidenceInterval.upper),
            pPairedT: stat(w.pairedT.inference?.p), pWilcoxon: stat(w.wilcoxon.p),
            cohenDz: stat(w.cohenDz.estimate), cohenDzLow: stat(w.cohenDz.confidenceInterval?.lower),
            cohenDzHigh: stat(w.cohenDz.confidenceInterval?.upper),
            hedgesGav: stat(w.hedgesGav.estimate), hedgesGavLow: stat(w.hedgesGav.confidenceInterval?.lower),
            hedgesGavHigh: stat(w.hedgesGav.confidenceInterval?.upper),
            alphaBaseline: ledger.linked(
                w.alphaBaseline?.alpha, population: w.alphaBaseline?.n ?? 0,
                uses: w.alphaBaseline == nil ? [] : [Self.qualityKey(w.instrument.id, .baseline)]),
            reliableChange: Self.changeCounts(w.reliableChange, key: key + "rci/", total: key + "pairs", population: n, &ledger),
            midChange: Self.changeCounts(w.midChange, key: key + "mid/", total: key + "pairs", population: n, &ledger),
            attrition: attrition,
            leftOutBlankItems: ledger.count(key + "left_out_blank_items", w.leftOutBlankItems),
            leftOutBlankItemsBaseline: ledger.count(key + "left_out_blank_items_baseline", w.leftOutBlankItemsBaseline))
    }
}

extension DisclosureLedger {
    /// Registers a rate's counts and releases it with its Wilson interval (from the
    /// counts as published).
    mutating func rate(_ rate: Rate, numerator: String, denominator: String) -> ReleasedRate {
        EvaluationRelease.rate(rate, numerator: numerator, denominator: denominator, &self)
    }
}
