import EvaluationDomain
import Indicators
import Store

/// The data cut-off (METHODS §9 *Data cut-off*): the latest date recorded in
/// sessions (and so attendance), questionnaires, services and job events — not a
/// job's `end_date`, which may lie in the future. A funder reads on page 1 how far
/// the records go ("records up to 30 September 2016"); `summary.json` `cutoff`.
struct DataCutoffUnit: ReportUnit {
    struct Figures: ReleasedUnit {
        var cutoff: CalendarDate?
        var periodEnd: CalendarDate

        var key: String { "cutoff" }
        var json: JSONValue { cutoff.map { .string($0.iso8601) } ?? .null }
        var placement: ReportUnitPlacement { .opening }

        func blocks(_ composer: ReportComposer) -> [ReportDocument.Block] {
            let l = composer.language
            guard let cutoff else { return [.paragraph(l.text("cutoff.none"))] }
            let key = cutoff < periodEnd ? "cutoff.before_period_end" : "cutoff.records_up_to"
            return [.paragraph(l.text(key, l.date(cutoff), l.date(periodEnd)))]
        }
    }

    func release(_ evaluation: ProgrammeEvaluation, after released: ReleasedEvaluation, _ ledger: inout DisclosureLedger)
        -> any ReleasedUnit
    {
        Figures(cutoff: evaluation.snapshot.cutoff, periodEnd: evaluation.period.to)
    }
}
