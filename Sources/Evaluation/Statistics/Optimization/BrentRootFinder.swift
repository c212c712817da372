import Foundation

/// A zero of a continuous function of one variable inside a bracket
/// `[a, b]` with `f(a)·f(b) ≤ 0`, by Brent's method: bisection safeguarding
/// secant steps and inverse quadratic interpolation.
///
/// Reference: R. P. Brent (1973), *Algorithms for Minimization without
/// Derivatives*, Prentice-Hall, chapter 4 (procedure `zero`); the same method
/// as R's `uniroot()`. Converges to within `2ε|x| + tolerance/2`.
struct BrentRootFinder {
    /// Absolute tolerance on the root.
    var tolerance: Double = 1e-14
    /// Upper limit on function evaluations.
    var maximumEvaluations: Int = 200

    /// The root in `[a, b]`, or `nil` when `f(a)` and `f(b)` have the same strict sign.
    func root(_ f: (Double) throws -> Double, between lower: Double, and upper: Double) rethrows -> Double? {
        var a = lower, b = upper
        var fa = try f(a), fb = try f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        if (fa > 0) == (fb > 0) { return nil }
        var c = a, fc = fa
        var d = b - a, e = d
        var evaluations = 2
        while evaluations < maximumEvaluations {
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
            let tol1 = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            let half = (c - b) / 2
            if abs(half) <= tol1 || fb == 0 { return b }
            if abs(e) >= tol1 && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * half * s  // secant
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc  // inverse quadratic interpolation
                    p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * half * q - abs(tol1 * q), abs(e * q)) {
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
            b += abs(d) > tol1 ? d : (half > 0 ? tol1 : -tol1)
            fb = try f(b)
            evaluations += 1
        }
        return b
    }
}
