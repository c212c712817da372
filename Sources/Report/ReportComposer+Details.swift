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
                    caption: l.t(
                        "Individual services delivered in the period (participants enrolled by the period end)",
                        "Servizi individuali erogati nel periodo (partecipanti iscritti entro la fine del periodo)"),
                    columns: [
                        Column(l.t("Service", "Servizio"), key: "service"),
                        Column(l.t("Participants", "Partecipanti"), key: "participants", .number),
                        Column(l.t("Sessions", "Sessioni"), key: "sessions", .number), Column(l.t("Hours", "Ore"), key: "hours", .number),
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
                    caption: l.t(
                        "Participants enrolled in the period, by attribute (every value recorded in the programme)",
                        "Partecipanti iscritti nel periodo, per caratteristica (ogni valore registrato nel programma)"),
                    columns: [
                        Column(l.t("Attribute", "Caratteristica"), key: "attribute"), Column(l.t("Level", "Valore"), key: "level"),
                        Column(l.t("People", "Persone"), key: "n", .number), Column(l.t("Of", "Su"), key: "denominator", .number),
                        Column(l.t("Share", "Quota"), key: "share", .rate),
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
                l.t("not reached (fewer than half found work)", "non raggiunto (meno della metà ha trovato lavoro)"),
                csv: .text(Disclosure.notComputableCSVMarker))
        } else {
            median = number(inMonths(t.medianDays), digits: 1)
        }
        let monthsUnit = Cell.text(l.t("months", "mesi"))
        let shareUnit = Cell.text(l.t("share", "quota"))
        var rows: [[Cell]] = [
            [
                .text(
                    l.t(
                        "Median time from enrolment to first job (Kaplan–Meier)",
                        "Tempo mediano dall'iscrizione al primo lavoro (Kaplan–Meier)")),
                monthsUnit, median, interval(inMonths(t.medianLow), inMonths(t.medianHigh)),
            ]
        ]
        for months in t.employedBy.keys.sorted() {
            let e = t.employedBy[months] ?? ReleasedEstimate(value: .notComputable, low: .notComputable, high: .notComputable)
            rows.append([
                .text(
                    l.t(
                        "Employed within \(months) months of enrolment (Kaplan–Meier)",
                        "Occupati entro \(months) mesi dall'iscrizione (Kaplan–Meier)")),
                shareUnit, share(e.value), interval(e.low, e.high, percent: true),
            ])
        }
        let m = t.monthsGroupEndToJob
        let none = Cell("–", values: [.empty, .empty])
        for (label, value) in [
            (l.t("shortest", "minimo"), m.min), (l.t("median", "mediana"), m.median), (l.t("longest", "massimo"), m.max),
        ] {
            rows.append([
                .text(
                    l.t(
                        "Months from group end to job, \(label) (people of ended groups who found work after the end: \(inline(m.n)))",
                        "Mesi dalla fine del gruppo al lavoro, \(label) (persone di gruppi conclusi che hanno trovato lavoro dopo la fine: \(inline(m.n)))"
                    )),
                monthsUnit, number(value, digits: 1), none,
            ])
        }
        return [
            table(
                id: "time_to_job",
                caption: l.t(
                    "Time to first job, censored at the end of each person's observation (months of 30.4375 days). The Kaplan–Meier shares allow for people still being followed, so they can be higher than the crude share re-employed above.",
                    "Tempo al primo lavoro, censurato alla fine dell'osservazione di ciascuno (mesi di 30,4375 giorni). Le quote di Kaplan–Meier tengono conto di chi è ancora osservato, per questo possono superare la quota grezza di inseriti indicata sopra."
                ),
                columns: [
                    Column(l.t("Indicator", "Indicatore"), key: "indicator"), Column(l.t("Unit", "Unità"), key: "unit"),
                    Column(l.t("Value", "Valore"), key: "value", .number), .interval(l.t("95% CI", "IC 95%")),
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
                caption: l.t(
                    "Retention curve: share still attending after each meeting (Kaplan–Meier over meeting number; groups still running censored at their last meeting held)",
                    "Curva di permanenza: quota ancora presente dopo ogni incontro (Kaplan–Meier sul numero dell'incontro; gruppi in corso censurati all'ultimo incontro svolto)"
                ),
                columns: [
                    Column(l.t("Meeting", "Incontro"), key: "meeting", .number),
                    Column(l.t("Still attending before it", "Ancora presenti prima"), key: "at_risk", .number),
                    Column(l.t("Share still attending after it", "Quota presente dopo"), key: "still_attending", .rate),
                    .interval(l.t("95% CI", "IC 95%"), rate: true),
                ],
                rows: rows)
        ] + curveCoarseningNote
    }

    /// Under disclosure control, how the published Kaplan–Meier curves were coarsened (DESIGN §9).
    var curveCoarseningNote: [ReportDocument.Block] {
        guard policy.isApplied else { return [] }
        let l = language
        let t = policy.threshold
        let b = policy.curveRoundingBase
        return [
            .paragraph(
                l.t(
                    "To protect individuals, the curves are drawn from pooled counts: each step stands for at least \(t) people, and the numbers still attending are rounded to multiples of \(b).",
                    "Per tutelare le persone, le curve sono calcolate su conteggi aggregati: ogni gradino rappresenta almeno \(t) persone e il numero di chi è ancora presente è arrotondato a multipli di \(b)."
                ))
        ]
    }

    var costSection: [ReportDocument.Block] {
        let l = language
        guard let c = release.cost else { return [] }
        let money = { (x: Released<Double>) -> Cell in
            if let m = self.marker(x) { return m }
            guard let v = x.shown else { return Cell("–", csv: .empty) }
            return Cell("\(l.number(v, digits: 0)) \(c.currency)", csv: .number(v, digits: 2))
        }
        return [
            .heading(level: 2, text: l.t("Cost per outcome", "Costo per esito")),
            table(
                id: "cost",
                caption: c.declared
                    ? l.t(
                        "Declared budget \(l.number(c.total, digits: 0)) \(c.currency)",
                        "Budget dichiarato \(l.number(c.total, digits: 0)) \(c.currency)")
                    : l.t(
                        "Service amounts spent on the participants enrolled by \(l.date(release.period.to)), up to that date (no budget declared, so only service amounts are counted): \(l.number(c.total, digits: 0)) \(c.currency)",
                        "Importi dei servizi erogati alle persone iscritte entro il \(l.date(release.period.to)), fino a quella data (nessun budget dichiarato: si contano solo gli importi dei servizi): \(l.number(c.total, digits: 0)) \(c.currency)"
                    ),
                columns: [
                    Column(l.t("Per", "Per"), key: "per"), Column(l.t("Denominator", "Denominatore"), key: "denominator", .number),
                    Column(l.t("Cost (\(c.currency))", "Costo (\(c.currency))"), key: "cost", .number),
                ],
                rows: [
                    [.text(l.t("participant enrolled", "iscritto")), count(c.enrolled), money(c.perEnrolled)],
                    [.text(l.t("retained participant", "partecipante con frequenza regolare")), count(c.retained), money(c.perRetained)],
                    [.text(l.t("re-employed participant", "partecipante inserito")), count(c.reemployed), money(c.perReemployed)],
                ]),
        ]
    }
}
