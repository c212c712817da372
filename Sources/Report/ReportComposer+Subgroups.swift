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
                .text(words.level(item.level, of: subgroups.attribute)), count(e.cohort),
                count(retention.numerator), count(retention.denominator), share(retention.value),
                interval(retention.low, retention.high, percent: true),
                count(work.numerator), share(work.value), interval(work.low, work.high, percent: true),
            ]
        }
        return [
            .heading(level: 2, text: l.t("By \(words.attribute(subgroups.attribute))", "Per \(words.attribute(subgroups.attribute))")),
            table(
                id: "by_\(Self.fileSafe(subgroups.attribute))",
                caption: l.t(
                    "Outcomes by \(words.attribute(subgroups.attribute)) (participants enrolled by the period end; every value recorded in the programme)",
                    "Esiti per \(words.attribute(subgroups.attribute)) (iscritti entro la fine del periodo; ogni valore registrato nel programma)"
                ),
                columns: [
                    Column(l.t("Level", "Valore"), key: "level"), Column(l.t("Enrolled", "Iscritti"), key: "enrolled", .number),
                    Column(l.t("Retained", "Con frequenza regolare"), key: "retained", .number),
                    Column(l.t("With a meeting held", "Con almeno un incontro svolto"), key: "retention_denominator", .number),
                    Column(l.t("Retention", "Permanenza"), key: "retention_rate", .rate),
                    .interval(l.t("95% CI", "IC 95%"), prefix: "retention_", rate: true),
                    Column(l.t("Re-employed", "Inseriti"), key: "reemployed", .number),
                    Column(l.t("Re-employment", "Inserimento"), key: "reemployment_rate", .rate),
                    .interval(l.t("95% CI", "IC 95%"), prefix: "reemployment_", rate: true),
                ],
                rows: rows),
        ]
    }

    /// A table id from an attribute name (`service:support_pact` → `service_support_pact`).
    static func fileSafe(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
