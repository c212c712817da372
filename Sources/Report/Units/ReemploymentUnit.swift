import EvaluationDomain
import Indicators
import Ingest
import Statistics

/// Re-employment and the time to a first job (METHODS §6): everyone enrolled by the
/// period's end with a work experience after enrolling (intention to treat) and the
/// retained among them, with Wilson intervals and the bound if everyone lost to
/// follow-up had found work; by type of work; and the Kaplan–Meier time from
/// enrolment to the first job, with the months from the group's end to it.
/// `summary.json` `reemployment`; a `--by` level gives the same without the curve.
struct ReemploymentUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var reemployment: ReleasedReemployment
        var timeToJob: ReleasedTimeToJob

        var key: String { "reemployment" }
        var placement: ReportUnitPlacement { .reemployment }
        var json: JSONValue {
            let r = reemployment
            let t = timeToJob
            var fields = SummaryJSON.rate(r.rate, numeratorKey: "employed")
            fields.append(("by_type", .object(r.byType.map { ($0.type.rawValue, .of($0.people)) })))
            fields += [
                ("median_days_to_job", .of(t.medianDays)), ("median_ci_low", .of(t.medianLow)), ("median_ci_high", .of(t.medianHigh)),
            ]
            let months = t.employedBy.keys.sorted()
            let by = { (part: (ReleasedEstimate) -> Released<Double>) -> JSONValue in
                .object(months.map { (String($0), .of(t.employedBy[$0].map(part) ?? .notComputable)) })
            }
            fields += [
                ("employed_by_months", by(\.value)), ("employed_by_months_ci_low", by(\.low)), ("employed_by_months_ci_high", by(\.high)),
            ]
            let m = t.monthsGroupEndToJob
            fields += [
                (
                    "months_group_end_to_job",
                    .object([("n", .of(m.n)), ("min", .of(m.min)), ("median", .of(m.median)), ("max", .of(m.max))])
                ),
                ("lost_to_follow_up", .of(r.lostToFollowUp)), ("rate_upper_bound", .of(r.rateUpperBound)),
                ("retained", .object(SummaryJSON.rate(r.retained, numeratorKey: "employed"))),
            ]
            return .object(fields)
        }

        func figures(_ composer: ReportComposer) -> [ReportFigure] {
            [reemploymentByTypeFigure(composer), timeToJobFigure(composer)].compactMap { $0 }
        }

        func reemploymentByTypeFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            let r = reemployment
            guard let enrolled = r.rate.denominator.shown, enrolled > 0 else { return nil }
            let bars = r.byType.map { item in
                BarChart.Bar(
                    label: composer.words.outcomeType(item.type), value: item.share.shown,
                    valueText: item.share.shown == nil ? composer.marker(item.people)?.display ?? composer.marker(item.share)?.display : nil
                )
            }
            let best = composer.configuration.breakdown == .best
            let chart = BarChart(
                id: "reemployment_by_type",
                labels: ChartLabels(
                    title: l.text("report.figures.re_employment_by_type"),
                    subtitle: l.text(
                        "report.figures.share_of_the_enrolled_each_person", l.count(enrolled),
                        l.text(best ? "words.breakdown.best" : "words.breakdown.first")),
                    xAxis: l.text("report.figures.share_of_enrolled"),
                    description: l.text("report.figures.bars_give_the_share_of_enrolled")),
                bars: bars, suppressedText: Disclosure.confidentialMarker)
            return ReportFigure(chart: chart, caption: l.text("report.figures.re_employment_by_type"), language: l)
        }

        func timeToJobFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            guard let curve = timeToJob.curve, !curve.drawn.isEmpty else { return nil }
            let chart = StepCurveChart(
                id: "time_to_job",
                labels: ChartLabels(
                    title: l.text("report.figures.time_to_first_job"),
                    subtitle: l.text("report.figures.share_with_a_work_experience_since"),
                    xAxis: l.text("report.figures.months_since_enrolment"), yAxis: l.text("report.figures.employed"),
                    description: l.text("report.figures.cumulative_share_re_employed_1_s")),
                series: [
                    ReportComposer.series(
                        curve, name: l.text("report.figures.all_enrolled"), start: 0, startValue: 0,
                        scale: { $0 / TimeToJob.daysPerMonth })
                ],
                xFormat: .number(digits: 0), yDomain: 0...1,
                reference: reemployment.rate.value.shown.map { crude in
                    StepCurveChart.Reference(
                        value: crude,
                        label: l.text("report.figures.crude_share_re_employed", l.percent(crude)))
                })
            return ReportFigure(chart: chart, caption: l.text("report.figures.time_to_first_job"), language: l)
        }

        func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
            switch placement {
            case .reemployment: section(composer) + composer.figure("reemployment_by_type")
            case .timeToJob: timeToJobTable(composer) + composer.figure("time_to_job")
            default: []
            }
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] { blocks(composer, at: placement) }

        func subgroupColumns(_ composer: ReportComposer) -> [Column] {
            let l = composer.language
            return [
                Column(l.text("report.subgroups.re_employed"), key: "reemployed", .number),
                Column(l.text("report.subgroups.re_employment"), key: "reemployment_rate", .rate),
                .interval(l.text("report.subgroups.95_ci"), prefix: "reemployment_", rate: true),
            ]
        }

        func subgroupCells(_ composer: ReportComposer) -> [Cell] {
            composer.rateCells(reemployment.rate, denominator: false)
        }

        func definition(retained: Bool, _ composer: ReportComposer) -> String {
            let events = composer.configuration.reemploymentEvents.map { composer.words.outcomeType($0).lowercased() }
                .joined(separator: ", ")
            return retained
                ? composer.language.text("report.retained_participants_with_a_work_experience", events)
                : composer.language.text("report.participants_with_a_work_experience_between", events)
        }

        func section(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let r = reemployment
            let typeRows: [[Cell]] = r.byType.map { item in
                [.text(composer.words.outcomeType(item.type)), composer.count(item.people), composer.share(item.share)]
            }
            let breakdown = composer.configuration.breakdown == .best
            return [
                .heading(level: 2, text: l.text("report.re_employment")),
                composer.table(
                    id: "reemployment", caption: l.text("report.work_experience_after_enrolment"),
                    columns: composer.rateColumns,
                    rows: [
                        composer.rateRow(
                            l.text("report.all_enrolled_intention_to_treat"), r.rate, definition(retained: false, composer)),
                        composer.rateRow(l.text("report.retained_participants"), r.retained, definition(retained: true, composer)),
                    ]),
                composer.table(
                    id: "reemployment_by_type",
                    caption: l.text(
                        "report.re_employed_by_type_each_person", l.text(breakdown ? "words.breakdown.best" : "words.breakdown.first"),
                        composer.inline(r.rate.denominator)),
                    columns: [
                        Column(l.text("report.type"), key: "type"), Column(l.text("report.people"), key: "people", .number),
                        Column(l.text("report.share_of_enrolled"), key: "share_of_enrolled", .rate),
                    ],
                    rows: typeRows),
                .paragraph(
                    l.text(
                        "report.lost_to_follow_up_observation_ended", composer.inline(r.lostToFollowUp),
                        composer.share(r.rateUpperBound).display)),
            ]
        }

        func timeToJobTable(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let t = timeToJob
            let inMonths = { (r: Released<Double>) -> Released<Double> in
                if case .value(let d) = r { return .value(d / TimeToJob.daysPerMonth) }
                return r
            }
            let median: Cell
            if case .notComputable = t.medianDays {
                median = Cell(l.text("report.details.not_reached_fewer_than_half_found"), csv: .text(Disclosure.notComputableCSVMarker))
            } else {
                median = composer.number(inMonths(t.medianDays), digits: 1)
            }
            let monthsUnit = Cell.text(l.text("report.details.months"))
            let shareUnit = Cell.text(l.text("report.details.share_2"))
            var rows: [[Cell]] = [
                [
                    .text(l.text("report.details.median_time_from_enrolment_to_first")), monthsUnit, median,
                    composer.interval(inMonths(t.medianLow), inMonths(t.medianHigh)),
                ]
            ]
            for months in t.employedBy.keys.sorted() {
                let e = t.employedBy[months] ?? ReleasedEstimate(value: .notComputable, low: .notComputable, high: .notComputable)
                rows.append([
                    .text(l.text("report.details.employed_within_months_of_enrolment_kaplan", months)), shareUnit,
                    composer.share(e.value), composer.interval(e.low, e.high, percent: true),
                ])
            }
            let m = t.monthsGroupEndToJob
            let none = Cell("–", values: [.empty, .empty])
            for (label, value) in [
                (l.text("report.details.shortest"), m.min), (l.text("report.details.median"), m.median),
                (l.text("report.details.longest"), m.max),
            ] {
                rows.append([
                    .text(l.text("report.details.months_from_group_end_to_job", label, composer.inline(m.n))), monthsUnit,
                    composer.number(value, digits: 1), none,
                ])
            }
            return [
                composer.table(
                    id: "time_to_job",
                    caption: l.text("report.details.time_to_first_job_censored_at"),
                    columns: [
                        Column(l.text("report.details.indicator"), key: "indicator"), Column(l.text("report.details.unit"), key: "unit"),
                        Column(l.text("report.details.value"), key: "value", .number), .interval(l.text("report.details.95_ci")),
                    ],
                    rows: rows)
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        Figures(reemployment: Self.reemployment(e, &ledger), timeToJob: Self.timeToJob(e, curve: true, &ledger))
    }

    func releaseLevel(_ e: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> (any ReleasedUnit)?
    {
        Figures(reemployment: Self.reemployment(e, &ledger), timeToJob: Self.timeToJob(e, curve: false, &ledger))
    }

    static func reemployment(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> ReleasedReemployment {
        let r = e.reemployment
        let n = r.rate.denominator
        let rate = ledger.rate(r.rate, numerator: "reemployment.employed", denominator: "cohort")
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
        let retained = ledger.rate(
            e.reemploymentRetained.rate, numerator: "reemployment.retained.employed", denominator: "retention.retained")
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
            ? nil : e.timeToJob.fit.map { EvaluationRelease.curve($0, key: "time_to_job/", transform: { 1 - $0 }, &ledger) }
        let monthsUses = ["months_group_end_to_job.n"]
        return ReleasedTimeToJob(
            medianDays: time(median?.estimate), medianLow: time(median?.lower), medianHigh: time(median?.upper),
            employedBy: employedBy, curve: curve,
            monthsGroupEndToJob: ReleasedMonths(
                n: monthsN,
                min: ledger.statistic(months.min, population: months.n, uses: monthsUses),
                median: ledger.statistic(months.median, population: months.n, uses: monthsUses),
                max: ledger.statistic(months.max, population: months.n, uses: monthsUses)))
    }
}

public struct ReleasedReemployment: Sendable, Equatable {
    public struct TypeCount: Sendable, Equatable {
        public var type: OutcomeType
        public var people: Released<Int>
        /// Share of everyone enrolled.
        public var share: Released<Double>
    }

    public var rate: ReleasedRate
    public var byType: [TypeCount]
    public var lostToFollowUp: Released<Int>
    public var rateUpperBound: Released<Double>
    /// The same over retained participants.
    public var retained: ReleasedRate
}

public struct ReleasedTimeToJob: Sendable, Equatable {
    public var medianDays: Released<Double>
    public var medianLow: Released<Double>
    public var medianHigh: Released<Double>
    /// 3, 6, 12 months → share employed (1 − S(t)) with its 95% interval.
    public var employedBy: [Int: ReleasedEstimate]
    public var curve: ReleasedCurve?
    public var monthsGroupEndToJob: ReleasedMonths
}

/// Months from group end to job: min, median, max over `n` people.
public struct ReleasedMonths: Sendable, Equatable {
    public var n: Released<Int>
    public var min: Released<Double>
    public var median: Released<Double>
    public var max: Released<Double>
}
