import EvaluationDomain
import Indicators
import Ingest
import Store

/// The key figures in two columns (METHODS §9 *Period and cohort*): what happened
/// *in the period* (people enrolled, people attending at least one meeting, meetings
/// held, people whose first job after enrolling started in it, the spend dated in
/// it), beside the same period a year earlier when the records reach back that far,
/// and the same figures *since the start* for everyone enrolled by the period's end.
/// `summary.json` `period_activity` (with `year_earlier`) and `cohort`.
struct KeyFigureColumnsUnit: ReportUnit {
    /// One column's figures.
    struct Column: Sendable {
        var from: CalendarDate?
        var to: CalendarDate
        var enrolled: Released<Int>
        var attendedOnce: Released<Int>
        var meetingsHeld: Int
        var firstJobs: Released<Int>
        /// Service amounts dated in the column's span (the budget since the start, when declared).
        var spend: Released<Double>

        func json(currency: String) -> JSONValue {
            .object([
                ("from", from.map { .string($0.iso8601) } ?? .null), ("to", .string(to.iso8601)),
                ("enrolled", .of(enrolled)), ("attended_once", .of(attendedOnce)), ("meetings_held", .int(meetingsHeld)),
                ("first_jobs", .of(firstJobs)), ("spend", .of(spend)), ("currency", .string(currency)),
            ])
        }
    }

    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell

        var period: Period
        var inPeriod: Column
        var yearEarlier: (period: Period, figures: Column)?
        var sinceStart: Column
        var retained: Released<Int>
        var currency: String

        var key: String { "period_activity" }
        var placement: ReportUnitPlacement { .keyFigures }
        var json: JSONValue {
            guard case .object(var fields) = inPeriod.json(currency: currency) else { return .null }
            fields.append(("year_earlier", yearEarlier.map { $0.figures.json(currency: currency) } ?? .null))
            return .object(fields)
        }
        var entries: [(String, JSONValue)] {
            guard case .object(var fields) = sinceStart.json(currency: currency) else { return [(key, json)] }
            fields.insert(("retained", .of(retained)), at: 6)
            return [(key, json), ("cohort", .object(fields))]
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            let money = { (r: Released<Double>) in composer.money(r, currency: currency) }
            let columns = [inPeriod] + (yearEarlier.map { [$0.figures] } ?? []) + [sinceStart]
            let meetings = { (n: Int) in Cell(l.count(n), csv: .integer(n)) }
            let rows: [[Cell]] = [
                [.text(l.text("key_columns.enrolled"))] + columns.map { composer.count($0.enrolled) },
                [.text(l.text("key_columns.attended_once"))] + columns.map { composer.count($0.attendedOnce) },
                [.text(l.text("key_columns.meetings_held"))] + columns.map { meetings($0.meetingsHeld) },
                [.text(l.text("key_columns.first_jobs"))] + columns.map { composer.count($0.firstJobs) },
                [.text(l.text(composer.configuration.budget > 0 ? "key_columns.spend_budget" : "key_columns.spend"))]
                    + columns.map { money($0.spend) },
            ]
            var header = [ReportTable.Column(l.text("key_columns.figure"), key: "figure")]
            header.append(.init(l.text("key_columns.in_period", l.period(period)), key: "in_period", .number))
            if let (earlier, _) = yearEarlier {
                header.append(.init(l.text("key_columns.year_earlier", l.period(earlier)), key: "year_earlier", .number))
            }
            let start = sinceStart.from.map(l.date) ?? "–"
            header.append(.init(l.text("key_columns.since_start", start, l.date(sinceStart.to)), key: "since_start", .number))
            return [
                composer.table(
                    id: "key_figures", caption: l.text("key_columns.caption", l.period(period)), columns: header, rows: rows)
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let period = e.period
        func firstJobs(_ p: Period) -> Int { e.reemployment.people.filter { $0.firstEvent.map(p.contains) ?? false }.count }
        func serviceSpend(_ p: Period) -> Released<Double> {
            guard let spend = (p == period ? e.cost : Self.cost(e, p))?.inPeriod else { return .notComputable }
            return spend.people > 0 ? ledger.statistic(spend.amount, population: spend.people) : .value(0)
        }
        let inPeriod = Column(
            from: period.from, to: period.to, enrolled: ledger.count("reach.enrolled", e.reach.enrolled),
            attendedOnce: ledger.count("reach.attended_once", e.reach.attendedOnce), meetingsHeld: e.reach.meetingsHeld,
            firstJobs: ledger.count("reach.first_jobs", firstJobs(period)), spend: serviceSpend(period))

        let start = e.snapshot.earliestDate
        let span = start.flatMap { Period.between($0, period.to) } ?? period
        let everything = Reach(snapshot: e.snapshot, period: span)
        let sinceStart = Column(
            from: start, to: period.to, enrolled: ledger.count("cohort", e.cohort.count),
            attendedOnce: ledger.count("since_start/reach.attended_once", everything.attendedOnce),
            meetingsHeld: everything.meetingsHeld, firstJobs: ledger.count("reemployment.employed", e.reemployment.rate.numerator),
            spend: e.cost.map { .value($0.total) } ?? .notComputable)
        // The period's people are part of everyone since the start: the rest, never shown, must not be small.
        let pairs = [
            ("reach.enrolled", "cohort", e.cohort.count - e.reach.enrolled),
            ("reach.attended_once", "since_start/reach.attended_once", everything.attendedOnce - e.reach.attendedOnce),
            ("reach.first_jobs", "reemployment.employed", e.reemployment.rate.numerator - firstJobs(period)),
        ]
        for (part, total, rest) in pairs where rest >= 0 {
            _ = ledger.count("before_period/" + part, rest)
            ledger.partition([part, "before_period/" + part], total: total)
        }

        var yearEarlier: (Period, Column)?
        let earlier = period.yearEarlier
        if let start, start <= earlier.from {
            let reach = Reach(snapshot: e.snapshot, period: earlier)
            yearEarlier = (
                earlier,
                Column(
                    from: earlier.from, to: earlier.to, enrolled: ledger.count("year_earlier/reach.enrolled", reach.enrolled),
                    attendedOnce: ledger.count("year_earlier/reach.attended_once", reach.attendedOnce),
                    meetingsHeld: reach.meetingsHeld, firstJobs: ledger.count("year_earlier/reach.first_jobs", firstJobs(earlier)),
                    spend: serviceSpend(earlier))
            )
        }
        return Figures(
            period: period, inPeriod: inPeriod, yearEarlier: yearEarlier, sinceStart: sinceStart,
            retained: ledger.count("retention.retained", e.retention.rate.numerator), currency: e.configuration.currency)
    }

    /// The service amounts dated in another period (none with a budget).
    static func cost(_ e: ProgrammeEvaluation, _ p: Period) -> Cost? {
        Cost(snapshot: e.snapshot, period: p, configuration: e.configuration, enrolled: 0, retained: 0, reemployed: 0)
    }
}
