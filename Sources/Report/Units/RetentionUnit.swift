import EvaluationDomain
import Indicators
import Ingest
import Statistics

/// Attendance and retention (METHODS §6): the participants retained (attendance rate
/// at or above the threshold of the meetings held while they were enrolled) over those
/// with a meeting held, with its Wilson interval, and the Kaplan–Meier curve of
/// attendance over meeting number (its figure in the body, its table in the appendix).
/// `summary.json` `retention`; a `--by` level gives the rate.
struct RetentionUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var retention: ReleasedRetention
        /// The whole programme's curve; `nil` for a `--by` level.
        var curve: ReleasedCurve?

        var key: String { "retention" }
        var placement: ReportUnitPlacement { .retention }
        var json: JSONValue {
            let r = retention
            return .object(
                [("threshold", .number(r.threshold)), ("inclusive", .bool(r.inclusive))]
                    + SummaryJSON.rate(r.rate, numeratorKey: "retained") + [("not_started", .of(r.notStarted))])
        }

        func figures(_ composer: ReportComposer) -> [ReportFigure] {
            [retentionCurveFigure(composer)].compactMap { $0 }
        }

        func retentionCurveFigure(_ composer: ReportComposer) -> ReportFigure? {
            let l = composer.language
            guard let curve, !curve.drawn.isEmpty else { return nil }
            let chart = StepCurveChart(
                id: "retention_curve",
                labels: ChartLabels(
                    title: l.text("report.figures.retention_curve"),
                    subtitle: l.text("report.figures.share_still_attending_with_95_confidence"),
                    xAxis: l.text("report.figures.meeting_number"), yAxis: l.text("report.figures.still_attending"),
                    description: l.text("report.figures.kaplan_meier_estimate_over_meeting_number")),
                series: [
                    ReportComposer.series(curve, name: l.text("report.figures.all_participants"), start: 0, startValue: 1, scale: { $0 })
                ],
                yDomain: 0...1)
            return ReportFigure(
                chart: chart, caption: l.text("report.figures.retention_curve_over_meeting_number"), language: l)
        }

        func blocks(_ composer: ReportComposer, at placement: ReportUnitPlacement) -> [ReportDocument.Block] {
            switch placement {
            case .retention: section(composer) + composer.figure("retention_curve")
            case .appendix: curveTable(composer)
            default: []
            }
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] { blocks(composer, at: placement) }

        func subgroupColumns(_ composer: ReportComposer) -> [Column] {
            let l = composer.language
            return [
                Column(l.text("report.subgroups.retained"), key: "retained", .number),
                Column(l.text("report.subgroups.with_a_meeting_held"), key: "retention_denominator", .number),
                Column(l.text("report.subgroups.retention"), key: "retention_rate", .rate),
                .interval(l.text("report.subgroups.95_ci"), prefix: "retention_", rate: true),
            ]
        }

        func subgroupCells(_ composer: ReportComposer) -> [Cell] { composer.rateCells(retention.rate) }

        func section(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let r = retention
            let comparator = r.inclusive ? "≥" : ">"
            return [
                .heading(level: 2, text: l.text("report.attendance_and_retention")),
                composer.table(
                    id: "retention",
                    caption: l.text("report.retention_attendance_rate", comparator, l.threshold(r.threshold)),
                    columns: composer.rateColumns,
                    rows: [composer.rateRow(l.text("report.retained"), r.rate, definition(l))]),
                .paragraph(l.text("report.participants_with_no_meeting_held_yet", composer.inline(r.notStarted))),
            ]
        }

        func definition(_ l: ReportLanguage) -> String {
            let share = l.threshold(retention.threshold)
            return retention.inclusive
                ? l.text("report.participants_who_attended_at_least_of", share)
                : l.text("report.participants_who_attended_more_than_of", share)
        }

        /// The curve's full table, in the appendix.
        func curveTable(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard let curve else { return [] }
            let l = composer.language
            let rows: [[Cell]] = curve.rows.map { row in
                [
                    Cell(String(Int(row.time)), csv: .integer(Int(row.time))), composer.count(row.atRisk), composer.share(row.survival),
                    composer.interval(row.low, row.high, percent: true),
                ]
            }
            return [
                composer.table(
                    id: "retention_curve",
                    caption: l.text("report.details.retention_curve_share_still_attending_after"),
                    columns: [
                        Column(l.text("report.details.meeting"), key: "meeting", .number),
                        Column(l.text("report.details.still_attending_before_it"), key: "at_risk", .number),
                        Column(l.text("report.details.share_still_attending_after_it"), key: "still_attending", .rate),
                        .interval(l.text("report.details.95_ci"), rate: true),
                    ],
                    rows: rows)
            ] + coarseningNote(composer)
        }

        /// Under disclosure control, how the published Kaplan–Meier curves were coarsened
        /// (METHODS §9); it stands under the first curve's table and holds for every curve.
        func coarseningNote(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let policy = composer.policy
            guard policy.isApplied else { return [] }
            return [
                .paragraph(
                    composer.language.text(
                        "report.details.to_protect_individuals_the_curves_are", policy.threshold, policy.curveRoundingBase))
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        var figures = Figures(retention: Self.retention(e, &ledger))
        if let fit = e.retentionCurve.fit {
            figures.curve = EvaluationRelease.curve(fit, key: "retention_curve/", transform: { $0 }, everyUnit: true, &ledger)
            if fit.count == e.retention.rate.denominator && !ledger.policy.isApplied {
                ledger.link(["retention_curve/0", "retention.n"])
            }
        }
        return figures
    }

    func releaseLevel(_ e: ProgrammeEvaluation, groupAttribute: Bool, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> (any ReleasedUnit)?
    {
        Figures(retention: Self.retention(e, &ledger))
    }

    static func retention(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> ReleasedRetention {
        let r = e.retention
        let rate = ledger.rate(r.rate, numerator: "retention.retained", denominator: "retention.n")
        let notStarted = ledger.count("retention.not_started", r.notStarted)
        // Started + not started = the cohort, shown as the re-employment denominator.
        ledger.partition(["retention.n", "retention.not_started"], total: "cohort")
        return ReleasedRetention(threshold: r.threshold, inclusive: r.inclusive, rate: rate, notStarted: notStarted)
    }
}

public struct ReleasedRetention: Sendable, Equatable {
    public var threshold: Double
    public var inclusive: Bool
    public var rate: ReleasedRate
    public var notStarted: Released<Int>
}
