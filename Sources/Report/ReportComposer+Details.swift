import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    var servicesAndMakeUpSection: [ReportDocument.Block] {
        let l = language
        var blocks: [ReportDocument.Block] = []
        if !release.services.isEmpty {
            let rows: [[Cell]] = release.services.map { s in
                [.text(words.service(s.service)), count(s.participants), count(s.sessions), number(s.hours, digits: 1)]
            }
            blocks.append(
                table(
                    id: "services",
                    caption: l.text("report.details.individual_services_delivered_in_the_period"),
                    columns: [
                        Column(l.text("report.details.service"), key: "service"),
                        Column(l.text("report.details.participants"), key: "participants", .number),
                        Column(l.text("report.details.sessions"), key: "sessions", .number),
                        Column(l.text("report.details.hours"), key: "hours", .number),
                    ],
                    rows: rows))
        }
        if !release.makeUp.isEmpty {
            let rows: [[Cell]] = release.makeUp.map { row in
                [
                    .text(words.attribute(row.attribute)), .text(words.level(row.level, of: row.attribute)), count(row.n),
                    count(row.denominator), share(row.share),
                ]
            }
            blocks.append(
                table(
                    id: "participants_by_attribute",
                    caption: l.text("report.details.participants_enrolled_in_the_period_by"),
                    columns: [
                        Column(l.text("report.details.attribute"), key: "attribute"), Column(l.text("report.details.level"), key: "level"),
                        Column(l.text("report.details.people"), key: "n", .number),
                        Column(l.text("report.details.of"), key: "denominator", .number),
                        Column(l.text("report.details.share"), key: "share", .rate),
                    ],
                    rows: rows))
        }
        return blocks
    }

    var timeToJobSection: [ReportDocument.Block] {
        let l = language
        let t = release.timeToJob
        let days = TimeToJob.daysPerMonth
        let inMonths = { (r: Released<Double>) -> Released<Double> in
            if case .value(let d) = r { return .value(d / days) }
            return r
        }
        let median: Cell
        if case .notComputable = t.medianDays {
            median = Cell(
                l.text("report.details.not_reached_fewer_than_half_found"),
                csv: .text(Disclosure.notComputableCSVMarker))
        } else {
            median = number(inMonths(t.medianDays), digits: 1)
        }
        let monthsUnit = Cell.text(l.text("report.details.months"))
        let shareUnit = Cell.text(l.text("report.details.share_2"))
        var rows: [[Cell]] = [
            [
                .text(
                    l.text("report.details.median_time_from_enrolment_to_first")),
                monthsUnit, median, interval(inMonths(t.medianLow), inMonths(t.medianHigh)),
            ]
        ]
        for months in t.employedBy.keys.sorted() {
            let e = t.employedBy[months] ?? ReleasedEstimate(value: .notComputable, low: .notComputable, high: .notComputable)
            rows.append([
                .text(
                    l.text("report.details.employed_within_months_of_enrolment_kaplan", months)),
                shareUnit, share(e.value), interval(e.low, e.high, percent: true),
            ])
        }
        let m = t.monthsGroupEndToJob
        let none = Cell("–", values: [.empty, .empty])
        for (label, value) in [
            (l.text("report.details.shortest"), m.min), (l.text("report.details.median"), m.median),
            (l.text("report.details.longest"), m.max),
        ] {
            rows.append([
                .text(
                    l.text("report.details.months_from_group_end_to_job", label, inline(m.n))),
                monthsUnit, number(value, digits: 1), none,
            ])
        }
        return [
            table(
                id: "time_to_job",
                caption: l.text("report.details.time_to_first_job_censored_at"),
                columns: [
                    Column(l.text("report.details.indicator"), key: "indicator"), Column(l.text("report.details.unit"), key: "unit"),
                    Column(l.text("report.details.value"), key: "value", .number), .interval(l.text("report.details.95_ci")),
                ],
                rows: rows)
        ]
    }

    var retentionCurveSection: [ReportDocument.Block] {
        let l = language
        guard let curve = release.retentionCurve else { return [] }
        let rows: [[Cell]] = curve.rows.map { row in
            [
                Cell(String(Int(row.time)), csv: .integer(Int(row.time))), count(row.atRisk), share(row.survival),
                interval(row.low, row.high, percent: true),
            ]
        }
        return [
            table(
                id: "retention_curve",
                caption: l.text("report.details.retention_curve_share_still_attending_after"),
                columns: [
                    Column(l.text("report.details.meeting"), key: "meeting", .number),
                    Column(l.text("report.details.still_attending_before_it"), key: "at_risk", .number),
                    Column(l.text("report.details.share_still_attending_after_it"), key: "still_attending", .rate),
                    .interval(l.text("report.details.95_ci"), rate: true),
                ],
                rows: rows)
        ] + curveCoarseningNote
    }

    /// Under disclosure control, how the published Kaplan–Meier curves were coarsened (METHODS §9).
    var curveCoarseningNote: [ReportDocument.Block] {
        guard policy.isApplied else { return [] }
        let l = language
        let t = policy.threshold
        let b = policy.curveRoundingBase
        return [
            .paragraph(
                l.text("report.details.to_protect_individuals_the_curves_are", t, b))
        ]
    }
}
