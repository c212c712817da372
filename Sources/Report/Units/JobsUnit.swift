import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// Jobs that last (METHODS §9 *Jobs that last*): of the people whose first job began
/// after enrolling, how many were in work 3, 6 and 12 months later (on the day, and
/// without a break), the ESF+ common result indicator "in employment six months after
/// leaving", moves to a permanent contract, days in work after leaving, and how long
/// the first period in work lasted. `summary.json` `jobs`.
struct JobsUnit: ReportUnit {
    /// A rate over the people observed long enough, as released, with its lost-to-follow-up bound.
    struct ObservedRate: Sendable {
        var rate: ReleasedRate
        var lost: Released<Int>
        var bound: Released<Double>

        var json: JSONValue {
            .object([
                ("numerator", .of(rate.numerator)), ("denominator", .of(rate.denominator)), ("rate", .of(rate.value)),
                ("ci_low", .of(rate.low)), ("ci_high", .of(rate.high)), ("lost", .of(lost)),
                ("rate_if_all_lost_employed", .of(bound)),
            ])
        }
    }

    struct Days: Sendable {
        var n: Released<Int>
        var mean: Released<Double>
        var median: Released<Double>
    }

    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var reemployed: Released<Int>
        /// In order: in work at 3, 6, 12 months; continuously over 3, 6, 12 months; the
        /// ESF+ indicator; moved to a permanent contract (`Self.rateKeys`).
        var rates: [ObservedRate]
        var days: [Int: Days]
        var median: (estimate: Released<Double>, low: Released<Double>, high: Released<Double>)
        var stillInWork: [(months: Int, share: Released<Double>)]
        var gapDays: Int
        /// The first period in work's Kaplan–Meier curve as published (pooled under disclosure control).
        var curve: ReleasedCurve?
        /// In work 6 months after the first job began, at each quarter's end of the trend
        /// (`nil` rate: a quarter after the data cut-off, not yet recorded).
        var byQuarter: [(period: Period, rate: ReleasedRate?)] = []

        var key: String { "jobs" }
        var placement: ReportUnitPlacement { .afterReemployment }
        var json: JSONValue {
            var fields: [(String, JSONValue)] = [("reemployed", .of(reemployed)), ("gap_days", .int(gapDays))]
            for (key, rate) in zip(JobsUnit.rateKeys, rates) { fields.append((key, rate.json)) }
            for n in JobsThatLast.windowsAfterLeaving {
                let d = days[n]
                fields.append(
                    (
                        "days_in_work_\(n)_after_leaving",
                        .object([
                            ("n", d.map { .of($0.n) } ?? .null), ("mean", d.map { .of($0.mean) } ?? .null),
                            ("median", d.map { .of($0.median) } ?? .null),
                        ])
                    ))
            }
            fields.append(
                (
                    "first_period",
                    .object([
                        ("median", .of(median.estimate)), ("ci_low", .of(median.low)), ("ci_high", .of(median.high)),
                        ("in_work_after_months", .object(stillInWork.map { (String($0.months), .of($0.share)) })),
                    ])
                ))
            return .object(fields)
        }

        /// The 6-month figure, for the key figures.
        var sixMonths: ObservedRate { rates[1] }

        func figures(_ composer: ReportComposer) -> [ReportFigure] {
            [firstPeriodFigure(composer)].compactMap { $0 }
        }

