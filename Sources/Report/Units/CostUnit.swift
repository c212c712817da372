import EvaluationDomain
import Indicators
import Ingest

/// Spend per person (METHODS §9 *Cost per outcome*): the budget, or the service amounts
/// recorded since the start, over everyone enrolled by the period's end, divided by the
/// people enrolled, retained and re-employed; each service's amounts and the period's
/// own spend beside it. Its section comes after the wellbeing; the key figures and the
/// targets read the released figures. `summary.json` `cost`.
struct CostUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        typealias Cell = ReportTable.Cell
        typealias Column = ReportTable.Column

        var cost: ReleasedCost?

        var key: String { "cost" }
        var placement: ReportUnitPlacement { .afterWellbeing }
        var json: JSONValue {
            guard let c = cost else { return .null }
            return .object([
                ("currency", .string(c.currency)), ("total", .number(c.total)),
                ("per_enrolled", .of(c.perEnrolled)), ("per_retained", .of(c.perRetained)), ("per_reemployed", .of(c.perReemployed)),
                ("basis", .string(c.declared ? "budget" : "service_amounts")),
            ])
        }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            guard let c = cost else { return [] }
            let money = { (x: Released<Double>) in composer.money(x, currency: c.currency) }
            return [
                .heading(level: 2, text: l.text("report.details.cost_per_outcome")),
                composer.table(
                    id: "cost",
                    caption: c.declared
                        ? l.text("report.details.declared_budget", l.number(c.total, digits: 0), c.currency)
                        : l.text(
                            "report.details.service_amounts_spent_on_the_participants", l.date(composer.release.period.to),
                            l.number(c.total, digits: 0),
                            c.currency),
                    columns: [
                        Column(l.text("report.details.per"), key: "per"),
                        Column(l.text("report.details.denominator"), key: "denominator", .number),
                        Column(l.text("report.details.cost", c.currency), key: "cost", .number),
                    ],
                    rows: [
                        [.text(l.text("report.details.participant_enrolled")), composer.count(c.enrolled), money(c.perEnrolled)],
                        [.text(l.text("report.details.retained_participant")), composer.count(c.retained), money(c.perRetained)],
                        [.text(l.text("report.details.re_employed_participant")), composer.count(c.reemployed), money(c.perReemployed)],
                    ]),
            ]
        }
    }

    func release(_ e: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger) -> any ReleasedUnit {
        let cost = e.cost.map { c in
            ReleasedCost(
                currency: c.currency, total: c.total, declared: c.declared,
                enrolled: ledger.count("cohort", c.enrolled), retained: ledger.count("retention.retained", c.retained),
                reemployed: ledger.count("reemployment.employed", c.reemployed),
                perEnrolled: Self.perPerson(c.total, c.perEnrolled, c.enrolled, "cohort", ledger),
                perRetained: Self.perPerson(c.total, c.perRetained, c.retained, "retention.retained", ledger),
                perReemployed: Self.perPerson(c.total, c.perReemployed, c.reemployed, "reemployment.employed", ledger),
                byService: c.byService.map { ($0.service, ledger.statistic($0.amount, population: $0.people)) },
                inPeriod: c.inPeriod.map { $0.people > 0 ? ledger.statistic($0.amount, population: $0.people) : .value(0) }
                    ?? .notComputable)
        }
        return Figures(cost: cost)
    }

    /// A cost per person: the total over the people as published (rounded when counts are).
    static func perPerson(_ total: Double, _ ratio: Double?, _ people: Int, _ key: String, _ ledger: DisclosureLedger)
        -> Released<Double>
    {
        guard ledger.policy.roundingBase > 1 else { return ledger.statistic(ratio, population: people, uses: [key]) }
        return ledger.derived(uses: [key], population: people) { $0[0] > 0 ? total / Double($0[0]) : nil }
    }
}
