import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// The report's figures (METHODS §6): retention curve, wellbeing before/after,
/// time to first job with its confidence band, re-employment by type. A figure
/// drawn from fewer people than the suppression threshold is left out.
extension ReportComposer {
    public var figures: [ReportFigure] {
        [retentionCurveFigure, reemploymentByTypeFigure, timeToJobFigure, firstPeriodFigure, wellbeingFigure, trendFigure].compactMap {
            $0
        }
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
                title: l.text("report.figures.retention_curve"),
                subtitle: l.text("report.figures.share_still_attending_with_95_confidence"),
                xAxis: l.text("report.figures.meeting_number"), yAxis: l.text("report.figures.still_attending"),
                description: l.text("report.figures.kaplan_meier_estimate_over_meeting_number")),
            series: [Self.series(curve, name: l.text("report.figures.all_participants"), start: 0, startValue: 1, scale: { $0 })],
            yDomain: 0...1)
        return ReportFigure(
            chart: chart, caption: l.text("report.figures.retention_curve_over_meeting_number"), language: l)
    }

    var timeToJobFigure: ReportFigure? {
        let l = language
        guard let curve = release.timeToJob?.curve, !curve.drawn.isEmpty else { return nil }
        let chart = StepCurveChart(
            id: "time_to_job",
            labels: ChartLabels(
                title: l.text("report.figures.time_to_first_job"),
                subtitle: l.text("report.figures.share_with_a_work_experience_since"),
                xAxis: l.text("report.figures.months_since_enrolment"), yAxis: l.text("report.figures.employed"),
                description: l.text("report.figures.cumulative_share_re_employed_1_s")),
            series: [
                Self.series(
                    curve, name: l.text("report.figures.all_enrolled"), start: 0, startValue: 0,
                    scale: { $0 / TimeToJob.daysPerMonth })
            ],
            xFormat: .number(digits: 0), yDomain: 0...1,
            reference: release.reemployment?.rate.value.shown.map { crude in
                StepCurveChart.Reference(
                    value: crude,
                    label: l.text("report.figures.crude_share_re_employed", l.percent(crude)))
            })
        return ReportFigure(chart: chart, caption: l.text("report.figures.time_to_first_job"), language: l)
    }

    /// How long the first period in work lasted: the share still in it by months since it began.
    var firstPeriodFigure: ReportFigure? {
        let l = language
        guard let jobs = release.units.compactMap({ $0 as? JobsUnit.Figures }).first, let curve = jobs.curve, !curve.drawn.isEmpty
        else { return nil }
        let chart = StepCurveChart(
            id: "first_period",
            labels: ChartLabels(
                title: l.text("report.figures.first_period"), subtitle: l.text("report.figures.first_period_subtitle"),
                xAxis: l.text("report.figures.months_since_first_job"), yAxis: l.text("report.figures.still_in_work"),
                description: l.text("report.figures.first_period_description")),
            series: [
                Self.series(
                    curve, name: l.text("report.figures.re_employed_people"), start: 0, startValue: 1,
                    scale: { $0 / TimeToJob.daysPerMonth })
            ],
            xFormat: .number(digits: 0), yDomain: 0...1)
        return ReportFigure(chart: chart, caption: l.text("report.figures.first_period"), language: l)
    }

    var reemploymentByTypeFigure: ReportFigure? {
        let l = language
        guard let r = release.reemployment, let enrolled = r.rate.denominator.shown, enrolled > 0 else { return nil }
        let bars = r.byType.map { item in
            BarChart.Bar(
                label: words.outcomeType(item.type), value: item.share.shown,
                valueText: item.share.shown == nil ? marker(item.people)?.display ?? marker(item.share)?.display : nil)
        }
        let best = configuration.breakdown == .best
        let chart = BarChart(
            id: "reemployment_by_type",
            labels: ChartLabels(
                title: l.text("report.figures.re_employment_by_type"),
                subtitle: l.text(
                    "report.figures.share_of_the_enrolled_each_person", l.count(enrolled),
                    l.text(best ? "words.breakdown.best" : "words.breakdown.first")),
                xAxis: l.text("report.figures.share_of_enrolled"),
                description: l.text("report.figures.bars_give_the_share_of_enrolled")),
            bars: bars, suppressedText: Disclosure.confidentialMarker)
        return ReportFigure(chart: chart, caption: l.text("report.figures.re_employment_by_type"), language: l)
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
            var note = l.text("report.figures.start", words.wave(w.wave))
            if let pairs { note += ", " + pairs }
            if let m = w.instrument.mid { note += l.text("report.figures.mid", l.number(m, digits: 1)) }
            return ForestPlot.Row(
                label: w.instrument.id, estimate: estimate, note: note,
                missingText: marker(w.meanChange)?.display ?? "–", threshold: mid)
        }
        let chart = ForestPlot(
            id: "wellbeing",
            labels: ChartLabels(
                title: l.text("report.figures.wellbeing_change_from_start"),
                subtitle: l.text("report.figures.mean_change_in_points_with_95"),
                xAxis: l.text("report.figures.mean_change_points"),
                description: l.text("report.figures.for_each_instrument_the_mean_change")),
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
            let n = q.cohort.shown.map { l.text("report.figures.enrolled_by_then", l.count($0)) }
            return ForestPlot.Row(
                label: l.period(q.period), estimate: estimate, note: n,
                missingText: q.recorded ? marker(r.value)?.display ?? "–" : l.text("report.trend.not_yet_recorded_short"))
        }
        let chart = ForestPlot(
            id: "trend",
            labels: ChartLabels(
                title: l.text("report.figures.re_employment_by_quarter"),
                subtitle: l.text("report.figures.share_of_everyone_enrolled_by_each"),
                xAxis: l.text("report.figures.re_employed"),
                description: l.text("report.figures.for_each_quarter_the_re_employment")),
            rows: rows, valueFormat: .percent(digits: 1), domain: 0...1)
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }
}
