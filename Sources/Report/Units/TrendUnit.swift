import EvaluationDomain
import Indicators
import Ingest
import Store

/// The trend by quarter (METHODS §6 "Trend"): at each quarter's end of a period longer
/// than a quarter, the cohort enrolled by then, retained and re-employed as observed
/// then, and the quarter's meetings and people attending; quarters after the data
/// cut-off not yet recorded. Its section follows the cost; `summary.json` `trend`,
/// after `by`.
struct TrendUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var quarters: [ReleasedTrendQuarter]

        var key: String { "trend" }
        var placement: ReportUnitPlacement { .afterWellbeing }
        var followsSubgroups: Bool { true }
        var json: JSONValue { .array(quarters.map(TrendUnit.json)) }
        var entries: [(String, JSONValue)] { quarters.isEmpty ? [] : [(key, json)] }

        func figures(_ composer: ReportComposer) -> [ReportFigure] {
            [trendFigure(composer)].compactMap { $0 }
        }

        /// The re-employment rate of the cohort at each quarter's end, with its Wilson interval.
        func trendFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            guard !quarters.isEmpty else { return nil }
            let rows = quarters.map { q -> ForestPlot.Row in
                let r = q.reemployment
                let estimate = r.value.shown.map { ChartEstimate($0, lower: r.low.shown, upper: r.high.shown) }
                let n = q.cohort.shown.map { l.text("report.figures.enrolled_by_then", l.count($0)) }
                return ForestPlot.Row(
                    label: l.period(q.period), estimate: estimate, note: n,
                    missingText: q.recorded ? composer.marker(r.value)?.display ?? "–" : l.text("report.trend.not_yet_recorded_short"))
            }
            let chart = ForestPlot(
                id: "trend",
                labels: ChartLabels(
                    title: l.text("report.figures.re_employment_by_quarter"),
                    subtitle: l.text("report.figures.share_of_everyone_enrolled_by_each"),
                    xAxis: l.text("report.figures.re_employed"),
                    description: l.text("report.figures.for_each_quarter_the_re_employment")),
                rows: rows, valueFormat: .percent(digits: 1), domain: 0...1)
            return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
        }

        /// Its section, then the figure of re-employment by quarter.
        func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
            placement == self.placement ? blocks(composer) + composer.figure("trend") : []
        }

        /// "Trend by quarter" (METHODS §6): the cohort enrolled by each quarter's
        /// end, retained and re-employed as observed then, and the quarter's activity.
        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !quarters.isEmpty else { return [] }
            let l = composer.language
            let rows: [[Cell]] = quarters.map { q in
                [
                    .text(l.period(Period(label: q.period.label, from: q.period.from, to: q.period.to))),
                    Cell(q.period.to.iso8601, csv: .date(q.period.to)), composer.count(q.cohort),
                ] + composer.rateCells(q.retention, denominator: false) + composer.rateCells(q.reemployment, denominator: false) + [
                    q.meetingsHeld.map { Cell(l.count($0), csv: .integer($0)) } ?? Cell("–", csv: .text(Disclosure.notComputableCSVMarker)),
                    composer.count(q.attendedOnce),
                ]
            }
            return [
                .heading(level: 2, text: l.text("report.subgroups.trend_by_quarter")),
                composer.table(
                    id: "trend",
                    caption: l.text("report.subgroups.at_each_quarters_end_everyone_enrolled"),
                    columns: [
                        Column(l.text("report.subgroups.quarter"), key: "period"), Column(l.text("report.subgroups.up_to"), key: "to"),
                        Column(l.text("report.subgroups.enrolled_by_then"), key: "enrolled", .number),
                        Column(l.text("report.subgroups.retained"), key: "retained", .number),
                        Column(l.text("report.subgroups.retention_2"), key: "retention_rate", .rate),
                        .interval(l.text("report.subgroups.95_ci"), prefix: "retention_", rate: true),
                        Column(l.text("report.subgroups.re_employed_2"), key: "employed", .number),
                        Column(l.text("report.subgroups.re_employment"), key: "reemployment_rate", .rate),
                        .interval(l.text("report.subgroups.95_ci"), prefix: "reemployment_", rate: true),
                        Column(l.text("report.subgroups.meetings_held"), key: "meetings_held", .number),
                        Column(l.text("report.subgroups.attending"), key: "attended_once", .number),
                    ],
                    rows: rows),
            ] + notRecordedNote(l)
        }

        /// Which quarters of the trend start after the data cut-off, when any do.
        func notRecordedNote(_ l: ReportLanguage) -> [ReportDocument.Block] {
            let later = quarters.filter { !$0.recorded }
            guard let first = later.first else { return [] }
            return [.paragraph(l.text("report.trend.not_yet_recorded", l.period(first.period)))]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        Figures(quarters: Self.quarters(e, &ledger))
    }

    /// The quarters of the trend. The last quarter ending on the period's end
    /// holds the same numbers as the main tables (linked); consecutive cohorts
    /// and employed counts differ by the people added in a quarter, registered
    /// (never shown) so that a small difference withholds a cell.
    static func quarters(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> [ReleasedTrendQuarter] {
        guard let trend = e.trend else { return [] }
        let cutoff = e.snapshot.cutoff
        var out: [ReleasedTrendQuarter] = []
        var previous: String?
        for (q, previousQuarter) in zip(trend.quarters, [nil] + trend.quarters.map { Optional($0) }) {
            let key = "trend/\(q.period.label)/"
            let cohort = ledger.count(key + "cohort", q.cohort)
            let retention = ledger.rate(q.retention, numerator: key + "retained", denominator: key + "retention.n")
            let work = ledger.rate(q.reemployment, numerator: key + "employed", denominator: key + "cohort")
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

    /// One quarter of `trend` (METHODS §6 "Trend"), with the rates' intervals.
    static func json(_ q: ReleasedTrendQuarter) -> JSONValue {
        .object([
            ("period", .string(q.period.label)), ("to", .string(q.period.to.iso8601)), ("enrolled", .of(q.cohort)),
            ("retained", .of(q.retention.numerator)), ("retention_n", .of(q.retention.denominator)),
            ("retention_rate", .of(q.retention.value)), ("retention_ci_low", .of(q.retention.low)),
            ("retention_ci_high", .of(q.retention.high)), ("employed", .of(q.reemployment.numerator)),
            ("reemployment_rate", .of(q.reemployment.value)), ("reemployment_ci_low", .of(q.reemployment.low)),
            ("reemployment_ci_high", .of(q.reemployment.high)), ("meetings_held", q.meetingsHeld.map { .int($0) } ?? .null),
            ("attended_once", .of(q.attendedOnce)), ("recorded", .bool(q.recorded)),
        ])
    }
}

public struct ReleasedTrendQuarter: Sendable, Equatable {
    public var period: Period
    public var cohort: Released<Int>
    public var retention: ReleasedRate
    public var reemployment: ReleasedRate
    /// `nil` for a quarter not yet recorded.
    public var meetingsHeld: Int?
    public var attendedOnce: Released<Int>
    /// Whether the quarter starts on or before the data cut-off (METHODS §9 *Data
    /// cut-off*): a quarter after it is "not yet recorded", never zeros.
    public var recorded: Bool = true

    /// The quarter with every figure marked not computable: nothing is recorded for it yet.
    var unrecorded: ReleasedTrendQuarter {
        let none = ReleasedRate(
            numerator: .notComputable, denominator: .notComputable, value: .notComputable, low: .notComputable, high: .notComputable)
        return ReleasedTrendQuarter(
            period: period, cohort: .notComputable, retention: none, reemployment: none, meetingsHeld: nil, attendedOnce: .notComputable,
            recorded: false)
    }
}
