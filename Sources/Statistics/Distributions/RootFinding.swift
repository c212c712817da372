import Foundation

/// Root finding for quantiles and for the noncentral-t parameter.
enum RootFinding {
    /// A root of `f` in [a, b], where f(a) and f(b) have opposite signs, by
    /// Brent's method (Brent 1973, *Algorithms for Minimization without
    /// Derivatives*, ch. 4, `zeroin`; R's `uniroot` uses the same algorithm):
    /// inverse quadratic interpolation or secant steps, falling back to
    /// bisection whenever they do not shrink the bracket fast enough, so it
    /// always converges. Stops when the bracket is below
    /// 2ε·|x| + `absoluteTolerance` / 2.
    ///
    /// Non-finite function values (a tail probability that underflowed to 0
    /// gives −∞ on the log scale) are replaced by ±10⁴, which keeps the sign
    /// and makes the step a bisection.
    static func brent(
        _ f: (Double) -> Double, lower a0: Double, upper b0: Double,
        fLower fa0: Double, fUpper fb0: Double,
        absoluteTolerance: Double = 0, maxIterations: Int = 300
    ) -> Double {
        func finite(_ value: Double) -> Double {
            value.isFinite ? value : (value > 0 ? 1e4 : -1e4)
        }
        var a = a0
        var b = b0
        var fa = finite(fa0)
        var fb = finite(fb0)
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maxIterations {
            if (fb > 0) == (fc > 0) {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b
                b = c
                c = a
                fa = fb
                fb = fc
                fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 0.5 * absoluteTolerance
            let half = 0.5 * (c - b)
            if abs(half) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * half * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * half * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = half
                    e = d
                }
            } else {
                d = half
                e = d
            }
            a = b
            fa = fb
            if abs(d) > tolerance {
                b += d
            } else {
                b += half > 0 ? tolerance : -tolerance
            }
            fb = finite(f(b))
        }
        return b
    }

    /// The x > 0 with `residual(x) = 0`, for a residual that increases with x,
    /// searched from `start`.
    ///
    /// A bracket is found by stepping ln x by 1, 2, 4, … from ln(start); the
    /// root is then polished by `brent` to full double precision. Returns 0
    /// when the residual is still positive at x = 10⁻³⁰⁸ and +∞ when it is
    /// still negative at 10³⁰⁸.
    static func positiveRoot(start: Double, _ residual: (Double) -> Double) -> Double {
        let logLimit = 709.0
        var logStart = start > 0 && start.isFinite ? log(start) : 0
        logStart = min(max(logStart, -logLimit), logLimit)
        let fStart = residual(exp(logStart))
        if fStart.isNaN { return .nan }
        if fStart == 0 { return exp(logStart) }
        var near = logStart
        var fNear = fStart
        var step = 1.0
        if fStart < 0 {
            while true {
                let far = min(near + step, logLimit)
                let fFar = residual(exp(far))
                if fFar.isNaN { return .nan }
                if fFar >= 0 {
                    return brent(residual, lower: exp(near), upper: exp(far), fLower: fNear, fUpper: fFar)
                }
                if far >= logLimit { return .infinity }
                near = far
                fNear = fFar
                step *= 2
            }
        } else {
            while true {
                let far = max(near - step, -logLimit)
                let fFar = residual(exp(far))
                if fFar.isNaN { return .nan }
                if fFar <= 0 {
                    return brent(residual, lower: exp(far), upper: exp(near), fLower: fFar, fUpper: fNear)
                }
                if far <= -logLimit { return 0 }
                near = far
                fNear = fFar
                step *= 2
            }
        }
    }

    /// The quantile of a distribution on (0, ∞) from its `cdf` and `sf`:
    /// solves ln F(x) = ln p for p ≤ ½ and ln S(x) = ln(1 − p) above, so both
    /// tails are inverted with relative precision.
    static func positiveQuantile(
        _ p: Double, start: Double, cdf: (Double) -> Double, sf: (Double) -> Double
    ) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        if p <= 0.5 {
            let target = log(p)
            return positiveRoot(start: start) { log(cdf($0)) - target }
        }
        let target = log1p(-p)
        return positiveRoot(start: start) { target - log(sf($0)) }
    }
}
