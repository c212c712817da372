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
        ] + subgroupWellbeing(subgroups)
    }

    /// Wellbeing change by level: every instrument and wave, the people with
    /// both questionnaires, the mean change and its interval.
    func subgroupWellbeing(_ subgroups: ReleasedSubgroups) -> [ReportDocument.Block] {
        let l = language
        let rows: [[Cell]] = subgroups.levels.flatMap { item in
            item.evaluation.wellbeing.map { w in
                [.text(words.level(item.level, of: subgroups.attribute)), .text(w.instrument.id), .text(words.wave(w.wave))]
                    + changeCells(w)
            }
        }
        guard !rows.isEmpty else { return [] }
        return [
            table(
                id: "by_\(Self.fileSafe(subgroups.attribute))_wellbeing",
                caption: l.t(
                    "Wellbeing change by \(words.attribute(subgroups.attribute)) (people with both questionnaires)",
                    "Cambiamento nel benessere per \(words.attribute(subgroups.attribute)) (persone con entrambi i questionari)"),
                columns: [
                    Column(l.t("Level", "Valore"), key: "level"), Column(l.t("Instrument", "Strumento"), key: "instrument"),
                    Column(l.t("Questionnaire", "Rilevazione"), key: "wave"),
                ] + changeColumns,
                rows: rows)
        ]
    }

    /// "Trend by quarter" (DESIGN §6): the cohort enrolled by each quarter's
    /// end, retained and re-employed as observed then, and the quarter's activity.
    var trendSection: [ReportDocument.Block] {
        guard !release.trend.isEmpty else { return [] }
        let l = language
        let rows: [[Cell]] = release.trend.map { q in
            [
                .text(l.period(Period(label: q.period.label, from: q.period.from, to: q.period.to))),
                Cell(q.period.to.iso8601, csv: .date(q.period.to)), count(q.cohort),
                count(q.retention.numerator), share(q.retention.value), interval(q.retention.low, q.retention.high, percent: true),
                count(q.reemployment.numerator), share(q.reemployment.value),
                interval(q.reemployment.low, q.reemployment.high, percent: true),
                Cell(l.count(q.meetingsHeld), csv: .integer(q.meetingsHeld)), count(q.attendedOnce),
            ]
        }
        return [
            .heading(level: 2, text: l.t("Trend by quarter", "Andamento per trimestre")),
            table(
                id: "trend",
                caption: l.t(
                    "At each quarter's end: everyone enrolled by then, retained and re-employed as observed at that date; meetings and attendance within the quarter",
                    "Alla fine di ogni trimestre: tutti gli iscritti fino ad allora, con frequenza regolare e con lavoro come osservati a quella data; incontri e presenze nel trimestre"
                ),
                columns: [
                    Column(l.t("Quarter", "Trimestre"), key: "period"), Column(l.t("Up to", "Fino al"), key: "to"),
                    Column(l.t("Enrolled by then", "Iscritti fino ad allora"), key: "enrolled", .number),
                    Column(l.t("Retained", "Con frequenza regolare"), key: "retained", .number),
                    Column(l.t("Retention", "Frequenza regolare"), key: "retention_rate", .rate),
                    .interval(l.t("95% CI", "IC 95%"), prefix: "retention_", rate: true),
                    Column(l.t("Re-employed", "Con lavoro"), key: "employed", .number),
                    Column(l.t("Re-employment", "Inserimento"), key: "reemployment_rate", .rate),
                    .interval(l.t("95% CI", "IC 95%"), prefix: "reemployment_", rate: true),
                    Column(l.t("Meetings held", "Incontri svolti"), key: "meetings_held", .number),
                    Column(l.t("Attending", "Presenti"), key: "attended_once", .number),
                ],
                rows: rows),
        ]
    }

    /// A table id from an attribute name (`service:support_pact` → `service_support_pact`).
    static func fileSafe(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
