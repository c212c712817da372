/// A figure of the report: its file under `figures/`, its caption and its
/// SVG text. The composer places `block` in the document; the writer saves
/// the SVG beside `report.md` and inlines it in `report.html`.
public struct ReportFigure: Sendable, Equatable {
    /// File name inside `figures/` ("retention.svg").
    public var fileName: String
    public var caption: String
    public var svg: String

    public init(fileName: String, caption: String, svg: String) {
        self.fileName = fileName
        self.caption = caption
        self.svg = svg
    }

    /// A chart drawn in `language`, saved as `figures/<chart id>.svg`.
    public init(chart: any ReportChart, caption: String, language: ReportLanguage) {
        self.init(fileName: chart.id + ".svg", caption: caption, svg: chart.svg(language: language))
    }

    /// Relative path from the report folder: `figures/<fileName>`.
    public var path: String { "figures/" + fileName }

    /// The document block that shows this figure.
    public var block: ReportDocument.Block { .figure(file: path, caption: caption) }
}
