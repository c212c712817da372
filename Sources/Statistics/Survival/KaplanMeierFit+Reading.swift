extension KaplanMeierFit {
    /// The curve read at the given times, as R's `summary(fit, times = t)` with
    /// `extend = FALSE`: Ŝ at the last observed time ≤ t (1 before the first
    /// event), its standard error and limits; `nil` for a time beyond the
    /// last observed time (R drops those rows), before 0, or not finite.
    /// Results follow the order of `times`.
    public func survival(at times: [Double]) -> [SurvivalEstimate?] {
        guard let lastTime = time.last else { return times.map { _ in nil } }
        let totalEvents = prefixSums(events)
        let totalCensored = prefixSums(censored)
        let n = count
        return times.map { t -> SurvivalEstimate? in
            guard t.isFinite, t >= 0, t <= lastTime else { return nil }
            let rowsUpTo = upperBound(t)  // observed times ≤ t
            let rowsBefore = lowerBound(t)  // observed times < t
            let atRiskNow = rowsBefore < time.count ? atRisk[rowsBefore] : 0
            guard rowsUpTo > 0 else {
                return SurvivalEstimate(
                    time: t, survival: 1, standardError: 0, lower: 1, upper: 1, atRisk: n,
                    cumulativeEvents: 0, cumulativeCensored: 0)
            }
            let k = rowsUpTo - 1
            return SurvivalEstimate(
                time: t, survival: survival[k], standardError: survival[k] * logStandardError[k],
                lower: lower[k], upper: upper[k], atRisk: atRiskNow,
                cumulativeEvents: totalEvents[rowsUpTo], cumulativeCensored: totalCensored[rowsUpTo])
        }
    }

    /// Vertices of the step curve and its confidence band, from (0, 1) to the
    /// last observed time, as `plot(fit)` draws them: at each time where the
    /// curve drops, one vertex at the old level and one at the new. When the
    /// first observed time is 0 the curve starts at its value there (R's
    /// `survfit0` inserts no extra point).
    public func stepCurve() -> [SurvivalCurvePoint] {
        guard let lastTime = time.last else { return [] }
        var points: [SurvivalCurvePoint] = []
        var current = SurvivalCurvePoint(time: 0, survival: 1, lower: 1, upper: 1)
        var startIndex = 0
        if time[0] == 0 {
            current = SurvivalCurvePoint(time: 0, survival: survival[0], lower: lower[0], upper: upper[0])
            startIndex = 1
        }
        points.append(current)
        for k in startIndex..<time.count {
            let next = SurvivalCurvePoint(time: time[k], survival: survival[k], lower: lower[k], upper: upper[k])
            if next.survival != current.survival || next.lower != current.lower || next.upper != current.upper {
                points.append(SurvivalCurvePoint(time: time[k], survival: current.survival, lower: current.lower, upper: current.upper))
                points.append(next)
            }
            current = next
        }
        if let last = points.last, last.time < lastTime {
            points.append(SurvivalCurvePoint(time: lastTime, survival: current.survival, lower: current.lower, upper: current.upper))
        }
        return points
    }

    /// Times at which at least one observation was censored (where `plot(fit)` marks a cross).
    public var censoringTimes: [Double] {
        zip(time, censored).filter { $0.1 > 0 }.map(\.0)
    }

    /// Number of observed times ≤ t.
    private func upperBound(_ t: Double) -> Int {
        var low = 0
        var high = time.count
        while low < high {
            let mid = (low + high) / 2
            if time[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Number of observed times < t.
    private func lowerBound(_ t: Double) -> Int {
        var low = 0
        var high = time.count
        while low < high {
            let mid = (low + high) / 2
            if time[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func prefixSums(_ values: [Int]) -> [Int] {
        var sums = [0]
        sums.reserveCapacity(values.count + 1)
        for v in values { sums.append((sums.last ?? 0) + v) }
        return sums
    }
}
