/// Estimates with confidence-interval whiskers on one common axis with a
/// reference line (0 for differences, 1 for ratios on a logarithmic axis),
/// one row each, the estimate and interval written on the right: for
/// comparisons between levels or outcomes.
public struct ForestPlot: ReportChart, Equatable {
    public var id: String
    /// `xAxis` names the estimate and its unit ("Difference in re-employment rate").
    public var labels: ChartLabels
    public var rows: [Row]
    public var reference: Double
    public var logarithmic: Bool
    public var valueFormat: ChartValueFormat
    /// The axis range; `nil` fits every interval. Intervals running past a
    /// given range end in an arrow.
    public var domain: ClosedRange<Double>?
    /// Words under the axis on either side of the reference ("favours A", "favours B").
    public var lowerDirection: String?
    public var upperDirection: String?
    /// The heading of the values' column (default "Estimate [95% CI]").
    public var valueHeader: String?

    public struct Row: Sendable, Equatable {
        public var label: String
        /// `nil` when not estimable or suppressed (`missingText` is shown).
        public var estimate: ChartEstimate?
        /// A short note beside the label ("n = 40").
        public var note: String?
        public var missingText: String
        /// A value marked across this row only (an instrument's minimal
        /// important difference), drawn as a dotted line.
        public var threshold: Double?

        public init(label: String, estimate: ChartEstimate?, note: String? = nil, missingText: String = "–", threshold: Double? = nil) {
            self.label = label
            self.estimate = estimate
            self.note = note
            self.missingText = missingText
            self.threshold = threshold
        }
    }

    public init(
        id: String, labels: ChartLabels, rows: [Row], reference: Double = 0, logarithmic: Bool = false,
        valueFormat: ChartValueFormat = .number(digits: 2), domain: ClosedRange<Double>? = nil,
        lowerDirection: String? = nil, upperDirection: String? = nil, valueHeader: String? = nil
    ) {
        self.valueHeader = valueHeader
        self.id = id
        self.labels = labels
        self.rows = rows
        self.reference = reference
        self.logarithmic = logarithmic
        self.valueFormat = valueFormat
        self.domain = domain
        self.lowerDirection = lowerDirection
        self.upperDirection = upperDirection
    }

    public func svg(language: ReportLanguage) -> String { SVGChartRenderer(language: language).render(self) }
}
