/// The parts every chart shares around its plot: the caption of the
/// horizontal axis, labels wrapped beside a row, and the finished document.
extension SVGChartRenderer {
    /// The horizontal axis's caption centred under the plot; returns the new bottom.
    func xAxisCaption(_ svg: inout SVGWriter, _ labels: ChartLabels, plot: Rect, below bottom: Double) -> Double {
        guard !labels.xAxis.isEmpty else { return bottom }
        return paragraph(
            &svg, labels.xAxis, x: plot.midX, y: bottom + 14, width: centredWidth(plot.midX, in: Style.width),
            size: Style.labelSize, anchor: .middle)
    }

    /// The document: the chart's title, and its description followed by a
    /// sentence per item for screen readers.
    func finish(_ svg: SVGWriter, _ labels: ChartLabels, bottom: Double, summary: [String]) -> String {
        svg.document(
            width: Style.width, height: bottom + Style.padding - 6, title: labels.title,
            description: describe(labels, summary.joined(separator: " ")))
    }

    /// Row labels wrapped to `width` (at most `share` of the usable width).
    func wrappedLabels(_ labels: [String], share: Double, size: Double = Style.labelSize) -> (lines: [[String]], width: Double) {
        let width = min((Style.width - 2 * Style.padding) * share, labels.map { TextMetrics.width($0, size: size) }.max() ?? 0)
        return (labels.map { TextMetrics.wrap($0, width: width, size: size) }, width)
    }
}
