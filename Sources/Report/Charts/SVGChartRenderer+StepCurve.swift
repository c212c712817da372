extension SVGChartRenderer {
    /// Step curves with optional bands and censoring ticks; the vertical
    /// axis label sits above the plot, the horizontal one under it.
    public func render(_ chart: StepCurveChart) -> String {
        let series = chart.series.map(Self.cleaned)
        guard series.contains(where: { !$0.steps.isEmpty }) else { return noData(chart.labels, id: chart.id) }
        var svg = SVGWriter(idPrefix: chart.id)
        var y = header(&svg, chart.labels, width: Style.width)
        y = legend(&svg, stepCurveLegend(series), y: y, width: Style.width)
        let scales = Self.stepCurveScales(chart, series)
        let (plot, bottom) = stepCurveAxes(&svg, chart, x: scales.x, y: scales.y, top: y)
        let px = { (x: Double) in scales.x.position(x, from: plot.x, to: plot.right) }
        let py = { (y: Double) in scales.y.position(y, from: plot.bottom, to: plot.y) }
        drawCurves(&svg, series, clippedTo: plot, px: px, py: py)
        if let reference = chart.reference, scales.y.contains(reference.value) {
            let level = py(reference.value)
            svg.line(plot.x, level, plot.right, level, stroke: Style.muted, width: 1.2, dash: "2 3")
            // Below the line: a Kaplan–Meier share of the same people lies above its crude share.
            svg.text(reference.label, x: plot.right - 4, y: level + 13, size: Style.tickSize, anchor: .end, fill: Style.muted)
        }
        return finish(svg, chart.labels, bottom: bottom, summary: stepCurveSummary(chart, series))
    }

    /// A line per series, the band and the censoring tick; none for a single
    /// curve without either.
    private func stepCurveLegend(_ series: [StepCurveChart.Series]) -> [(Swatch, String)] {
        let hasBand = series.contains { $0.band != nil }
        let hasCensored = series.contains { !$0.censored.isEmpty }
        guard series.count > 1 || hasBand || hasCensored else { return [] }
        var entries: [(Swatch, String)] = series.enumerated().map { i, s in (.line(colour: Style.colour(i), dash: Style.dash(i)), s.name) }
        if hasBand {
            entries.append((.band(colour: Style.primary), language.text("chart.stepcurve.95_confidence_band")))
        }
        if hasCensored {
            entries.append((.censorTick, language.text("chart.stepcurve.censored")))
        }
        return entries
    }

    /// The chart's domains when given; else the horizontal axis fits every
    /// point, band limit, censoring time and end (from 0 when none is
    /// negative), the vertical one is 0–100% for shares, else fitted from 0.
    private static func stepCurveScales(_ chart: StepCurveChart, _ series: [StepCurveChart.Series]) -> (x: AxisScale, y: AxisScale) {
        var xs: [Double] = []
        var ys: [Double] = []
        for s in series {
            let points = s.steps + (s.band?.lower ?? []) + (s.band?.upper ?? [])
            xs += points.map(\.x) + s.censored
            if let end = s.end { xs.append(end) }
            ys += points.map(\.y)
        }
        let xScale: AxisScale
        if let domain = chart.xDomain, domain.upperBound > domain.lowerBound {
            xScale = .fixed(domain.lowerBound, domain.upperBound, maxTicks: 8, integer: chart.xFormat.isInteger)
        } else {
            let low = xs.min() ?? 0
            xScale = .nice(low >= 0 ? 0 : low, xs.max() ?? 1, maxTicks: 8, integer: chart.xFormat.isInteger)
        }
        let yScale: AxisScale
        if let domain = chart.yDomain, domain.upperBound > domain.lowerBound {
            yScale = .fixed(domain.lowerBound, domain.upperBound, maxTicks: 6)
        } else if case .percent = chart.yFormat, (ys.min() ?? 0) >= 0, (ys.max() ?? 1) <= 1 {
            yScale = .fixed(0, 1, maxTicks: 6)
        } else {
            yScale = .nice(min(0, ys.min() ?? 0), ys.max() ?? 1, maxTicks: 6)
        }
        return (xScale, yScale)
    }

    /// The vertical axis's label above the plot, its tick labels left of it,
    /// the horizontal axis and its caption under it; returns the plot and the
    /// y below the caption.
    private func stepCurveAxes(
        _ svg: inout SVGWriter, _ chart: StepCurveChart, x xScale: AxisScale, y yScale: AxisScale, top: Double
    ) -> (plot: Rect, bottom: Double) {
        let width = Style.width
        var y = top
        let yTickWidth = tickLabels(yScale, chart.yFormat).map { TextMetrics.width($0, size: Style.tickSize) }.max() ?? 0
        if !chart.labels.yAxis.isEmpty {
            y =
                paragraph(
                    &svg, chart.labels.yAxis, x: Style.padding, y: y + Style.labelSize, width: width - 2 * Style.padding,
                    size: Style.labelSize, fill: Style.ink) - 4
        }
        let left = Style.padding + yTickWidth + 8
        let right = width - Style.padding - overhang(xScale, chart.xFormat)
        let plot = Rect(x: left, y: y + 8, width: right - left, height: 260)
        yAxis(&svg, yScale, chart.yFormat, plot: plot)
        let bottom = xAxis(&svg, xScale, chart.xFormat, plot: plot, grid: false)
        return (plot, xAxisCaption(&svg, chart.labels, plot: plot, below: bottom))
    }

    /// The bands, then each curve with its censoring ticks, clipped to the plot.
    private func drawCurves(
        _ svg: inout SVGWriter, _ series: [StepCurveChart.Series], clippedTo plot: Rect, px: (Double) -> Double,
        py: (Double) -> Double
    ) {
        let clipURL = clip(&svg, plot)
        svg.openGroup([("clip-path", clipURL)])
        for (i, s) in series.enumerated() {
            guard let band = s.band else { continue }
            svg.path(Self.bandPath(band, end: s.end, px: px, py: py), fill: Style.colour(i), fillOpacity: 0.18)
        }
        for (i, s) in series.enumerated() where !s.steps.isEmpty {
            svg.path(
                Self.stepPath(s.steps, end: s.end, px: px, py: py), stroke: Style.colour(i), width: 2, dash: Style.dash(i), join: "miter")
            for t in s.censored {
                guard let value = Self.value(of: s.steps, at: t) else { continue }
                svg.line(px(t), py(value) - 5, px(t), py(value) + 5, stroke: Style.colour(i), width: 1.5)
            }
        }
        svg.closeGroup()
    }

    /// A sentence per curve for the description: its first and last value, and where.
    private func stepCurveSummary(_ chart: StepCurveChart, _ series: [StepCurveChart.Series]) -> [String] {
        series.map { s -> String in
            guard let first = s.steps.first, let last = s.steps.last else { return "" }
            let lastX = max(s.end ?? last.x, last.x)
            return language.text(
                "chart.stepcurve.at_at", s.name, chart.yFormat.label(first.y, language), chart.xFormat.label(first.x, language),
                chart.yFormat.label(last.y, language), chart.xFormat.label(lastX, language))
        }.filter { !$0.isEmpty }
    }

    /// Finite points only, sorted by x (stable), band likewise.
    static func cleaned(_ series: StepCurveChart.Series) -> StepCurveChart.Series {
        func clean(_ points: [StepCurveChart.Point]) -> [StepCurveChart.Point] {
            points.enumerated().filter { $0.element.x.isFinite && $0.element.y.isFinite }
                .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        }
        var s = series
        s.steps = clean(s.steps)
        s.end = s.end.flatMap { $0.isFinite ? $0 : nil }
        s.censored = s.censored.filter(\.isFinite).sorted()
        if let band = s.band {
            let lower = clean(band.lower)
            let upper = clean(band.upper)
            s.band = lower.isEmpty || upper.isEmpty ? nil : StepCurveChart.Band(lower: lower, upper: upper)
        }
        return s
    }

    /// The value of a right-continuous step function at `x` (`nil` before its first point).
    static func value(of steps: [StepCurveChart.Point], at x: Double) -> Double? {
        var value: Double?
        for point in steps {
            if point.x <= x { value = point.y } else { break }
        }
        return value
    }

    static func stepPath(
        _ steps: [StepCurveChart.Point], end: Double?, px: (Double) -> Double, py: (Double) -> Double
    ) -> PathBuilder {
        var path = PathBuilder()
        guard let first = steps.first, let last = steps.last else { return path }
        path.move(px(first.x), py(first.y))
        for point in steps.dropFirst() {
            path.horizontal(px(point.x))
            path.vertical(py(point.y))
        }
        if let end, end > last.x { path.horizontal(px(end)) }
        return path
    }

    /// The band as one closed shape: the upper limit forwards, the lower back.
    static func bandPath(
        _ band: StepCurveChart.Band, end: Double?, px: (Double) -> Double, py: (Double) -> Double
    ) -> PathBuilder {
        let breaks = Array(Set(band.lower.map(\.x) + band.upper.map(\.x))).sorted()
        let knots: [(x: Double, low: Double, high: Double)] = breaks.compactMap { x in
            guard let low = value(of: band.lower, at: x), let high = value(of: band.upper, at: x) else { return nil }
            return (x, low, high)
        }
        var path = PathBuilder()
        guard let first = knots.first, let last = knots.last else { return path }
        let stop = max(end ?? last.x, last.x)
        path.move(px(first.x), py(first.high))
        for knot in knots.dropFirst() {
            path.horizontal(px(knot.x))
            path.vertical(py(knot.high))
        }
        path.horizontal(px(stop))
        path.vertical(py(last.low))
        for (knot, previous) in zip(knots.reversed(), knots.reversed().dropFirst()) {
            path.horizontal(px(knot.x))
            path.vertical(py(previous.low))
        }
        path.horizontal(px(first.x))
        path.close()
        return path
    }
}
