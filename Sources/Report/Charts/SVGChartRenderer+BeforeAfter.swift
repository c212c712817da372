extension SVGChartRenderer {
    /// Small multiples, up to three panels a row: in each, the baseline mean
    /// (open circle) and the later mean (filled) with 95% whiskers, joined by
    /// a line, their values beside them and the number of pairs under them.
    public func render(_ chart: BeforeAfterChart) -> String {
        guard !chart.items.isEmpty else { return noData(chart.labels, id: chart.id) }
        let grid = PanelGrid(chart.items)
        var svg = SVGWriter(idPrefix: chart.id)
        var y = header(&svg, chart.labels, width: grid.width)
        y = beforeAfterKey(&svg, chart.labels, y: y, width: grid.width)
        let scales = Self.sharedScales(chart.items)
        var summaries: [String] = []
        for (index, item) in chart.items.enumerated() {
            summaries.append(
                drawPanel(
                    &svg, item, scale: scales[item.instrument], format: chart.valueFormat, at: grid.origin(of: index, below: y),
                    grid: grid))
        }
        return svg.document(
            width: grid.width, height: grid.height(of: chart.items.count, below: y), title: chart.labels.title,
            description: describe(chart.labels, summaries.joined(separator: " ")))
    }

    /// Where the panels go: up to three a row, each a third of the standard
    /// width. Fewer panels keep that width (left-aligned) rather than
    /// stretching two points across the page.
    private struct PanelGrid {
        static let gap = 20.0
        let columns: Int
        let panelWidth = (Style.width - 2 * Style.padding - 2 * Self.gap) / 3
        /// The tallest panel title, so that the plots line up.
        let titleHeight: Double
        let plotHeight = 180.0

        init(_ items: [BeforeAfterChart.Item]) {
            columns = min(items.count, 3)
            titleHeight = Self.titleHeight(items, width: panelWidth)
        }

        /// The tallest title: the instrument (bold) and the comparison wrapped to `width`.
        static func titleHeight(_ items: [BeforeAfterChart.Item], width: Double) -> Double {
            let lines =
                items.map { item in
                    TextMetrics.wrap(item.instrument, width: width, size: Style.labelSize, bold: true).count
                        + (item.comparison.isEmpty ? 0 : TextMetrics.wrap(item.comparison, width: width, size: Style.tickSize).count)
                }.max() ?? 1
            return Double(lines) * Style.labelSize * Style.lineHeight
        }

        var width: Double { max(480, 2 * Style.padding + Double(columns) * panelWidth + Double(columns - 1) * Self.gap) }
        var panelHeight: Double { titleHeight + 8 + plotHeight + 44 }

        /// The top left corner of panel `index`, the first row starting under `top`.
        func origin(of index: Int, below top: Double) -> (x: Double, y: Double) {
            let column = index % columns
            let row = index / columns
            return (Style.padding + Double(column) * (panelWidth + Self.gap), top + 6 + Double(row) * (panelHeight + 16))
        }

        /// The document's height for `count` panels starting under `top`.
        func height(of count: Int, below top: Double) -> Double {
            let rows = (count + columns - 1) / columns
            return top + 6 + Double(rows) * (panelHeight + 16) - 16 + Style.padding
        }
    }

    /// A panel's plot area and scale, and where its two means stand.
    private struct PanelPlot {
        let area: Rect
        let scale: AxisScale
        /// The baseline's x and the later wave's.
        var xs: [Double] { [area.x + area.width * 0.3, area.x + area.width * 0.7] }

        func y(_ value: Double) -> Double { scale.position(value, from: area.bottom, to: area.y) }
    }

    /// The legend (the two means and the interval) and the vertical axis's
    /// label; returns the y below them.
    private func beforeAfterKey(_ svg: inout SVGWriter, _ labels: ChartLabels, y top: Double, width: Double) -> Double {
        var y = legend(
            &svg,
            [
                (.point(filled: false), language.text("chart.beforeafter.baseline_mean")),
                (.point(filled: true), language.text("chart.beforeafter.later_mean")),
                (.whisker, language.text("chart.beforeafter.95_confidence_interval")),
            ], y: top, width: width)
        if !labels.yAxis.isEmpty {
            let usable = width - 2 * Style.padding
            y = paragraph(&svg, labels.yAxis, x: Style.padding, y: y + Style.labelSize, width: usable, size: Style.labelSize) - 4
        }
        return y
    }

    /// One panel: its title, the plot with the two means, the waves and the
    /// number of pairs under it; returns the panel's sentence for the description.
    private func drawPanel(
        _ svg: inout SVGWriter, _ item: BeforeAfterChart.Item, scale shared: AxisScale?, format: ChartValueFormat,
        at origin: (x: Double, y: Double), grid: PanelGrid
    ) -> String {
        panelTitle(&svg, item, x: origin.x, y: origin.y, width: grid.panelWidth)
        let scale = shared ?? .nice(0, 1)
        let tickWidth = tickLabels(scale, format).map { TextMetrics.width($0, size: Style.tickSize) }.max() ?? 0
        let area = Rect(
            x: origin.x + tickWidth + 8, y: origin.y + grid.titleHeight + 8, width: grid.panelWidth - tickWidth - 8,
            height: grid.plotHeight)
        let panel = PanelPlot(area: area, scale: scale)
        let estimates = [item.before, item.after].map { $0.flatMap { $0.isDrawable ? $0 : nil } }
        // Nothing to place on a scale: a plain box, no meaningless ticks.
        panelFrame(&svg, panel, format: format, box: estimates.allSatisfy({ $0 == nil }) && shared == nil)
        drawMeans(&svg, estimates, item, in: panel, format: format)
        panelFooter(&svg, item, in: panel)
        return panelSentence(item, estimates, format: format)
    }

    /// The instrument (bold) and, under it, the comparison.
    private func panelTitle(_ svg: inout SVGWriter, _ item: BeforeAfterChart.Item, x: Double, y: Double, width: Double) {
        let textY = paragraph(&svg, item.instrument, x: x, y: y + Style.labelSize, width: width, size: Style.labelSize, bold: true)
        if !item.comparison.isEmpty {
            paragraph(&svg, item.comparison, x: x, y: textY, width: width, size: Style.tickSize, fill: Style.muted)
        }
    }

    /// The plot's background (a plain box, or the vertical axis) and its base line.
    private func panelFrame(_ svg: inout SVGWriter, _ panel: PanelPlot, format: ChartValueFormat, box: Bool) {
        let area = panel.area
        if box {
            svg.rect(area.x, area.y, area.width, area.height, fill: "#f5f5f5")
        } else {
            yAxis(&svg, panel.scale, format, plot: area)
        }
        svg.line(area.x, area.bottom, area.right, area.bottom, stroke: Style.axis, width: 1)
    }

    /// The line joining the two means, then each mean (or the missing text in its place).
    private func drawMeans(
        _ svg: inout SVGWriter, _ estimates: [ChartEstimate?], _ item: BeforeAfterChart.Item, in panel: PanelPlot,
        format: ChartValueFormat
    ) {
        let xs = panel.xs
        if let b = estimates[0], let a = estimates[1] {
            svg.line(xs[0], panel.y(b.value), xs[1], panel.y(a.value), stroke: Style.connector, width: 1.5)
        }
        for (k, estimate) in estimates.enumerated() {
            guard let estimate else {
                svg.text(item.missingText, x: xs[k], y: panel.area.midY + 4, size: Style.labelSize, anchor: .middle, fill: Style.muted)
                continue
            }
            drawMean(&svg, estimate, x: xs[k], baseline: k == 0, in: panel, format: format)
        }
    }

    /// One mean: its whisker, its circle (open at baseline) and its value
    /// beside it (left of the baseline mean, right of the later one).
    private func drawMean(
        _ svg: inout SVGWriter, _ estimate: ChartEstimate, x: Double, baseline: Bool, in panel: PanelPlot, format: ChartValueFormat
    ) {
        let py = panel.y
        if let ci = estimate.interval {
            svg.line(x, py(ci.lower), x, py(ci.upper), stroke: Style.ink, width: 1.5)
            svg.line(x - 5, py(ci.lower), x + 5, py(ci.lower), stroke: Style.ink, width: 1.5)
            svg.line(x - 5, py(ci.upper), x + 5, py(ci.upper), stroke: Style.ink, width: 1.5)
        }
        svg.circle(
            x, py(estimate.value), radius: 5, fill: baseline ? "#ffffff" : Style.primary, stroke: Style.primary,
            strokeWidth: 2)
        let label = format.label(estimate.value, language)
        svg.text(
            label, x: baseline ? x - 9 : x + 9, y: py(estimate.value) + 4, size: Style.tickSize,
            anchor: baseline ? .end : .start)
    }

    /// The two waves' names under their means, and the number of pairs under them.
    private func panelFooter(_ svg: inout SVGWriter, _ item: BeforeAfterChart.Item, in panel: PanelPlot) {
        let area = panel.area
        let xs = panel.xs
        svg.text(item.beforeLabel, x: xs[0], y: area.bottom + 16, size: Style.tickSize, anchor: .middle)
        svg.text(item.afterLabel, x: xs[1], y: area.bottom + 16, size: Style.tickSize, anchor: .middle)
        svg.text(
            sampleSize(item.n, missing: item.missingText), x: area.midX, y: area.bottom + 34, size: Style.tickSize,
            anchor: .middle, fill: Style.muted)
    }

    /// The panel's sentence in the description: the instrument, both means and the number of pairs.
    private func panelSentence(_ item: BeforeAfterChart.Item, _ estimates: [ChartEstimate?], format: ChartValueFormat) -> String {
        let before = estimates[0].map { format.label($0.value, language) } ?? item.missingText
        let after = estimates[1].map { format.label($0.value, language) } ?? item.missingText
        return
            "\(item.instrument)\(item.comparison.isEmpty ? "" : " (\(item.comparison))"): \(item.beforeLabel) \(before), \(item.afterLabel) \(after), \(sampleSize(item.n, missing: item.missingText))."
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
