import Foundation

extension KaplanMeierFit {
    /// R's tolerance for "the curve equals p": √(machine ε).
    static let quantileTolerance = Double.ulpOfOne.squareRoot()

    /// The median survival time with its confidence limits, exactly as
    /// `print(survfit(...))` reports `median`, `0.95LCL`, `0.95UCL`
    /// (survival's `survmean`): the first time Ŝ(t) ≤ ½; when Ŝ = ½ exactly
    /// over a stretch, the midpoint of that stretch's start and the time the
    /// curve next drops (the start if it never drops again). The limits are the
    /// same rule applied to the lower and upper bands. `nil` where R prints NA.
    ///
    /// `quantile(0.5)` (R's `quantile.survfit`) differs in one case only: when
    /// Ŝ stays at ½ up to the last observed time it takes the midpoint with that
    /// last time.
    public var median: SurvivalQuantile {
        SurvivalQuantile(
            estimate: Self.firstBelowHalf(survival.map { $0 }, time),
            lower: Self.firstBelowHalf(lower, time),
            upper: Self.firstBelowHalf(upper, time))
    }

    /// The p-th quantile of the survival time — the time by which a share p
    /// has had the event, i.e. where 1 − Ŝ(t) reaches p — with confidence limits
    /// from the bands, as R's `quantile(fit, probs = p)` (survival's `findq`):
    /// when 1 − Ŝ = p exactly over a stretch, the midpoint of the stretch.
    /// - Parameter p: a probability in [0, 1].
    public func quantile(_ p: Double) -> SurvivalQuantile {
        let x = [0] + time  // R's start time: 0 unless survfit was given another
        func curve(_ values: [Double?]) -> [Double?] { [0] + values.map { $0.map { 1 - $0 } } }
        return SurvivalQuantile(
            estimate: Self.findQuantile(x, curve(survival.map { $0 }), p),
            lower: Self.findQuantile(x, curve(lower), p),
            upper: Self.findQuantile(x, curve(upper), p))
    }

    /// `survmean`'s rule for the median on one curve (`y` = Ŝ, lower or upper band).
    static func firstBelowHalf(_ y: [Double?], _ x: [Double]) -> Double? {
        let tol = quantileTolerance
        let kept = zip(y, x).compactMap { pair -> (y: Double, x: Double)? in
            guard let value = pair.0, value < 0.5 + tol else { return nil }
            return (value, pair.1)
        }
        guard let first = kept.first else { return nil }
        if abs(first.y - 0.5) < tol, let drop = kept.first(where: { $0.y < first.y }) {
            return (first.x + drop.x) / 2
        }
        return first.x
    }

    /// `findq`: where the non-decreasing curve `y` (1 − Ŝ, with 0 at the start
    /// time) reaches `p`, as R computes it with constant interpolation of the
    /// knot index over y ± tolerance.
    static func findQuantile(_ x: [Double], _ y: [Double?], _ p: Double) -> Double? {
        let tol = quantileTolerance
        guard let maxY = y.compactMap({ $0 }).max(), maxY >= p, let xmax = x.last else { return nil }
        // Drop repeated values of y (NA counts as one value), keeping the first.
        var xs: [Double] = []
        var ys: [Double?] = []
        var seenMissing = false
        var seen = Set<Double>()
        for (value, at) in zip(y, x) {
            if let value {
                if seen.insert(value).inserted { xs.append(at); ys.append(value) }
            } else if !seenMissing {
                seenMissing = true
                xs.append(at)
                ys.append(nil)
            }
        }
        if p == 0 { return xs.first }
        // approx(y ± tol, index, p, method = "constant", f = 1): the knot with the
        // smallest value ≥ p, or none when p is outside the knots' range.
        func knot(_ shift: Double) -> Int? {
            let knots = ys.indices.compactMap { k in ys[k].map { (value: $0 + shift, index: k) } }
            guard let low = knots.map(\.value).min(), let high = knots.map(\.value).max(),
                p >= low, p <= high
            else { return nil }
            return knots.filter { $0.value >= p }.min { $0.value < $1.value }?.index
        }
        guard let first = knot(tol) else { return nil }
        if let last = ys.last, let lastValue = last, abs(p - lastValue) < tol {
            return (xs[first] + xmax) / 2
        }
        guard let second = knot(-tol) else { return nil }
        return (xs[first] + xs[second]) / 2
    }
}
