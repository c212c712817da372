/// The words of a chart: its title (also the SVG `<title>`), an optional
/// subtitle under it, the axis labels with their units, and a description
/// for screen readers (the SVG `<desc>`, followed by a plain-text summary of
/// the data that the renderer writes).
public struct ChartLabels: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    /// The horizontal axis, with its unit ("Months since enrolment").
    public var xAxis: String
    /// The vertical axis, with its unit ("Share employed").
    public var yAxis: String
    public var description: String

    public init(title: String, subtitle: String? = nil, xAxis: String = "", yAxis: String = "", description: String = "") {
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.description = description
    }
}
