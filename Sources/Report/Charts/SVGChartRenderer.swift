/// Draws chart specifications as self-contained SVG documents: no external
/// fonts, style sheets or scripts; a `viewBox` with width and height; a
/// `<title>` and a `<desc>` (the chart's description and a plain summary of
/// its data) for screen readers; numbers in the report's language.
///
/// The same specification and language always give the same bytes.
public struct SVGChartRenderer: Sendable {
    public var language: ReportLanguage

    public init(language: ReportLanguage = .en) {
        self.language = language
    }

    typealias Style = ChartStyle

    struct Rect {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var right: Double { x + width }
        var bottom: Double { y + height }
        var midX: Double { x + width / 2 }
        var midY: Double { y + height / 2 }
    }

    // MARK: Header and notes

    /// Title (wrapped, bold) and subtitle; returns the y below them.
    func header(_ svg: inout SVGWriter, _ labels: ChartLabels, width: Double) -> Double {
        var y = Style.padding
        let available = width - 2 * Style.padding
        for line in TextMetrics.wrap(labels.title, width: available, size: Style.titleSize, bold: true) {
            y += Style.titleSize * Style.lineHeight
            svg.text(line, x: Style.padding, y: y - 4, size: Style.titleSize, bold: true)
        }
        if let subtitle = labels.subtitle, !subtitle.isEmpty {
            for line in TextMetrics.wrap(subtitle, width: available, size: Style.subtitleSize) {
                y += Style.subtitleSize * Style.lineHeight
                svg.text(line, x: Style.padding, y: y - 3, size: Style.subtitleSize, fill: Style.muted)
            }
        }
        return y + 4
    }

    /// Wrapped lines of `text` starting at baseline `y`; returns the y below.
    @discardableResult
    func paragraph(
        _ svg: inout SVGWriter, _ text: String, x: Double, y: Double, width: Double, size: Double,
        anchor: SVGWriter.Anchor = .start, bold: Bool = false, fill: String = Style.ink
    ) -> Double {
        var baseline = y
        for line in TextMetrics.wrap(text, width: width, size: size, bold: bold) {
            svg.text(line, x: x, y: baseline, size: size, anchor: anchor, bold: bold, fill: fill)
            baseline += size * Style.lineHeight
        }
        return baseline
    }

    /// The widest centred text around `x` that stays inside the padding.
    func centredWidth(_ x: Double, in width: Double) -> Double {
        2 * min(x - Style.padding, width - Style.padding - x)
    }

    /// The whole document for a chart with nothing to draw: its title and a
    /// framed "no data" note.
    func noData(_ labels: ChartLabels, id: String, width: Double = Style.width) -> String {
        var svg = SVGWriter(idPrefix: id)
        let top = header(&svg, labels, width: width) + 8
        let box = Rect(x: Style.padding, y: top, width: width - 2 * Style.padding, height: 120)
        svg.rect(box.x, box.y, box.width, box.height, fill: "#f7f7f7", stroke: Style.grid, strokeWidth: 1)
        let message = language.text("chart.no_data_to_show")
        svg.text(message, x: box.midX, y: box.midY + 4, size: Style.labelSize, anchor: .middle, fill: Style.muted)
        return svg.document(
            width: width, height: box.bottom + Style.padding, title: labels.title,
            description: describe(labels, message + "."))
    }

