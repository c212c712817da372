/// Horizontal bars with their values written beside them (re-employment by
/// type as shares of everyone enrolled). A suppressed bar is drawn as a
/// hatched placeholder labelled with `suppressedText` ("<5").
public struct BarChart: ReportChart, Equatable {
    public var id: String
    public var labels: ChartLabels
    public var bars: [Bar]
    public var valueFormat: ChartValueFormat
    /// The value axis; `nil` is 0 to a nice bound over the largest bar.
    public var domain: ClosedRange<Double>?
    public var suppressedText: String

    public struct Bar: Sendable, Equatable {
        public var label: String
        /// `nil` when suppressed.
        public var value: Double?
        /// Written beside the bar instead of the formatted value ("13.1% (18)").
        public var valueText: String?

        public init(label: String, value: Double?, valueText: String? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public init(
        id: String, labels: ChartLabels, bars: [Bar], valueFormat: ChartValueFormat = .percent(digits: 1),
        domain: ClosedRange<Double>? = nil, suppressedText: String = "<5"
    ) {
        self.id = id
        self.labels = labels
        self.bars = bars
        self.valueFormat = valueFormat
        self.domain = domain
        self.suppressedText = suppressedText
    }

    public func svg(language: ReportLanguage) -> String { SVGChartRenderer(language: language).render(self) }
}
