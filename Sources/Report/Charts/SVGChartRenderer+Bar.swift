extension SVGChartRenderer {
    /// Horizontal bars, labels on the left (wrapped), values at the bar ends,
    /// a value axis under them; suppressed bars are hatched placeholders.
    public func render(_ chart: BarChart) -> String {
        guard !chart.bars.isEmpty else { return noData(chart.labels, id: chart.id) }
        let width = Style.width
        var svg = SVGWriter(idPrefix: chart.id)
        defineHatch(&svg)
        var y = header(&svg, chart.labels, width: width)
        let values = chart.bars.map { bar in bar.value.flatMap { $0.isFinite ? $0 : nil } }
        if values.contains(where: { $0 == nil }) {
            y = legend(
                &svg, [(.hatch, language.text("chart.bar.suppressed_too_few_people"))], y: y,
                width: width)
        }
        let scale = Self.barScale(chart, values.compactMap { $0 })
        let (labelLines, labelWidth) = wrappedLabels(chart.bars.map(\.label), share: 0.4)
        let valueTexts = zip(chart.bars, values).map { bar, value in
            bar.valueText ?? value.map { chart.valueFormat.label($0, language) } ?? chart.suppressedText
        }
        let valueWidth = valueTexts.map { TextMetrics.width($0, size: Style.labelSize) }.max() ?? 0
        let left = Style.padding + labelWidth + 12
        let right = width - Style.padding - max(valueWidth + 8, overhang(scale, chart.valueFormat))
        let rowHeights = labelLines.map { max(30, Double($0.count) * Style.labelSize * Style.lineHeight + 12) }
        let plot = Rect(x: left, y: y + 8, width: right - left, height: rowHeights.reduce(0, +))
        var bottom = xAxis(&svg, scale, chart.valueFormat, plot: plot)
        bottom = xAxisCaption(&svg, chart.labels, plot: plot, below: bottom)

        let zero = scale.position(scale.contains(0) ? 0 : scale.lower, from: plot.x, to: plot.right)
        var rowTop = plot.y
        var summary: [String] = []
        for (index, bar) in chart.bars.enumerated() {
            let row = Rect(x: plot.x, y: rowTop, width: plot.width, height: rowHeights[index])
            barLabel(&svg, labelLines[index], right: left - 12, midY: row.midY)
            drawBar(&svg, values[index], text: valueTexts[index], row: row, scale: scale, zero: zero)
            summary.append("\(bar.label): \(valueTexts[index]).")
            rowTop += row.height
        }
        svg.line(zero, plot.y, zero, plot.bottom, stroke: Style.axis, width: 1)
        return finish(svg, chart.labels, bottom: bottom, summary: summary)
    }

    /// The chart's domain when given, else a nice range over the values and 0.
    private static func barScale(_ chart: BarChart, _ finite: [Double]) -> AxisScale {
        if let domain = chart.domain, domain.upperBound > domain.lowerBound {
            return .fixed(domain.lowerBound, domain.upperBound, maxTicks: 6, integer: chart.valueFormat.isInteger)
        }
        return .nice(min(0, finite.min() ?? 0), max(0, finite.max() ?? 0, 1e-9), maxTicks: 6, integer: chart.valueFormat.isInteger)
    }

    /// A bar's label lines, right-aligned and centred on the row.
    private func barLabel(_ svg: inout SVGWriter, _ lines: [String], right: Double, midY mid: Double) {
        var lineY = mid - Double(lines.count - 1) * Style.labelSize * Style.lineHeight / 2 + 4
        for line in lines {
            svg.text(line, x: right, y: lineY, size: Style.labelSize, anchor: .end)
            lineY += Style.labelSize * Style.lineHeight
        }
    }

    /// One bar from `zero` with its value at its end, or the hatched
    /// placeholder of a suppressed value with its text beside it.
    private func drawBar(_ svg: inout SVGWriter, _ value: Double?, text: String, row: Rect, scale: AxisScale, zero: Double) {
        let mid = row.midY
        let barHeight = min(20, row.height - 10)
        if let value {
            let end = scale.position(min(max(value, scale.lower), scale.upper), from: row.x, to: row.right)
            svg.rect(min(zero, end), mid - barHeight / 2, abs(end - zero), barHeight, fill: Style.primary)
            let outside = value >= 0
            svg.text(
                text, x: outside ? max(end, zero) + 6 : min(end, zero) - 6, y: mid + 4,
                size: Style.labelSize, anchor: outside ? .start : .end)
        } else {
            let placeholder = min(36, row.width * 0.12)
            svg.rect(
                zero, mid - barHeight / 2, placeholder, barHeight, fill: "url(#\(svg.id("hatch")))", stroke: Style.hatch,
                strokeWidth: 1)
            svg.text(text, x: zero + placeholder + 6, y: mid + 4, size: Style.labelSize, fill: Style.muted)
        }
    }
}
