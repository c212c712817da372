extension SVGChartRenderer {
    /// Labels on the left, estimates (squares) with interval whiskers on a
    /// common axis with a dashed reference line, "estimate [lower, upper]"
    /// on the right; intervals running off a fixed axis end in an arrow.
    public func render(_ chart: ForestPlot) -> String {
        guard !chart.rows.isEmpty else { return noData(chart.labels, id: chart.id) }
        var svg = SVGWriter(idPrefix: chart.id)
        let y = header(&svg, chart.labels, width: Style.width)
        let estimates = Self.drawable(chart)
        let scale = Self.scale(chart, estimates)
        let rows = ForestRows(chart, values: forestValueTexts(chart, estimates), language: language)
        svg.text(rows.valueHeader, x: Style.width - Style.padding, y: y + 12, size: Style.tickSize, anchor: .end, bold: true)
        let plot = Rect(
            x: rows.plotLeft, y: y + 20, width: rows.plotRight - rows.plotLeft, height: rows.heights.reduce(0, +))
        drawZebra(&svg, rowHeights: rows.heights, top: plot.y)
        let bottom = forestAxis(&svg, chart, scale: scale, plot: plot)
        var rowTop = plot.y
        var summary: [String] = []
        for (index, row) in chart.rows.enumerated() {
            let height = rows.heights[index]
            if let threshold = row.threshold, scale.contains(threshold) {
                let x = scale.position(threshold, from: plot.x, to: plot.right)
                svg.line(x, rowTop + 3, x, rowTop + height - 3, stroke: Style.muted, width: 1.2, dash: "2 2")
            }
            drawRow(
                &svg, label: rows.labelLines[index], note: rows.noteLines[index], value: rows.values[index], estimate: estimates[index],
                scale: scale, plot: plot, top: rowTop, height: height)
            summary.append("\(row.label): \(rows.values[index]).")
            rowTop += height
        }
        return finish(svg, chart.labels, bottom: bottom, summary: summary)
    }

    /// Each row's value text, "estimate [lower–upper]" (the estimate alone
    /// without an interval, the missing text without an estimate).
    private func forestValueTexts(_ chart: ForestPlot, _ estimates: [ChartEstimate?]) -> [String] {
        let separator = language.text("chart.forest.text")
        return zip(chart.rows, estimates).map { row, estimate -> String in
            guard let estimate else { return row.missingText }
            let value = chart.valueFormat.label(estimate.value, language)
            guard let ci = estimate.interval else { return value }
            return "\(value) [\(chart.valueFormat.label(ci.lower, language))\(separator)\(chart.valueFormat.label(ci.upper, language))]"
        }
    }

    /// The rows' wrapped labels and notes, their heights, and the plot's
    /// left and right edges between the labels and the value texts.
    private struct ForestRows {
        let values: [String]
        let valueHeader: String
        let labelLines: [[String]]
        let noteLines: [[String]]
        let heights: [Double]
        let plotLeft: Double
        let plotRight: Double

        init(_ chart: ForestPlot, values: [String], language: ReportLanguage) {
            self.values = values
            valueHeader = chart.valueHeader ?? language.text("chart.forest.estimate_95_ci")
            let usable = Style.width - 2 * Style.padding
            let valueWidth = (values + [valueHeader]).map { TextMetrics.width($0, size: Style.tickSize) }.max() ?? 0
            let labelWidth = min(
                usable * 0.34,
                chart.rows.map {
                    max(TextMetrics.width($0.label, size: Style.labelSize), TextMetrics.width($0.note ?? "", size: Style.tickSize))
                }
                .max() ?? 0)
            labelLines = chart.rows.map { TextMetrics.wrap($0.label, width: labelWidth, size: Style.labelSize) }
            noteLines = chart.rows.map { row in row.note.map { TextMetrics.wrap($0, width: labelWidth, size: Style.tickSize) } ?? [] }
            plotLeft = Style.padding + labelWidth + 14
            plotRight = Style.width - Style.padding - valueWidth - 14
            heights = zip(labelLines, noteLines).map { labels, notes in
                max(
                    28,
                    Double(labels.count) * Style.labelSize * Style.lineHeight + Double(notes.count) * Style.tickSize * Style.lineHeight + 10
                )
            }
        }
    }

    /// A grey band behind every second row.
    private func drawZebra(_ svg: inout SVGWriter, rowHeights: [Double], top: Double) {
        var zebraTop = top
        for (index, height) in rowHeights.enumerated() {
            if index % 2 == 1 { svg.rect(Style.padding, zebraTop, Style.width - 2 * Style.padding, height, fill: "#f3f3f3") }
            zebraTop += height
        }
    }

    /// The axis under the plot, the directions either side of the reference
    /// under it, the caption, and the dashed reference line; returns the y
    /// below them.
    private func forestAxis(_ svg: inout SVGWriter, _ chart: ForestPlot, scale: AxisScale, plot: Rect) -> Double {
        var bottom = xAxis(&svg, scale, chart.valueFormat, plot: plot)
        let referenceShown = scale.contains(chart.reference)
        let referenceX = referenceShown ? scale.position(chart.reference, from: plot.x, to: plot.right) : plot.midX
        if chart.lowerDirection != nil || chart.upperDirection != nil {
            bottom += 12
            if let lower = chart.lowerDirection {
                svg.text("← " + lower, x: referenceX - 6, y: bottom, size: Style.tickSize, anchor: .end, fill: Style.muted)
            }
            if let upper = chart.upperDirection {
                svg.text(upper + " →", x: referenceX + 6, y: bottom, size: Style.tickSize, fill: Style.muted)
            }
            bottom += 6
        }
        bottom = xAxisCaption(&svg, chart.labels, plot: plot, below: bottom)
        if referenceShown {
            svg.line(referenceX, plot.y, referenceX, plot.bottom, stroke: Style.reference, width: 1.2, dash: "5 3")
        }
        return bottom
    }

    /// The rows' estimates that can be drawn: finite, and positive on a log axis (limits that are not are dropped).
    static func drawable(_ chart: ForestPlot) -> [ChartEstimate?] {
        let usableValue = { (v: Double) in v.isFinite && (!chart.logarithmic || v > 0) }
        return chart.rows.map { row -> ChartEstimate? in
            guard let e = row.estimate, usableValue(e.value) else { return nil }
            var kept = e
            if let low = e.lower, !usableValue(low) { kept.lower = nil }
            if let high = e.upper, !usableValue(high) { kept.upper = nil }
            return kept
        }
    }

    /// The chart's domain when it gives one, else a nice (or logarithmic) range over the estimates and the reference.
    static func scale(_ chart: ForestPlot, _ estimates: [ChartEstimate?]) -> AxisScale {
        let extent = estimates.compactMap { $0?.extent }.flatMap { $0 } + [chart.reference] + chart.rows.compactMap(\.threshold)
        if let domain = chart.domain, domain.upperBound > domain.lowerBound, !chart.logarithmic || domain.lowerBound > 0 {
            return chart.logarithmic
                ? .logarithmic(domain.lowerBound * 1.1, domain.upperBound / 1.1)
                : .fixed(domain.lowerBound, domain.upperBound, maxTicks: 7)
        } else if chart.logarithmic {
            // Symmetric about the reference on the log scale: ticks on both sides of 1, and
            // neither side looks larger than the other.
            let low = extent.filter { $0 > 0 }.min() ?? 0.5
            let high = extent.filter { $0 > 0 }.max() ?? 2
            let reach = max(chart.reference / low, high / chart.reference, 1.5)
            return .logarithmic(chart.reference / reach, chart.reference * reach)
        } else {
            return .nice(extent.min() ?? -1, extent.max() ?? 1, maxTicks: 7)
        }
    }

    /// One row: its label and note on the left, the interval (an arrow where it runs off the
    /// axis) and the estimate's square, and the value text on the right.
    func drawRow(
        _ svg: inout SVGWriter, label: [String], note: [String], value: String, estimate: ChartEstimate?, scale: AxisScale,
        plot: Rect, top: Double, height: Double
    ) {
        let px = { (v: Double) in scale.position(v, from: plot.x, to: plot.right) }
        let mid = top + height / 2
        let textHeight =
            Double(label.count) * Style.labelSize * Style.lineHeight + Double(note.count) * Style.tickSize * Style.lineHeight
        var lineY = mid - textHeight / 2 + Style.labelSize
        for line in label {
            svg.text(line, x: Style.padding, y: lineY, size: Style.labelSize)
            lineY += Style.labelSize * Style.lineHeight
        }
        for line in note {
            svg.text(line, x: Style.padding, y: lineY - 1, size: Style.tickSize, fill: Style.muted)
            lineY += Style.tickSize * Style.lineHeight
        }
        svg.text(
            value, x: Style.width - Style.padding, y: mid + 4, size: Style.tickSize, anchor: .end,
            fill: estimate == nil ? Style.muted : Style.ink)
        guard let estimate else { return }
        if let ci = estimate.interval {
            let low = px(max(ci.lower, scale.lower))
            let high = px(min(ci.upper, scale.upper))
            svg.line(low, mid, high, mid, stroke: Style.ink, width: 1.5)
            for (x, clipped, direction) in [(low, ci.lower < scale.lower, -1.0), (high, ci.upper > scale.upper, 1.0)] {
                if clipped {
                    var arrow = PathBuilder()
                    arrow.move(x, mid)
                    arrow.line(x - direction * 6, mid - 4)
                    arrow.line(x - direction * 6, mid + 4)
                    arrow.close()
                    svg.path(arrow, fill: Style.ink)
                } else {
                    svg.line(x, mid - 4, x, mid + 4, stroke: Style.ink, width: 1.5)
                }
            }
        }
        if scale.contains(estimate.value) {
            let x = px(estimate.value)
            svg.rect(x - 4.5, mid - 4.5, 9, 9, fill: Style.primary)
        }
    }
}
