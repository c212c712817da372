import Foundation

/// A numeric axis: its domain, its ticks, and the mapping to a pixel range.
///
/// Linear ticks are "nice" numbers (1, 2 or 5 × 10ᵏ steps; Heckbert, "Nice
/// numbers for graph labels", Graphics Gems 1990). Logarithmic axes (for
/// ratios, with the reference line at 1) tick at 1, 2, 5 × 10ᵏ or finer.
struct AxisScale: Equatable {
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var step: Double
    var logarithmic: Bool

    /// Maps `value` into `start ... end` (end may be smaller, for y axes).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let (a, b, v) = logarithmic ? (log(lower), log(upper), log(max(value, .leastNormalMagnitude))) : (lower, upper, value)
        guard b > a else { return (start + end) / 2 }
        return start + (v - a) / (b - a) * (end - start)
    }

    func contains(_ value: Double) -> Bool { value >= lower - 1e-12 && value <= upper + 1e-12 }

    /// A linear axis covering `low ... high`, widened to nice tick bounds.
    static func nice(_ low: Double, _ high: Double, maxTicks: Int = 6, integer: Bool = false) -> AxisScale {
        var (lo, hi) = (min(low, high), max(low, high))
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if hi - lo < 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
            if low >= 0 && lo < 0 { lo = 0 }
        }
        var step = niceNumber(niceNumber(hi - lo, round: false) / Double(max(maxTicks - 1, 1)), round: true)
        if integer { step = max(1, step.rounded(.up)) }
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        return AxisScale(lower: first, upper: last, ticks: ticks(from: first, to: last, step: step), step: step, logarithmic: false)
    }

    /// A linear axis on exactly `low ... high` (for shares: 0 to 1), ticks
    /// on nice steps inside it.
    static func fixed(_ low: Double, _ high: Double, maxTicks: Int = 6, integer: Bool = false) -> AxisScale {
        guard high > low, low.isFinite, high.isFinite else { return nice(low, high, maxTicks: maxTicks, integer: integer) }
        var step = niceNumber((high - low) / Double(max(maxTicks - 1, 1)), round: true)
        if integer { step = max(1, step.rounded(.up)) }
        let first = (low / step - 1e-9).rounded(.up) * step
        return AxisScale(lower: low, upper: high, ticks: ticks(from: first, to: high, step: step), step: step, logarithmic: false)
    }

    /// A logarithmic axis for positive values, padded a little and ticked
    /// at 1, 2, 5 × 10ᵏ (or 1, 1.5, 2, 3, 5, 7 × 10ᵏ over a narrow range).
    static func logarithmic(_ low: Double, _ high: Double) -> AxisScale {
        var (lo, hi) = (min(low, high), max(low, high))
        if !(lo > 0) || !hi.isFinite { (lo, hi) = (0.5, 2) }
        if hi / lo < 1.5 { (lo, hi) = (lo / 1.25, hi * 1.25) }
        (lo, hi) = (lo / 1.1, hi * 1.1)
        let firstPower = Int(log10(lo).rounded(.down))
        let lastPower = Int(log10(hi).rounded(.up))
        var best: [Double] = []
        for multipliers in [[1.0], [1.0, 2, 5], [1.0, 1.5, 2, 3, 5, 7]] {
            var candidates: [Double] = []
            for power in firstPower...lastPower {
                for m in multipliers { candidates.append(m * pow(10, Double(power))) }
            }
            best = candidates.filter { $0 >= lo && $0 <= hi }
            if best.count >= 3 { break }
        }
        if best.count > 8 {
            best = Swift.stride(from: 0, to: best.count, by: (best.count + 7) / 8).map { best[$0] }
        }
        let smallest = best.min() ?? lo
        return AxisScale(lower: lo, upper: hi, ticks: best, step: smallest / 10, logarithmic: true)
    }

    private static func ticks(from first: Double, to last: Double, step: Double) -> [Double] {
        guard step > 0, last >= first else { return [] }
        let count = Int(((last - first) / step + 1e-9).rounded(.down))
        let digits = ChartValueFormat.decimals(step)
        var scale = 1.0
        for _ in 0..<min(digits + 2, 12) { scale *= 10 }
        return (0...min(count, 100)).map { i in
            let value = first + Double(i) * step
            let rounded = (value * scale).rounded() / scale
            return rounded == 0 ? 0 : rounded
        }
    }

    /// Heckbert's nice number: 1, 2, 5 or 10 × 10ᵏ near `x`.
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = log10(x).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }
}
