import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// The report's figures (DESIGN §6): retention curve, wellbeing before/after,
/// time to first job with its confidence band, re-employment by type. A figure
/// drawn from fewer people than the suppression threshold is left out.
extension ReportComposer {
    public var figures: [ReportFigure] {
        [retentionCurveFigure, reemploymentByTypeFigure, timeToJobFigure, wellbeingFigure, trendFigure].compactMap { $0 }
    }

    /// A released Kaplan–Meier curve as a step series (values already transformed); `scale` maps time.
    static func series(_ curve: ReleasedCurve, name: String, start: Double, startValue: Double, scale: (Double) -> Double)
        -> StepCurveChart.Series
    {
        typealias Point = StepCurveChart.Point
        let origin = Point(x: start, y: startValue)
        let steps = [origin] + curve.drawn.map { Point(x: scale($0.time), y: $0.survival) }
        let low = [origin] + curve.drawn.compactMap { step in step.low.map { Point(x: scale(step.time), y: $0) } }
        let high = [origin] + curve.drawn.compactMap { step in step.high.map { Point(x: scale(step.time), y: $0) } }
        // The band's lower edge is the smaller of the two (1 − S swaps them).
        let increasing = startValue == 0
        return StepCurveChart.Series(
            name: name, steps: steps, end: curve.drawn.last.map { scale($0.time) },
            band: .init(lower: increasing ? high : low, upper: increasing ? low : high),
            censored: curve.censoringTimes.map(scale))
    }

    var retentionCurveFigure: ReportFigure? {
        let l = language
        guard let curve = release.retentionCurve, !curve.drawn.isEmpty else { return nil }
        let chart = StepCurveChart(
            id: "retention_curve",
            labels: ChartLabels(
                title: l.t("Retention curve", "Curva di permanenza"),
                subtitle: l.t("Share still attending, with 95% confidence band", "Quota ancora presente, con banda di confidenza al 95%"),
                xAxis: l.t("Meeting number", "Numero dell'incontro"), yAxis: l.t("Still attending", "Ancora presenti"),
                description: l.t(
                    "Kaplan–Meier estimate over meeting number of the share of participants still attending.",
                    "Stima di Kaplan–Meier, per numero di incontro, della quota di partecipanti ancora presenti.")),
            series: [Self.series(curve, name: l.t("All participants", "Tutti i partecipanti"), start: 0, startValue: 1, scale: { $0 })],
            yDomain: 0...1)
        return ReportFigure(
            chart: chart, caption: l.t("Retention curve over meeting number", "Curva di permanenza per numero di incontro"), language: l)
    }

