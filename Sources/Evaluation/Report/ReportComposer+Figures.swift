/// The report's figures (DESIGN §6): retention curve, wellbeing before/after,
/// time to first job with its confidence band, re-employment by type. A figure
/// drawn from fewer people than the suppression threshold is left out.
extension ReportComposer {
    public var figures: [ReportFigure] {
        [retentionCurveFigure, reemploymentByTypeFigure, timeToJobFigure, wellbeingFigure].compactMap { $0 }
    }

    /// A Kaplan–Meier fit as a step series: `transform` maps S(t) (e.g. to 1 − S), `scale` maps time.
    static func series(
        _ fit: KaplanMeierFit, name: String, transform: @escaping (Double) -> Double, scale: (Double) -> Double,
        start: Double
    ) -> StepCurveChart.Series {
        typealias Point = StepCurveChart.Point
        let steps =
            [Point(x: start, y: transform(1))] + fit.time.indices.map { Point(x: scale(fit.time[$0]), y: transform(fit.survival[$0])) }
        let low =
            [Point(x: start, y: transform(1))]
            + fit.time.indices.compactMap { k in fit.lower[k].map { Point(x: scale(fit.time[k]), y: transform($0)) } }
        let high =
            [Point(x: start, y: transform(1))]
            + fit.time.indices.compactMap { k in fit.upper[k].map { Point(x: scale(fit.time[k]), y: transform($0)) } }
        let increasing = transform(0) > transform(1)
        return StepCurveChart.Series(
            name: name, steps: steps, end: fit.time.last.map(scale),
            band: .init(lower: increasing ? high : low, upper: increasing ? low : high),
            censored: fit.censoringTimes.map(scale))
    }

    var retentionCurveFigure: ReportFigure? {
        let l = language
        guard let fit = evaluation.retentionCurve.fit, disclosure.statistic(1, people: fit.count) != nil else { return nil }
        let chart = StepCurveChart(
            id: "retention_curve",
            labels: ChartLabels(
                title: l.t("Retention curve", "Curva di permanenza"),
                subtitle: l.t("Share still attending, with 95% confidence band", "Quota ancora presente, con banda di confidenza al 95%"),
                xAxis: l.t("Meeting number", "Numero dell'incontro"), yAxis: l.t("Still attending", "Ancora presenti"),
                description: l.t(
                    "Kaplan–Meier estimate over meeting number of the share of participants still attending.",
                    "Stima di Kaplan–Meier, per numero di incontro, della quota di partecipanti ancora presenti.")),
            series: [Self.series(fit, name: l.t("All participants", "Tutti i partecipanti"), transform: { $0 }, scale: { $0 }, start: 0)],
            yDomain: 0...1)
        return ReportFigure(
            chart: chart, caption: l.t("Retention curve over meeting number", "Curva di permanenza per numero di incontro"), language: l)
    }

    var timeToJobFigure: ReportFigure? {
        let l = language
        guard let fit = evaluation.timeToJob.fit, disclosure.statistic(1, people: fit.count) != nil else { return nil }
        let chart = StepCurveChart(
            id: "time_to_job",
            labels: ChartLabels(
                title: l.t("Time to first job", "Tempo al primo lavoro"),
                subtitle: l.t(
                    "Share with a work experience since enrolment (Kaplan–Meier, 95% band)",
                    "Quota con un'esperienza di lavoro dall'iscrizione (Kaplan–Meier, banda al 95%)"),
                xAxis: l.t("Months since enrolment", "Mesi dall'iscrizione"), yAxis: l.t("Employed", "Occupati"),
                description: l.t(
                    "Cumulative share re-employed, 1 − S(t), censored at the end of each person's observation.",
                    "Quota cumulata di inseriti, 1 − S(t), censurata alla fine dell'osservazione di ciascuno.")),
            series: [
                Self.series(
                    fit, name: l.t("All enrolled", "Tutti gli iscritti"), transform: { 1 - $0 },
                    scale: { $0 / TimeToJob.daysPerMonth }, start: 0)
            ],
            xFormat: .number(digits: 0), yDomain: 0...1)
        return ReportFigure(chart: chart, caption: l.t("Time to first job", "Tempo al primo lavoro"), language: l)
    }

    var reemploymentByTypeFigure: ReportFigure? {
        let l = language
        let r = evaluation.reemployment
        guard r.rate.denominator > 0 else { return nil }
        let shown = disclosure.partition(r.byType.map(\.count))
        let bars = zip(r.byType, shown).map { item, value in
            BarChart.Bar(label: Self.typeName(item.type, l), value: value.map { Double($0) / Double(r.rate.denominator) })
        }
        let chart = BarChart(
            id: "reemployment_by_type",
            labels: ChartLabels(
                title: l.t("Re-employment by type", "Inserimento per tipo"),
                subtitle: l.t(
                    "Share of the \(l.count(r.rate.denominator)) enrolled, each person by their \(evaluation.configuration.breakdown == .best ? "best" : "first") event",
                    "Quota dei \(l.count(r.rate.denominator)) iscritti, ogni persona per il suo esito \(evaluation.configuration.breakdown == .best ? "migliore" : "primo")"
                ),
                xAxis: l.t("Share of enrolled", "Quota degli iscritti"),
                description: l.t(
                    "Bars give the share of enrolled participants whose best work experience is of each type.",
                    "Le barre danno la quota di iscritti il cui miglior esito è di ciascun tipo.")),
            bars: bars, suppressedText: suppressedMark)
        return ReportFigure(chart: chart, caption: l.t("Re-employment by type", "Inserimento per tipo"), language: l)
    }

    var wellbeingFigure: ReportFigure? {
        let l = language
        let changes = evaluation.wellbeing.changes
        guard !changes.isEmpty else { return nil }
        func estimate(_ s: SampleSummary, n: Int) -> ChartEstimate? {
            guard let mean = disclosure.statistic(s.mean, people: n) else { return nil }
            guard let se = s.standardError, s.n >= 2 else { return ChartEstimate(mean) }
            let t = StudentT(degreesOfFreedom: Double(s.n - 1)).quantile(0.975)
            return ChartEstimate(mean, lower: mean - t * se, upper: mean + t * se)
        }
        let items = changes.map { w in
            let n = w.pairedT.n
            return BeforeAfterChart.Item(
                instrument: w.instrument.id,
                comparison: l.t("baseline → \(Self.waveName(w.wave, l))", "ingresso → \(Self.waveName(w.wave, l))"),
                beforeLabel: Self.waveName(.baseline, l), afterLabel: Self.waveName(w.wave, l), n: disclosure.count(n),
                before: estimate(w.pairedT.baseline, n: n), after: estimate(w.pairedT.end, n: n),
                scale: w.instrument.scoreRange, missingText: suppressedMark)
        }
        let chart = BeforeAfterChart(
            id: "wellbeing",
            labels: ChartLabels(
                title: l.t("Wellbeing before and after", "Benessere prima e dopo"),
                subtitle: l.t("Means of the pairs with 95% t intervals", "Medie delle coppie con intervalli t al 95%"),
                yAxis: l.t("Score", "Punteggio"),
                description: l.t(
                    "For each instrument, the mean score at baseline and at the later wave among people with both.",
                    "Per ogni strumento, il punteggio medio all'ingresso e alla rilevazione successiva tra chi ha entrambi.")),
            items: items)
        return ReportFigure(chart: chart, caption: l.t("Wellbeing before and after", "Benessere prima e dopo"), language: l)
    }
}
