/// One or more step functions on common axes, Kaplan–Meier style: the
/// retention curve over meeting number (share still attending), time to first
/// job (share employed, or still without work, by month). Each curve may
/// carry a confidence band (its lower and upper step functions) and
/// censoring ticks.
///
/// A step function is a list of points: the curve takes value `y` from the
/// point's `x` until the next point's `x` (right-continuous, as
/// `survival::survfit` reports it), and the last value holds until `end`.
public struct StepCurveChart: ReportChart, Equatable {
    public var id: String
    public var labels: ChartLabels
    public var series: [Series]
    public var xFormat: ChartValueFormat
    public var yFormat: ChartValueFormat
    /// The horizontal range; `nil` fits the data (from 0 when all x ≥ 0).
    public var xDomain: ClosedRange<Double>?
    /// The vertical range; `nil` is 0–1 for percentages, else fitted to the data.
    public var yDomain: ClosedRange<Double>?
    /// A dotted horizontal line with its label (the crude share beside a
    /// Kaplan–Meier curve).
    public var reference: Reference?

    public struct Reference: Sendable, Equatable {
        public var value: Double
        public var label: String
        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Lower and upper limits of a confidence band, each a step function.
    public struct Band: Sendable, Equatable {
        public var lower: [Point]
        public var upper: [Point]
        public init(lower: [Point], upper: [Point]) {
            self.lower = lower
            self.upper = upper
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var steps: [Point]
        /// Where the last step ends (the end of follow-up); `nil` stops at the last point.
        public var end: Double?
        /// A pointwise confidence band.
        public var band: Band?
        /// Times at which someone was censored, marked with a tick on the curve.
        public var censored: [Double]

        public init(
            name: String, steps: [Point], end: Double? = nil, band: Band? = nil,
            censored: [Double] = []
        ) {
            self.name = name
            self.steps = steps
            self.end = end
            self.band = band
            self.censored = censored
        }
    }

    public init(
        id: String, labels: ChartLabels, series: [Series], xFormat: ChartValueFormat = .number(digits: 0),
        yFormat: ChartValueFormat = .percent(digits: 0), xDomain: ClosedRange<Double>? = nil,
        yDomain: ClosedRange<Double>? = nil, reference: Reference? = nil
    ) {
        self.id = id
        self.labels = labels
        self.series = series
        self.xFormat = xFormat
        self.yFormat = yFormat
        self.xDomain = xDomain
        self.yDomain = yDomain
        self.reference = reference
    }

    public func svg(language: ReportLanguage) -> String { SVGChartRenderer(language: language).render(self) }
}
