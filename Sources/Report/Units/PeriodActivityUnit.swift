import EvaluationDomain
import Indicators
import Ingest
import Store

/// What happened in the period itself (METHODS §9 *Period and cohort*), beside the
/// cohort figures that cover everyone since the start: people enrolled, people
/// attending at least one meeting, meetings held, people whose first job after
/// enrolment started in the period, and the spend dated in it. `summary.json`
/// `period_activity`.
struct PeriodActivityUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var enrolled: Released<Int>
        var attendedOnce: Released<Int>
        var meetingsHeld: Int
        var firstJobs: Released<Int>
        /// Service amounts dated in the period (`nil` with a declared budget, which is not divided by period).
        var spend: Released<Double>
        var currency: String
        var period: Period

        var key: String { "period_activity" }
        var placement: ReportUnitPlacement { .afterKeyFigures }
        var json: JSONValue {
            .object([
                ("from", .string(period.from.iso8601)), ("to", .string(period.to.iso8601)),
                ("enrolled", .of(enrolled)), ("attended_once", .of(attendedOnce)), ("meetings_held", .int(meetingsHeld)),
                ("first_jobs", .of(firstJobs)), ("spend", .of(spend)), ("currency", .string(currency)),
            ])
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let money: Cell = {
                if let m = composer.marker(spend) { return m }
                guard let v = spend.shown else { return Cell("–", csv: .empty) }
                return Cell("\(l.number(v, digits: 0)) \(currency)", csv: .number(v, digits: 2))
            }()
            let rows: [[Cell]] = [
                [.text(l.text("period_activity.enrolled")), composer.count(enrolled)],
                [.text(l.text("period_activity.attended_once")), composer.count(attendedOnce)],
                [.text(l.text("period_activity.meetings_held")), Cell(l.count(meetingsHeld), csv: .integer(meetingsHeld))],
                [.text(l.text("period_activity.first_jobs")), composer.count(firstJobs)],
                [.text(l.text("period_activity.spend")), money],
            ]
            return [
                composer.table(
                    id: "period_activity", caption: l.text("period_activity.caption", l.period(period)),
                    columns: [
                        Column(l.text("period_activity.indicator"), key: "indicator"),
                        Column(l.text("period_activity.value"), key: "value", .number),
                    ],
                    rows: rows)
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let period = e.period
        // People of the cohort whose first counted job (on or after enrolment, by their
        // observation end) started in the period.
        let firstJobs = e.reemployment.people.filter { $0.firstEvent.map(period.contains) ?? false }.count
        // The period's part of the service amounts counted by the cost (none with a budget).
        let spend = e.cost?.inPeriod
        return Figures(
            enrolled: ledger.count("reach.enrolled", e.reach.enrolled),
            attendedOnce: ledger.count("reach.attended_once", e.reach.attendedOnce),
            meetingsHeld: e.reach.meetingsHeld,
            firstJobs: ledger.count("reach.first_jobs", firstJobs),
            spend: spend.map { $0.people > 0 ? ledger.statistic($0.amount, population: $0.people) : .notComputable } ?? .notComputable,
            currency: e.configuration.currency, period: period)
    }
}
