import Foundation

extension KaplanMeierFit {
    /// The product-limit curve of counts per distinct time: `count` observations
    /// at the start, `events[k]` events and `censored[k]` censorings at `time[k]`
    /// (Greenwood variance, log-transformed limits, as `KaplanMeier.fit()`).
    init(time: [Double], events: [Int], censored: [Int], count: Int, confidenceLevel: Double) {
        var atRisk: [Int] = []
        var survival: [Double] = []
        var logStandardError: [Double] = []
        atRisk.reserveCapacity(time.count)
        var remaining = count
        var s = 1.0
        var greenwood = 0.0
        for k in time.indices {
            let n = Double(remaining)
            let d = Double(events[k])
            atRisk.append(remaining)
            if events[k] > 0 {
                s *= (n - d) / n
                greenwood += d < n ? d / (n * (n - d)) : .infinity
            }
            survival.append(s)
            logStandardError.append(greenwood.squareRoot())
            remaining -= events[k] + censored[k]
        }
        let z = Normal().quantile(1 - (1 - confidenceLevel) / 2)
        var lower: [Double?] = []
        var upper: [Double?] = []
        for k in time.indices {
            let limits = KaplanMeierFit.logLimits(survival[k], logStandardError[k], z: z)
            lower.append(limits.lower)
            upper.append(limits.upper)
        }
        self.init(
            confidenceLevel: confidenceLevel, time: time, atRisk: atRisk, events: events, censored: censored, survival: survival,
            logStandardError: logStandardError, lower: lower, upper: upper)
    }

    /// The curve as it may be published under disclosure control: recomputed from
    /// coarsened counts, so that every figure of it is a function of those counts
    /// alone (the approach OpenSAFELY takes for published Kaplan–Meier curves).
    ///
    /// - The cumulative number of events up to each time is rounded down to a
    ///   multiple of `minimumEvents`: the curve steps only where another
    ///   `minimumEvents` events have accumulated, so each step stands for at least
    ///   that many (events of consecutive times pooled into the step that completes them).
    /// - The cumulative number of censorings is rounded down to a multiple of `base`,
    ///   and the number at the start up to one: numbers at risk are then multiples of
    ///   `base` when `minimumEvents` is one, and never below the true number at risk,
    ///   so the coarsened curve never drops by more than it has at risk.
    ///
    /// Ŝ, Greenwood's variance and the log limits are those of the coarsened counts.
    /// The result keeps every original time (steps of zero are not steps).
    public func pooled(minimumEvents: Int, base: Int) -> KaplanMeierFit {
        let m = max(1, minimumEvents)
        let b = max(1, base)
        func floored(_ x: Int, _ unit: Int) -> Int { x / unit * unit }
        var events: [Int] = []
        var censored: [Int] = []
        var cumulativeEvents = 0
        var cumulativeCensored = 0
        var shownEvents = 0
        var shownCensored = 0
        for k in time.indices {
            cumulativeEvents += self.events[k]
            cumulativeCensored += self.censored[k]
            let e = floored(cumulativeEvents, m)
            let c = floored(cumulativeCensored, b)
            events.append(e - shownEvents)
            censored.append(c - shownCensored)
            shownEvents = e
            shownCensored = c
        }
        let start = (count + b - 1) / b * b
        return KaplanMeierFit(time: time, events: events, censored: censored, count: start, confidenceLevel: confidenceLevel)
    }
}
