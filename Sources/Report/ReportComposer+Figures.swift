import Statistics

/// The report's figures (METHODS §6), each drawn by its unit: the retention curve, the
/// wellbeing change, re-employment by type, the time to a first job with its confidence
/// band, how long the first period in work lasted, re-employment by quarter. A figure
/// drawn from fewer people than the suppression threshold is left out.
extension ReportComposer {
    public var figures: [ReportFigure] { release.units.flatMap { $0.figures(self) } }

    /// A released Kaplan–Meier curve as a step series (values already transformed); `scale` maps time.
    static func series(_ curve: ReleasedCurve, name: String, start: Double, startValue: Double, scale: (Double) -> Double)
        -> StepCurveChart.Series
    {
        typealias Point = StepCurveChart.Point
        let origin = Point(x: start, y: startValue)
        let steps = [origin] + curve.drawn.map { Point(x: scale($0.time), y: $0.survival) }
        let low = [origin] + curve.drawn.compactMap { step in step.low.map { Point(x: scale(step.time), y: $0) } }
        let high = [origin] + curve.drawn.compactMap { step in step.high.map { Point(x: scale(step.time), y: $0) } }
        // The band's lower edge is the smaller of the two (1 − S swaps them).
        let increasing = startValue == 0
        return StepCurveChart.Series(
            name: name, steps: steps, end: curve.drawn.last.map { scale($0.time) },
            band: .init(lower: increasing ? high : low, upper: increasing ? low : high),
            censored: curve.censoringTimes.map(scale))
    }
}