        /// How long the first period in work lasted: the share still in it by months since it began.
        func firstPeriodFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            guard let curve, !curve.drawn.isEmpty else { return nil }
            let chart = StepCurveChart(
                id: "first_period",
                labels: ChartLabels(
                    title: l.text("report.figures.first_period"), subtitle: l.text("report.figures.first_period_subtitle"),
                    xAxis: l.text("report.figures.months_since_first_job"), yAxis: l.text("report.figures.still_in_work"),
                    description: l.text("report.figures.first_period_description")),
                series: [
                    ReportComposer.series(
                        curve, name: l.text("report.figures.re_employed_people"), start: 0, startValue: 1,
                        scale: { $0 / TimeToJob.daysPerMonth })
                ],
                xFormat: .number(digits: 0), yDomain: 0...1)
            return ReportFigure(chart: chart, caption: l.text("report.figures.first_period"), language: l)
        }

        /// Its section, then the figure of how long the first period in work lasted.
        func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
            placement == self.placement ? blocks(composer) + composer.figure("first_period") : []
        }

        func subgroupColumns(_ composer: ReportComposer) -> [Column] {
            let l = composer.language
            return [
                Column(l.text("report.subgroups.in_work_after_leaving"), key: "in_work_6m_after_leaving", .number),
                Column(l.text("report.subgroups.left_and_observed"), key: "left_observed_6m", .number),
                Column(l.text("report.subgroups.in_work_after_leaving_share"), key: "in_work_6m_after_leaving_rate", .rate),
                .interval(l.text("report.subgroups.95_ci"), prefix: "in_work_6m_after_leaving_", rate: true),
            ]
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let labels =
                JobsThatLast.checkpoints.map { l.text("jobs.in_work_at", $0.months) }
                + JobsThatLast.checkpoints.map { l.text("jobs.continuous", $0.months) } + [
                    l.text("jobs.in_work_6m_after_leaving"), l.text("jobs.moved_to_permanent"),
                ]
            let rows: [[Cell]] = zip(labels, rates).map { label, r in
                [.text(label)] + composer.rateCells(r.rate) + [composer.count(r.lost), composer.share(r.bound)]
            }
            let dayRows: [[Cell]] = JobsThatLast.windowsAfterLeaving.compactMap { n in
                days[n].map { d in
                    [
                        .text(l.text("jobs.days_after_leaving", n)), composer.count(d.n), composer.number(d.mean, digits: 1),
                        composer.number(d.median, digits: 1),
                    ]
                }
            }
            let still = stillInWork.map { l.text("jobs.still_after", $0.months, composer.share($0.share).display) }
                .joined(separator: ", ")
            let medianText: String = {
                if let m = composer.marker(median.estimate) { return m.display }
                guard let days = median.estimate.shown else { return l.text("jobs.median_not_reached") }
                let months = { (x: Released<Double>) in x.shown.map { l.number($0 / TimeToJob.daysPerMonth, digits: 1) } ?? "–" }
                return l.text("jobs.median", l.number(days / TimeToJob.daysPerMonth, digits: 1), months(median.low), months(median.high))
            }()
            return [
                .heading(level: 2, text: l.text("jobs.heading")),
                .paragraph(l.text("jobs.intro", composer.inline(reemployed), gapDays)),
                composer.table(
                    id: "jobs", caption: l.text("jobs.caption"),
                    columns: [
                        Column(l.text("jobs.indicator"), key: "indicator"), Column(l.text("jobs.numerator"), key: "numerator", .number),
                        Column(l.text("jobs.denominator"), key: "denominator", .number), Column(l.text("jobs.rate"), key: "rate", .rate),
                        .interval(l.text("jobs.ci"), rate: true), Column(l.text("jobs.lost"), key: "lost", .number),
                        Column(l.text("jobs.bound"), key: "rate_if_all_lost_employed", .rate),
                    ],
                    rows: rows),
                .paragraph(l.text("jobs.esf")),
                composer.table(
                    id: "jobs_days", caption: l.text("jobs.days_caption"),
                    columns: [
                        Column(l.text("jobs.window"), key: "window"), Column(l.text("jobs.people"), key: "n", .number),
                        Column(l.text("jobs.mean"), key: "mean", .number), Column(l.text("jobs.median_days"), key: "median", .number),
                    ],
                    rows: dayRows),
                .paragraph(l.text("jobs.first_period", medianText, still)),
            ] + quarterBlocks(composer)
        }

        func quarterBlocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !byQuarter.isEmpty else { return [] }
            let l = composer.language
            let rows: [[Cell]] = byQuarter.map { q in
                guard let r = q.rate else {
                    let none = Cell(l.text("report.trend.not_yet_recorded_short"), csv: .text(Disclosure.notComputableCSVMarker))
                    return [.text(q.period.label), none, none, none, Cell("–", values: [.text("[x]"), .text("[x]")])]
                }
                return [
                    .text(q.period.label), composer.count(r.denominator), composer.count(r.numerator), composer.share(r.value),
                    composer.interval(r.low, r.high, percent: true),
                ]
            }
            return [
                composer.table(
                    id: "jobs_trend", caption: l.text("jobs.trend_caption"),
                    columns: [
                        Column(l.text("jobs.quarter"), key: "period"), Column(l.text("jobs.denominator"), key: "observed", .number),
                        Column(l.text("jobs.numerator"), key: "in_work", .number), Column(l.text("jobs.rate"), key: "rate", .rate),
                        .interval(l.text("jobs.ci"), rate: true),
                    ],
                    rows: rows)
            ]
        }
    }

    /// A `--by` level's figure: "in work 6 months after leaving" (the ESF+ indicator), under
    /// the whole programme's keys.
    struct LevelFigures: ReleasedUnit {
        var inWorkAfterLeaving: ReleasedRate

        var key: String { "jobs" }
        var placement: ReportUnitPlacement { .afterReemployment }
        var json: JSONValue {
            .object([("in_work_6m_after_leaving", .object(SummaryJSON.rate(inWorkAfterLeaving, numeratorKey: "in_work")))])
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] { [] }

        func subgroupCells(_ composer: ReportComposer) -> [ReportTable.Cell] { composer.rateCells(inWorkAfterLeaving) }
    }

    /// The rates' keys in `summary.json` `jobs`, in `Figures.rates` order.
    static let rateKeys =
        JobsThatLast.checkpoints.map { "in_work_at_\($0.months)m" } + JobsThatLast.checkpoints.map { "continuous_\($0.months)m" }
        + ["in_work_6m_after_leaving", "moved_to_permanent"]

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let j = e.jobs
        let reemployed = ledger.count("jobs.reemployed", j.reemployed)
        if j.reemployed == e.reemployment.rate.numerator { ledger.link(["jobs.reemployed", "reemployment.employed"]) }
        let rates = Self.rates(j, &ledger)
        var days: [Int: Days] = [:]
        for (n, d) in j.daysInWorkAfterLeaving {
            let key = "jobs/days_\(n)/n"
            days[n] = Days(
                n: ledger.count(key, d.days.count), mean: ledger.linked(d.mean, population: d.days.count, uses: [key]),
                median: ledger.statistic(d.median, population: d.days.count, uses: [key]))
        }
        let first = Self.firstPeriod(j, &ledger)
        return Figures(
            reemployed: reemployed, rates: rates, days: days, median: first.median, stillInWork: first.still,
            gapDays: e.configuration.jobGapDays, curve: first.curve, byQuarter: Self.byQuarter(e, &ledger))
    }

    func releaseLevel(_ e: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> (any ReleasedUnit)?
    {
        LevelFigures(
            inWorkAfterLeaving: ledger.rate(
                e.jobs.inWorkSixMonthsAfterLeaving.rate, numerator: "jobs/in_work_6m_after_leaving/numerator",
                denominator: "jobs/in_work_6m_after_leaving/denominator"))
    }

    /// The rates, each with its lost and bound; on the day and continuously share their
    /// people observed and those lost, and those in work without a break are some of those
    /// in work on the day: the rest (in work again after a break), never shown, must not be small.
    static func rates(_ j: JobsThatLast, _ ledger: inout DisclosureLedger) -> [ObservedRate] {
        let observed =
            JobsThatLast.checkpoints.map { j.inWorkAt[$0.months] } + JobsThatLast.checkpoints.map { j.continuous[$0.months] } + [
                j.inWorkSixMonthsAfterLeaving, j.movedToPermanent,
            ]
        var rates: [ObservedRate] = []
        for (key, r) in zip(rateKeys, observed) {
            let r = r ?? JobsThatLast.ObservedRate(rate: Rate(numerator: 0, denominator: 0), lost: 0)
            let base = "jobs/\(key)/"
            let rate = EvaluationRelease.rate(r.rate, numerator: base + "numerator", denominator: base + "denominator", &ledger)
            let lost = ledger.count(base + "lost", r.lost)
            let bound = ledger.derived(uses: [base + "numerator", base + "lost", base + "denominator"], population: r.rate.denominator) {
                $0[1] + $0[2] > 0 ? Double($0[0] + $0[1]) / Double($0[1] + $0[2]) : nil
            }
            rates.append(ObservedRate(rate: rate, lost: lost, bound: bound))
        }
        for (k, checkpoint) in JobsThatLast.checkpoints.enumerated() {
            let (a, b) = ("jobs/\(rateKeys[k])/", "jobs/\(rateKeys[k + JobsThatLast.checkpoints.count])/")
            ledger.link([a + "denominator", b + "denominator"])
            ledger.link([a + "lost", b + "lost"])
            let again = (j.inWorkAt[checkpoint.months]?.rate.numerator ?? 0) - (j.continuous[checkpoint.months]?.rate.numerator ?? 0)
            _ = ledger.count(a + "after_a_break", again)
            ledger.partition([b + "numerator", a + "after_a_break"], total: a + "numerator")
        }
        return rates
    }

    /// The first period in work: its median (withheld, as the time to first job's, with
    /// fewer endings than the threshold), the share still in it by 3, 6 and 12 months
    /// (withheld with few endings or people before it, and with the continuous count it
    /// equals when nobody was censored before), and its published curve.
    static func firstPeriod(_ j: JobsThatLast, _ ledger: inout DisclosureLedger) -> (
        median: (estimate: Released<Double>, low: Released<Double>, high: Released<Double>),
        still: [(months: Int, share: Released<Double>)], curve: ReleasedCurve?
    ) {
        let fewEnded = ledger.policy.isSmall(j.firstPeriod?.eventCount ?? 0)
        let population = j.reemployed
        func time(_ x: Double?) -> Released<Double> {
            fewEnded ? .confidential : ledger.statistic(x, population: population, uses: ["jobs.reemployed"])
        }
        let m = j.firstPeriodMedian
        let still = j.stillInFirstPeriod.map { item -> (months: Int, share: Released<Double>) in
            guard let e = item.estimate else { return (item.months, .notComputable) }
            let few = ledger.policy.withholdsShareByTime(eventsBefore: e.cumulativeEvents, atRisk: e.atRisk)
            let uses = ["jobs.reemployed", "jobs/continuous_\(item.months)m/numerator"]
            return (item.months, few ? .confidential : ledger.statistic(e.survival, population: population, uses: uses))
        }
        let curve =
            ledger.isWithheld("jobs.reemployed")
            ? nil : j.firstPeriod.map { EvaluationRelease.curve($0, key: "first_period/", transform: { $0 }, &ledger) }
        return ((time(m?.estimate), time(m?.lower), time(m?.upper)), still, curve)
    }

    /// The 6-month figure at each quarter's end, as the trend shows the others: the same
    /// definition over the cohort enrolled by then, observed to then (a quarter after the
    /// data cut-off: not yet recorded).
    static func byQuarter(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> [(period: Period, rate: ReleasedRate?)] {
        var byQuarter: [(period: Period, rate: ReleasedRate?)] = []
        let cutoff = e.snapshot.cutoff
        let inWorkAt = JobsThatLast.InWorkAt(snapshot: e.snapshot, configuration: e.configuration)
        for q in e.trend?.quarters ?? [] {
            guard cutoff.map({ q.period.from <= $0 }) ?? false else {
                byQuarter.append((q.period, nil))
                continue
            }
            let members = e.snapshot.participants.indices.filter { e.snapshot.participants[$0].enrolledOn <= q.period.to }
            let rate =
                q.period.to == e.period.to
                ? e.jobs.inWorkAt[6]?.rate ?? Rate(numerator: 0, denominator: 0)
                : inWorkAt.rate(months: 6, members: members, to: q.period.to).rate
            let key = "trend/\(q.period.label)/"
            let released = EvaluationRelease.rate(rate, numerator: key + "jobs6m_in", denominator: key + "jobs6m_n", &ledger)
            if q.period.to == e.period.to {
                ledger.link([key + "jobs6m_in", "jobs/in_work_at_6m/numerator"])
                ledger.link([key + "jobs6m_n", "jobs/in_work_at_6m/denominator"])
            }
            byQuarter.append((q.period, released))
        }
        return byQuarter
    }
}