    /// The `<desc>`: the chart's own description, then the data summary.
    func describe(_ labels: ChartLabels, _ summary: String) -> String {
        [labels.description, summary].filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: Legend

    enum Swatch {
        case line(colour: String, dash: String?)
        case band(colour: String)
        case censorTick
        case point(filled: Bool)
        case whisker
        case hatch
    }

    /// A row (wrapping) of legend entries; returns the y below it.
    func legend(_ svg: inout SVGWriter, _ entries: [(Swatch, String)], y: Double, width: Double) -> Double {
        guard !entries.isEmpty else { return y }
        var x = Style.padding
        var rowY = y + 10
        let size = Style.tickSize
        for (swatch, label) in entries {
            let entryWidth = 28 + TextMetrics.width(label, size: size) + 16
            if x > Style.padding && x + entryWidth > width - Style.padding {
                x = Style.padding
                rowY += 18
            }
            drawSwatch(&svg, swatch, x: x, midY: rowY - 4)
            svg.text(label, x: x + 28, y: rowY, size: size)
            x += entryWidth
        }
        return rowY + 8
    }

    private func drawSwatch(_ svg: inout SVGWriter, _ swatch: Swatch, x: Double, midY: Double) {
        switch swatch {
        case .line(let colour, let dash):
            svg.line(x, midY, x + 22, midY, stroke: colour, width: 2, dash: dash)
        case .band(let colour):
            var band = PathBuilder()
            band.move(x, midY - 6)
            band.horizontal(x + 22)
            band.vertical(midY + 6)
            band.horizontal(x)
            band.close()
            svg.path(band, fill: colour, fillOpacity: 0.2)
        case .censorTick:
            svg.line(x, midY, x + 22, midY, stroke: Style.primary, width: 1.5)
            svg.line(x + 11, midY - 5, x + 11, midY + 5, stroke: Style.primary, width: 1.5)
        case .point(let filled):
            svg.circle(x + 11, midY, radius: 4.5, fill: filled ? Style.primary : "#ffffff", stroke: Style.primary, strokeWidth: 1.8)
        case .whisker:
            svg.line(x + 3, midY, x + 19, midY, stroke: Style.ink, width: 1.5)
            svg.line(x + 3, midY - 4, x + 3, midY + 4, stroke: Style.ink, width: 1.5)
            svg.line(x + 19, midY - 4, x + 19, midY + 4, stroke: Style.ink, width: 1.5)
        case .hatch:
            svg.rect(x + 1, midY - 6, 20, 12, fill: "url(#\(svg.id("hatch")))", stroke: Style.hatch, strokeWidth: 1)
        }
    }

    /// The diagonal hatching of suppressed placeholders, defined once.
    func defineHatch(_ svg: inout SVGWriter) {
        svg.define(
            "<pattern id=\"\(svg.id("hatch"))\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(Style.hatch)\" stroke-width=\"2\"/></pattern>")
    }

    // MARK: Axes

    /// Tick labels of a scale in `format`.
    func tickLabels(_ scale: AxisScale, _ format: ChartValueFormat) -> [String] {
        scale.ticks.map { tick in
            scale.logarithmic
                ? ChartValueFormat.signed(language.number(tick, digits: ChartValueFormat.decimals(tick)))
                : format.tick(tick, step: scale.step, language)
        }
    }

    /// Horizontal grid lines and tick labels left of `plot`.
    func yAxis(_ svg: inout SVGWriter, _ scale: AxisScale, _ format: ChartValueFormat, plot: Rect) {
        for (tick, label) in zip(scale.ticks, tickLabels(scale, format)) {
            let y = scale.position(tick, from: plot.bottom, to: plot.y)
            svg.line(plot.x, y, plot.right, y, stroke: tick == 0 && !scale.logarithmic ? Style.axis : Style.grid, width: 1)
            svg.text(label, x: plot.x - 6, y: y + 4, size: Style.tickSize, anchor: .end, fill: Style.muted)
        }
    }

    /// Vertical grid lines inside `plot`, tick labels under it, the axis
    /// line; returns the y below the tick labels.
    @discardableResult
    func xAxis(
        _ svg: inout SVGWriter, _ scale: AxisScale, _ format: ChartValueFormat, plot: Rect, grid: Bool = true
    ) -> Double {
        for (tick, label) in zip(scale.ticks, tickLabels(scale, format)) {
            let x = scale.position(tick, from: plot.x, to: plot.right)
            if grid { svg.line(x, plot.y, x, plot.bottom, stroke: Style.grid, width: 1) }
            svg.line(x, plot.bottom, x, plot.bottom + 4, stroke: Style.axis, width: 1)
            svg.text(label, x: x, y: plot.bottom + 17, size: Style.tickSize, anchor: .middle, fill: Style.muted)
        }
        svg.line(plot.x, plot.bottom, plot.right, plot.bottom, stroke: Style.axis, width: 1)
        return plot.bottom + 22
    }

    /// Half the width of the widest tick label, so end labels are never cut.
    func overhang(_ scale: AxisScale, _ format: ChartValueFormat) -> Double {
        (tickLabels(scale, format).map { TextMetrics.width($0, size: Style.tickSize) }.max() ?? 0) / 2
    }

    /// A clip path for `rect`; returns its `url(#…)`.
    func clip(_ svg: inout SVGWriter, _ rect: Rect) -> String {
        let id = svg.id("plot")
        svg.define(
            "<clipPath id=\"\(id)\"><rect x=\"\(SVGWriter.number(rect.x))\" y=\"\(SVGWriter.number(rect.y - 1))\" width=\"\(SVGWriter.number(rect.width))\" height=\"\(SVGWriter.number(rect.height + 2))\"/></clipPath>"
        )
        return "url(#\(id))"
    }

    /// "n = 42" in both languages.
    func sampleSize(_ n: Int?, missing: String) -> String {
        "n = " + (n.map { language.count($0) } ?? missing)
    }
}
