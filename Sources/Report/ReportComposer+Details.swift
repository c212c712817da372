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
                [.text(s.service), count(s.participants), count(s.sessions), number(s.hours, digits: 1)]
            }
            blocks.append(
                table(
                    id: "services",
                    caption: l.t(
                        "Individual services delivered in the period (participants enrolled by the period end)",
                        "Servizi individuali erogati nel periodo (partecipanti iscritti entro la fine del periodo)"),
                    columns: [
                        l.t("Service", "Servizio"), l.t("Participants", "Partecipanti"), l.t("Sessions", "Sessioni"),
                        l.t("Hours", "Ore"),
                    ],
                    rows: rows, numeric: [1, 2, 3]))
        }
        if !release.makeUp.isEmpty {
            let rows: [[Cell]] = release.makeUp.map { row in
                [.text(row.attribute), .text(row.level), count(row.n), count(row.denominator), share(row.share)]
            }
            blocks.append(
                table(
                    id: "participants_by_attribute",
                    caption: l.t(
                        "Participants enrolled in the period, by attribute (every value recorded in the programme)",
                        "Partecipanti iscritti nel periodo, per caratteristica (ogni valore registrato nel programma)"),
                    columns: [l.t("Attribute", "Caratteristica"), l.t("Level", "Valore"), "n", l.t("Of", "Su"), l.t("Share", "Quota")],
                    rows: rows, numeric: [2, 3, 4]))
        }
        return blocks
    }

    var timeToJobSection: [ReportDocument.Block] {
        let l = language
        let t = release.timeToJob
        let median: Cell
        if case .notComputable = t.medianDays {
            median = Cell(l.t("not reached", "non raggiunta"), csv: .text(Disclosure.notComputableCSVMarker))
        } else {
            median = number(t.medianDays, digits: 0)
        }
        var rows: [[Cell]] = [
            [
                .text(
                    l.t(
                        "Median days from enrolment to first job (Kaplan–Meier)",
                        "Giorni mediani dall'iscrizione al primo lavoro (Kaplan–Meier)")),
                median, interval(t.medianLow, t.medianHigh),
            ]
        ]
        for months in t.employedBy.keys.sorted() {
            rows.append([
                .text(l.t("Employed by \(months) months", "Occupati entro \(months) mesi")),
                share(t.employedBy[months] ?? .notComputable), .text(""),
            ])
        }
        let m = t.monthsGroupEndToJob
        let range: Cell
        if let lo = m.min.shown, let hi = m.max.shown, let mid = m.median.shown {
            range = .text(
                l.t(
                    "\(l.number(lo, digits: 1)) to \(l.number(hi, digits: 1)) months (median \(l.number(mid, digits: 1)))",
                    "da \(l.number(lo, digits: 1)) a \(l.number(hi, digits: 1)) mesi (mediana \(l.number(mid, digits: 1)))"))
        } else {
            range = number(m.median)
        }
        rows.append([
            .text(
                l.t(
                    "Months from group end to job (people of ended groups employed after the end: \(inline(m.n)))",
                    "Mesi dalla fine del gruppo al lavoro (persone di gruppi conclusi occupate dopo la fine: \(inline(m.n)))")),
            range, .text(""),
        ])
        return [
            table(
                id: "time_to_job",
                caption: l.t(
                    "Time to first job, censored at the end of each person's observation (months of 30.4375 days)",
                    "Tempo al primo lavoro, censurato alla fine dell'osservazione di ciascuno (mesi di 30,4375 giorni)"),
                columns: [l.t("Indicator", "Indicatore"), l.t("Value", "Valore"), l.t("95% CI", "IC 95%")],
                rows: rows, numeric: [1])
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
                    l.t("Meeting", "Incontro"), l.t("Still attending before it", "Ancora presenti prima"),
                    l.t("Share still attending after it", "Quota presente dopo"), l.t("95% CI", "IC 95%"),
                ],
                rows: rows, numeric: [0, 1, 2])
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
                        "Sum of service amounts in the period: \(l.number(c.total, digits: 0)) \(c.currency)",
                        "Somma degli importi dei servizi nel periodo: \(l.number(c.total, digits: 0)) \(c.currency)"),
                columns: [l.t("Per", "Per"), l.t("Denominator", "Denominatore"), l.t("Cost", "Costo")],
                rows: [
                    [.text(l.t("participant enrolled", "iscritto")), count(c.enrolled), money(c.perEnrolled)],
                    [.text(l.t("retained participant", "partecipante trattenuto")), count(c.retained), money(c.perRetained)],
                    [.text(l.t("re-employed participant", "partecipante inserito")), count(c.reemployed), money(c.perReemployed)],
                ], numeric: [1, 2]),
        ]
    }
}