    var timeToJobFigure: ReportFigure? {
        let l = language
        guard let curve = release.timeToJob.curve, !curve.drawn.isEmpty else { return nil }
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
                    curve, name: l.t("All enrolled", "Tutti gli iscritti"), start: 0, startValue: 0,
                    scale: { $0 / TimeToJob.daysPerMonth })
            ],
            xFormat: .number(digits: 0), yDomain: 0...1,
            reference: release.reemployment.rate.value.shown.map { crude in
                StepCurveChart.Reference(
                    value: crude,
                    label: l.t("crude share re-employed: \(l.percent(crude))", "quota grezza di inseriti: \(l.percent(crude))"))
            })
        return ReportFigure(chart: chart, caption: l.t("Time to first job", "Tempo al primo lavoro"), language: l)
    }

    var reemploymentByTypeFigure: ReportFigure? {
        let l = language
        let r = release.reemployment
        guard let enrolled = r.rate.denominator.shown, enrolled > 0 else { return nil }
        let bars = r.byType.map { item in
            BarChart.Bar(
                label: words.outcomeType(item.type), value: item.share.shown,
                valueText: item.share.shown == nil ? marker(item.people)?.display ?? marker(item.share)?.display : nil)
        }
        let best = configuration.breakdown == .best
        let chart = BarChart(
            id: "reemployment_by_type",
            labels: ChartLabels(
                title: l.t("Re-employment by type", "Inserimento per tipo"),
                subtitle: l.t(
                    "Share of the \(l.count(enrolled)) enrolled, each person by their \(best ? "best" : "first") event",
                    "Quota dei \(l.count(enrolled)) iscritti, ogni persona per il suo esito \(best ? "migliore" : "primo")"
                ),
                xAxis: l.t("Share of enrolled", "Quota degli iscritti"),
                description: l.t(
                    "Bars give the share of enrolled participants whose best work experience is of each type.",
                    "Le barre danno la quota di iscritti il cui miglior esito è di ciascun tipo.")),
            bars: bars, suppressedText: Disclosure.confidentialMarker)
        return ReportFigure(chart: chart, caption: l.t("Re-employment by type", "Inserimento per tipo"), language: l)
    }

    /// Each instrument's mean change with its 95% interval on a common axis
    /// of points, zero dashed and the minimal important difference dotted in
    /// its row: the change is what the test is about, not the two means.
    var wellbeingFigure: ReportFigure? {
        let l = language
        let changes = release.wellbeing
        guard !changes.isEmpty else { return nil }
        let rows = changes.map { w -> ForestPlot.Row in
            let estimate = w.meanChange.shown.map { ChartEstimate($0, lower: w.changeLow.shown, upper: w.changeHigh.shown) }
            let mid = w.instrument.mid.map { w.instrument.better == .higher ? $0 : -$0 }
            let pairs = w.pairs.shown.map { "n = \(l.count($0))" } ?? marker(w.pairs)?.display
            var note = l.t("start → \(words.wave(w.wave))", "ingresso → \(words.wave(w.wave))")
            if let pairs { note += ", " + pairs }
            if let m = w.instrument.mid { note += l.t(", MID \(l.number(m, digits: 1))", ", DMR \(l.number(m, digits: 1))") }
            return ForestPlot.Row(
                label: w.instrument.id, estimate: estimate, note: note,
                missingText: marker(w.meanChange)?.display ?? "–", threshold: mid)
        }
        let chart = ForestPlot(
            id: "wellbeing",
            labels: ChartLabels(
                title: l.t("Wellbeing: change from start", "Benessere: cambiamento dall'ingresso"),
                subtitle: l.t(
                    "Mean change in points with 95% interval; dotted: the minimal important difference (MID)",
                    "Cambiamento medio in punti con intervallo al 95%; punteggiato: la differenza minima rilevante (DMR)"),
                xAxis: l.t("Mean change (points)", "Cambiamento medio (punti)"),
                description: l.t(
                    "For each instrument, the mean change of the people with both questionnaires, with its 95% t interval.",
                    "Per ogni strumento, il cambiamento medio di chi ha entrambi i questionari, con l'intervallo t al 95%.")),
            rows: rows, valueFormat: .number(digits: 1))
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }

    /// The re-employment rate of the cohort at each quarter's end, with its Wilson interval.
    var trendFigure: ReportFigure? {
        let l = language
        guard !release.trend.isEmpty else { return nil }
        let rows = release.trend.map { q -> ForestPlot.Row in
            let r = q.reemployment
            let estimate = r.value.shown.map { ChartEstimate($0, lower: r.low.shown, upper: r.high.shown) }
            let n = q.cohort.shown.map { l.t("enrolled by then: \(l.count($0))", "iscritti fino ad allora: \(l.count($0))") }
            return ForestPlot.Row(
                label: l.period(q.period), estimate: estimate, note: n, missingText: marker(r.value)?.display ?? "–")
        }
        let chart = ForestPlot(
            id: "trend",
            labels: ChartLabels(
                title: l.t("Re-employment by quarter", "Inserimento per trimestre"),
                subtitle: l.t(
                    "Share of everyone enrolled by each quarter's end with a work experience by then, with 95% interval",
                    "Quota di tutti gli iscritti alla fine di ogni trimestre con un'esperienza di lavoro fino ad allora, con intervallo al 95%"
                ),
                xAxis: l.t("Re-employed", "Con lavoro"),
                description: l.t(
                    "For each quarter, the re-employment rate of the cohort enrolled by its end (Wilson 95% interval).",
                    "Per ogni trimestre, il tasso di inserimento degli iscritti entro la sua fine (intervallo di Wilson al 95%).")),
            rows: rows, valueFormat: .percent(digits: 1), domain: 0...1)
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }
}
