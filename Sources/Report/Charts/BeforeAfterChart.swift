/// Mean scores at baseline and at a later wave, each with its 95% confidence
/// interval, joined by a line: one small panel per instrument and wave pair,
/// each with its own vertical scale (panels of the same instrument share it)
/// and the number of pairs under it.
public struct BeforeAfterChart: ReportChart, Equatable {
    public var id: String
    public var labels: ChartLabels
    public var items: [Item]
    public var valueFormat: ChartValueFormat

    public struct Item: Sendable, Equatable {
        /// The instrument ("WEMWBS"); panels with the same instrument share a scale.
        public var instrument: String
        /// The comparison, under the instrument ("baseline → end").
        public var comparison: String
        public var beforeLabel: String
        public var afterLabel: String
        /// People with both questionnaires; `nil` when suppressed.
        public var n: Int?
        /// `nil` when suppressed or not computable.
        public var before: ChartEstimate?
        public var after: ChartEstimate?
        /// The instrument's possible range, when the axis should show it whole.
        public var scale: ClosedRange<Double>?
        /// Shown in the panel when an estimate is missing ("<5").
        public var missingText: String

        public init(
            instrument: String, comparison: String = "", beforeLabel: String, afterLabel: String, n: Int?,
            before: ChartEstimate?, after: ChartEstimate?, scale: ClosedRange<Double>? = nil, missingText: String = "<5"
        ) {
            self.instrument = instrument
            self.comparison = comparison
            self.beforeLabel = beforeLabel
            self.afterLabel = afterLabel
            self.n = n
            self.before = before
            self.after = after
            self.scale = scale
            self.missingText = missingText
        }
    }

    public init(id: String, labels: ChartLabels, items: [Item], valueFormat: ChartValueFormat = .number(digits: 1)) {
        self.id = id
        self.labels = labels
        self.items = items
        self.valueFormat = valueFormat
    }

    public func svg(language: ReportLanguage) -> String { SVGChartRenderer(language: language).render(self) }
}
