extension SVGChartRenderer {
    /// Small multiples, up to three panels a row: in each, the baseline mean
    /// (open circle) and the later mean (filled) with 95% whiskers, joined by
    /// a line, their values beside them and the number of pairs under them.
    public func render(_ chart: BeforeAfterChart) -> String {
        guard !chart.items.isEmpty else { return noData(chart.labels, id: chart.id) }
        let columns = min(chart.items.count, 3)
        let gap = 20.0
        // Three panels fill the standard width; fewer keep that panel width
        // (left-aligned) rather than stretching two points across the page.
        let actualPanel = (Style.width - 2 * Style.padding - 2 * gap) / 3
        let width = max(480, 2 * Style.padding + Double(columns) * actualPanel + Double(columns - 1) * gap)
        let usable = width - 2 * Style.padding
        var svg = SVGWriter(idPrefix: chart.id)
        var y = header(&svg, chart.labels, width: width)
        y = legend(
            &svg,
            [
                (.point(filled: false), language.text("chart.beforeafter.baseline_mean")),
                (.point(filled: true), language.text("chart.beforeafter.later_mean")),
                (.whisker, language.text("chart.beforeafter.95_confidence_interval")),
            ], y: y, width: width)
        if !chart.labels.yAxis.isEmpty {
            y = paragraph(&svg, chart.labels.yAxis, x: Style.padding, y: y + Style.labelSize, width: usable, size: Style.labelSize) - 4
        }

        let scales = Self.sharedScales(chart.items)
        let titleLines =
            chart.items.map { item in
                TextMetrics.wrap(item.instrument, width: actualPanel, size: Style.labelSize, bold: true).count
                    + (item.comparison.isEmpty ? 0 : TextMetrics.wrap(item.comparison, width: actualPanel, size: Style.tickSize).count)
            }.max() ?? 1
        let titleHeight = Double(titleLines) * Style.labelSize * Style.lineHeight
        let plotHeight = 180.0
        let panelHeight = titleHeight + 8 + plotHeight + 44
        var summaries: [String] = []

        for (index, item) in chart.items.enumerated() {
            let column = index % columns
            let row = index / columns
            let panelX = Style.padding + Double(column) * (actualPanel + gap)
            let panelY = y + 6 + Double(row) * (panelHeight + 16)
            var textY = panelY + Style.labelSize
            textY = paragraph(&svg, item.instrument, x: panelX, y: textY, width: actualPanel, size: Style.labelSize, bold: true)
            if !item.comparison.isEmpty {
                paragraph(&svg, item.comparison, x: panelX, y: textY, width: actualPanel, size: Style.tickSize, fill: Style.muted)
            }
            let scale = scales[item.instrument] ?? .nice(0, 1)
            let tickWidth = tickLabels(scale, chart.valueFormat).map { TextMetrics.width($0, size: Style.tickSize) }.max() ?? 0
            let plot = Rect(
                x: panelX + tickWidth + 8, y: panelY + titleHeight + 8, width: actualPanel - tickWidth - 8, height: plotHeight)
            let xs = [plot.x + plot.width * 0.3, plot.x + plot.width * 0.7]
            let py = { (v: Double) in scale.position(v, from: plot.bottom, to: plot.y) }
            let estimates = [item.before, item.after].map { $0.flatMap { $0.isDrawable ? $0 : nil } }
            if estimates.allSatisfy({ $0 == nil }) && scales[item.instrument] == nil {
                // Nothing to place on a scale: a plain box, no meaningless ticks.
                svg.rect(plot.x, plot.y, plot.width, plot.height, fill: "#f5f5f5")
            } else {
                yAxis(&svg, scale, chart.valueFormat, plot: plot)
            }
            svg.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: Style.axis, width: 1)
            if let b = estimates[0], let a = estimates[1] {
                svg.line(xs[0], py(b.value), xs[1], py(a.value), stroke: Style.connector, width: 1.5)
            }
            for (k, estimate) in estimates.enumerated() {
                let x = xs[k]
                guard let estimate else {
                    svg.text(item.missingText, x: x, y: plot.midY + 4, size: Style.labelSize, anchor: .middle, fill: Style.muted)
                    continue
                }
                if let ci = estimate.interval {
                    svg.line(x, py(ci.lower), x, py(ci.upper), stroke: Style.ink, width: 1.5)
                    svg.line(x - 5, py(ci.lower), x + 5, py(ci.lower), stroke: Style.ink, width: 1.5)
                    svg.line(x - 5, py(ci.upper), x + 5, py(ci.upper), stroke: Style.ink, width: 1.5)
                }
                svg.circle(
                    x, py(estimate.value), radius: 5, fill: k == 0 ? "#ffffff" : Style.primary, stroke: Style.primary,
                    strokeWidth: 2)
                let label = chart.valueFormat.label(estimate.value, language)
                svg.text(
                    label, x: k == 0 ? x - 9 : x + 9, y: py(estimate.value) + 4, size: Style.tickSize,
                    anchor: k == 0 ? .end : .start)
            }
            svg.text(item.beforeLabel, x: xs[0], y: plot.bottom + 16, size: Style.tickSize, anchor: .middle)
            svg.text(item.afterLabel, x: xs[1], y: plot.bottom + 16, size: Style.tickSize, anchor: .middle)
            svg.text(
                sampleSize(item.n, missing: item.missingText), x: plot.midX, y: plot.bottom + 34, size: Style.tickSize,
                anchor: .middle, fill: Style.muted)

            let before = estimates[0].map { chart.valueFormat.label($0.value, language) } ?? item.missingText
            let after = estimates[1].map { chart.valueFormat.label($0.value, language) } ?? item.missingText
            summaries.append(
                "\(item.instrument)\(item.comparison.isEmpty ? "" : " (\(item.comparison))"): \(item.beforeLabel) \(before), \(item.afterLabel) \(after), \(sampleSize(item.n, missing: item.missingText))."
            )
        }
        let rows = (chart.items.count + columns - 1) / columns
        let height = y + 6 + Double(rows) * (panelHeight + 16) - 16 + Style.padding
        return svg.document(
            width: width, height: height, title: chart.labels.title,
            description: describe(chart.labels, summaries.joined(separator: " ")))
    }

    /// One scale per instrument, covering every interval of its panels (or
    /// the instrument's whole range when given); none for an instrument with
    /// nothing to draw.
    static func sharedScales(_ items: [BeforeAfterChart.Item]) -> [String: AxisScale] {
        var extents: [String: [Double]] = [:]
        var ranges: [String: ClosedRange<Double>] = [:]
        for item in items {
            extents[item.instrument, default: []] += (item.before?.extent ?? []) + (item.after?.extent ?? [])
            if let range = item.scale, range.lowerBound.isFinite, range.upperBound.isFinite, range.upperBound > range.lowerBound {
                ranges[item.instrument] =
                    ranges[item.instrument].map {
                        min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound)
                    } ?? range
            }
        }
        var scales: [String: AxisScale] = [:]
        for (instrument, values) in extents {
            if let range = ranges[instrument] {
                let low = min(range.lowerBound, values.min() ?? range.lowerBound)
                let high = max(range.upperBound, values.max() ?? range.upperBound)
                scales[instrument] = .fixed(low, high, maxTicks: 5)
            } else if let low = values.min(), let high = values.max() {
                let pad = (high - low) * 0.08
                scales[instrument] = .nice(low - pad, high + pad, maxTicks: 5)
            }
        }
        return scales
    }
}
