import EvaluationDomain
import Indicators
import Ingest
import Store

/// Outcomes by enrolment cohort (METHODS §9 *Period and cohort*): per year (or
/// quarter, `--cohort quarter`) of enrolment, the people in work within 6 and 12
/// months of enrolling, over those observed that long, with Wilson intervals; so a
/// funder compares cohorts that had the same time, not a rate that falls only
/// because newer people had less of it. `summary.json` `cohorts`.
struct CohortOutcomesUnit: ReportUnit {
    var byQuarter: Bool

    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        struct Row: Sendable {
            var cohort: String
            var enrolled: Released<Int>
            /// 6 and 12 months.
            var rates: [ReleasedRate]
        }

        var rows: [Row]
        var byQuarter: Bool

        var key: String { "cohorts" }
        var placement: ReportUnitPlacement { .afterReemployment }
        var json: JSONValue {
            .array(
                rows.map { row in
                    var fields: [(String, JSONValue)] = [("cohort", .string(row.cohort)), ("enrolled", .of(row.enrolled))]
                    for (months, rate) in zip(CohortOutcomes.horizons, row.rates) {
                        fields += [
                            ("observed_\(months)m", .of(rate.denominator)), ("in_work_\(months)m", .of(rate.numerator)),
                            ("in_work_\(months)m_rate", .of(rate.value)), ("ci_low_\(months)m", .of(rate.low)),
                            ("ci_high_\(months)m", .of(rate.high)),
                        ]
                    }
                    return .object(fields)
                })
        }

        /// An interval's column, keyed as in `summary.json` (`ci_low_6m`, `ci_high_6m`).
        static func interval(_ label: String, months: Int) -> Column {
            var column = Column(label, key: "ci_low_\(months)m", .rate)
            column.keys.append("ci_high_\(months)m")
            return column
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            guard !rows.isEmpty else { return [] }
            let l = composer.language
            var columns = [Column(l.text(byQuarter ? "cohorts.quarter" : "cohorts.year"), key: "cohort")]
            columns.append(Column(l.text("cohorts.enrolled"), key: "enrolled", .number))
            for months in CohortOutcomes.horizons {
                columns += [
                    Column(l.text("cohorts.observed", months), key: "observed_\(months)m", .number),
                    Column(l.text("cohorts.in_work", months), key: "in_work_\(months)m", .number),
                    Column(l.text("cohorts.share", months), key: "in_work_\(months)m_rate", .rate),
                    Self.interval(l.text("cohorts.ci"), months: months),
                ]
            }
            let cells: [[Cell]] = rows.map { row in
                [.text(row.cohort), composer.count(row.enrolled)]
                    + row.rates.flatMap { rate in
                        [
                            composer.count(rate.denominator), composer.count(rate.numerator), composer.share(rate.value),
                            composer.interval(rate.low, rate.high, percent: true),
                        ]
                    }
            }
            return [
                composer.table(id: "cohorts", caption: l.text("cohorts.caption"), columns: columns, rows: cells),
                .paragraph(l.text("cohorts.note")),
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let outcomes = CohortOutcomes(
            snapshot: e.snapshot, members: e.cohort, to: e.period.to, configuration: e.configuration, byQuarter: byQuarter)
        let rows = outcomes.rows.map { row -> Figures.Row in
            let key = "cohorts/\(row.cohort)/"
            let enrolled = ledger.count(key + "enrolled", row.enrolled)
            var rates: [ReleasedRate] = []
            for (months, rate) in zip(CohortOutcomes.horizons, [row.in6, row.in12]) {
                let prefix = key + "\(months)m/"
                // In work + not in work = observed; observed + not yet observable = enrolled.
                _ = ledger.count(prefix + "not_in_work", rate.denominator - rate.numerator, population: rate.denominator)
                _ = ledger.count(prefix + "not_observable", row.enrolled - rate.denominator, population: row.enrolled)
                let released = ledger.rate(rate, numerator: prefix + "in_work", denominator: prefix + "observed")
                ledger.partition([prefix + "in_work", prefix + "not_in_work"], total: prefix + "observed")
                ledger.partition([prefix + "observed", prefix + "not_observable"], total: key + "enrolled")
                rates.append(released)
            }
            return Figures.Row(cohort: row.cohort, enrolled: enrolled, rates: rates)
        }
        // The cohorts partition everyone enrolled by the period's end.
        ledger.partition(outcomes.rows.map { "cohorts/\($0.cohort)/enrolled" }, total: "cohort")
        return Figures(rows: rows, byQuarter: byQuarter)
    }
}
