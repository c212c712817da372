import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    var subgroupSection: [ReportDocument.Block] {
        guard let subgroups = release.subgroups else { return [] }
        let l = language
        let rows: [[Cell]] = subgroups.levels.map { item in
            let e = item.evaluation
            let retention = e.retention.rate
            let work = e.reemployment.rate
            return [
                .text(item.level), count(e.cohort),
                count(retention.numerator), count(retention.denominator), share(retention.value),
                count(work.numerator), count(work.denominator), share(work.value), interval(work.low, work.high, percent: true),
            ]
        }
        return [
            .heading(level: 2, text: l.t("By \(subgroups.attribute)", "Per \(subgroups.attribute)")),
            table(
                id: "by_\(Self.fileSafe(subgroups.attribute))",
                caption: l.t(
                    "Outcomes by \(subgroups.attribute) (participants enrolled by the period end; every value recorded in the programme)",
                    "Esiti per \(subgroups.attribute) (iscritti entro la fine del periodo; ogni valore registrato nel programma)"),
                columns: [
                    l.t("Level", "Valore"), l.t("Enrolled", "Iscritti"), l.t("Retained", "Trattenuti"), l.t("Of", "Su"),
                    l.t("Retention", "Permanenza"), l.t("Re-employed", "Inseriti"), l.t("Of", "Su"),
                    l.t("Re-employment", "Inserimento"), l.t("95% CI", "IC 95%"),
                ],
                rows: rows, numeric: [1, 2, 3, 4, 5, 6, 7]),
        ]
    }

    /// A table id from an attribute name (`service:support_pact` → `service_support_pact`).
    static func fileSafe(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
