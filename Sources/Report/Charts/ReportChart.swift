/// A chart specification that can draw itself as a self-contained SVG
/// (`StepCurveChart`, `BeforeAfterChart`, `BarChart`, `ForestPlot`).
///
/// Specifications hold numbers and words only, no statistics: the indicator
/// code computes, the specification carries, `SVGChartRenderer` draws.
public protocol ReportChart: Sendable {
    /// File stem of `figures/<id>.svg`, and the prefix of the SVG's element ids.
    var id: String { get }
    var labels: ChartLabels { get }
    /// The chart as an SVG document (same chart and language, same bytes).
    func svg(language: ReportLanguage) -> String
}
