extension ReportComposer {
    var servicesAndMakeUpSection: [ReportDocument.Block] {
        let l = language
        let e = evaluation
        var blocks: [ReportDocument.Block] = []
        if !e.services.isEmpty {
            let rows: [[Cell]] = e.services.map { s in
                [.text(s.service), count(s.participants), count(s.sessions), number(s.hours, people: s.participants, digits: 1)]
            }
            blocks.append(
                .table(
                    ReportTable(
                        id: "services",
                        caption: l.t(
                            "Individual services delivered in the period (participants enrolled by the period end)",
                            "Servizi individuali erogati nel periodo (partecipanti iscritti entro la fine del periodo)"),
                        columns: [
                            l.t("Service", "Servizio"), l.t("Participants", "Partecipanti"), l.t("Sessions", "Sessioni"),
                            l.t("Hours", "Ore"),
                        ],
                        rows: rows, numeric: [1, 2, 3])))
        }
        if !e.makeUp.isEmpty {
            var rows: [[Cell]] = []
            var start = 0
            while start < e.makeUp.count {
                var end = start
                while end < e.makeUp.count && e.makeUp[end].attribute == e.makeUp[start].attribute { end += 1 }
                let block = Array(e.makeUp[start..<end])
                for (row, n) in zip(block, disclosure.partition(block.map(\.n))) {
                    let share: Cell =
                        n == nil ? Cell(suppressedMark, csv: .text(suppressedMark)) : self.share(row.share, people: row.denominator)
                    rows.append([.text(row.attribute), .text(row.level), shown(n), count(row.denominator), share])
                }
                start = end
            }
            blocks.append(
                .table(
                    ReportTable(
                        id: "participants_by_attribute",
                        caption: l.t(
                            "Participants enrolled in the period, by attribute", "Partecipanti iscritti nel periodo, per caratteristica"),
                        columns: [l.t("Attribute", "Caratteristica"), l.t("Level", "Valore"), "n", l.t("Of", "Su"), l.t("Share", "Quota")],
                        rows: rows, numeric: [2, 3, 4])))
        }
        return blocks
    }

    var timeToJobSection: [ReportDocument.Block] {
        let l = language
        let e = evaluation
        let people = e.reemployment.people.count
        let median = e.timeToJob.median
        var rows: [[Cell]] = [
            [
                .text(
                    l.t(
                        "Median days from enrolment to first job (Kaplan–Meier)",
                        "Giorni mediani dall'iscrizione al primo lavoro (Kaplan–Meier)")),
                median?.estimate == nil && people >= max(disclosure.threshold, 1)
                    ? Cell(l.t("not reached", "non raggiunta"), csv: .text("not reached"))
                    : number(median?.estimate, people: people, digits: 0),
                interval(
                    median.flatMap { m in
                        m.lower.flatMap { lo in m.upper.map { ConfidenceInterval(lower: lo, upper: $0, level: 0.95) } }
                    }, people: people),
            ]
        ]
        for item in e.timeToJob.employedBy {
            rows.append([
                .text(l.t("Employed by \(item.months) months", "Occupati entro \(item.months) mesi")),
                share(item.share, people: people), .text(""),
            ])
        }
        let months = e.monthsGroupEndToJob
        let range: String
        if let lo = disclosure.statistic(months.min, people: months.n), let hi = disclosure.statistic(months.max, people: months.n),
            let mid = months.median
        {
            range = l.t(
                "\(l.number(lo, digits: 1)) to \(l.number(hi, digits: 1)) months (median \(l.number(mid, digits: 1)))",
                "da \(l.number(lo, digits: 1)) a \(l.number(hi, digits: 1)) mesi (mediana \(l.number(mid, digits: 1)))")
        } else {
            range = months.n == 0 ? "–" : suppressedMark
        }
        rows.append([
            .text(
                l.t(
                    "Months from group end to job (people of ended groups employed after the end: \(count(months.n).display))",
                    "Mesi dalla fine del gruppo al lavoro (persone di gruppi conclusi occupate dopo la fine: \(count(months.n).display))")),
            .text(range), .text(""),
        ])
        return [
            .table(
                ReportTable(
                    id: "time_to_job",
                    caption: l.t(
                        "Time to first job, censored at the end of each person's observation (months of 30.4375 days)",
                        "Tempo al primo lavoro, censurato alla fine dell'osservazione di ciascuno (mesi di 30,4375 giorni)"),
                    columns: [l.t("Indicator", "Indicatore"), l.t("Value", "Valore"), l.t("95% CI", "IC 95%")],
                    rows: rows, numeric: [1]))
        ]
    }

    var retentionCurveSection: [ReportDocument.Block] {
        let l = language
        guard let fit = evaluation.retentionCurve.fit else { return [] }
        let n = fit.count
        let rows: [[Cell]] = fit.time.indices.map { k in
            [
                Cell(String(Int(fit.time[k])), csv: .integer(Int(fit.time[k]))), count(fit.atRisk[k]),
                share(fit.survival[k], people: n),
                interval(
                    fit.lower[k].flatMap { lo in fit.upper[k].map { ConfidenceInterval(lower: lo, upper: $0, level: 0.95) } }, people: n,
                    percent: true),
            ]
        }
        return [
            .table(
                ReportTable(
                    id: "retention_curve",
                    caption: l.t(
                        "Retention curve: share still attending after each meeting (Kaplan–Meier over meeting number; groups still running censored at their last meeting held)",
                        "Curva di permanenza: quota ancora presente dopo ogni incontro (Kaplan–Meier sul numero dell'incontro; gruppi in corso censurati all'ultimo incontro svolto)"
                    ),
                    columns: [
                        l.t("Meeting", "Incontro"), l.t("Still attending before it", "Ancora presenti prima"),
                        l.t("Share still attending after it", "Quota presente dopo"), l.t("95% CI", "IC 95%"),
                    ],
                    rows: rows, numeric: [0, 1, 2]))
        ]
    }

    var costSection: [ReportDocument.Block] {
        let l = language
        guard let c = evaluation.cost else { return [] }
        let money = { (x: Double?, n: Int) -> Cell in
            guard let x else { return Cell("–", csv: .empty) }
            guard let v = disclosure.statistic(x, people: n) else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
            return Cell("\(l.number(v, digits: 0)) \(c.currency)", csv: .number(v, digits: 2))
        }
        return [
            .heading(level: 2, text: l.t("Cost per outcome", "Costo per esito")),
            .table(
                ReportTable(
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
                        [.text(l.t("participant enrolled", "iscritto")), count(c.enrolled), money(c.perEnrolled, c.enrolled)],
                        [
                            .text(l.t("retained participant", "partecipante trattenuto")), count(c.retained),
                            money(c.perRetained, c.retained),
                        ],
                        [
                            .text(l.t("re-employed participant", "partecipante inserito")), count(c.reemployed),
                            money(c.perReemployed, c.reemployed),
                        ],
                    ], numeric: [1, 2])),
        ]
    }
}
