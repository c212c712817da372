import Foundation

/// Minimisation of a function of one variable on a bounded interval by Brent's
/// method: golden-section search safeguarding successive parabolic
/// interpolation.
///
/// Reference: R. P. Brent (1973), *Algorithms for Minimization without
/// Derivatives*, Prentice-Hall, chapter 5 (procedure `localmin`); the same
/// method as R's `optimize()`. The function is never evaluated at the end
/// points. The located minimiser is accurate to about
/// `√ε·|x| + tolerance/3` (ε the machine epsilon): finer accuracy is not
/// attainable from function values alone, because f is flat to second order
/// near a minimum.
struct BrentMinimizer {
    /// The minimiser found and the function value there.
    struct Result {
        var x: Double
        var value: Double
        var evaluations: Int
    }

    /// Absolute tolerance on x (added to the relative √ε part).
    var tolerance: Double = 1e-10
    /// Upper limit on function evaluations.
    var maximumEvaluations: Int = 500

    /// Minimises `f` over `[lower, upper]` (a local minimum if f is not unimodal there).
    func minimize(_ f: (Double) throws -> Double, lower: Double, upper: Double) rethrows -> Result {
        precondition(lower < upper, "empty interval [\(lower), \(upper)]")
        let golden = (3 - 5.0.squareRoot()) / 2
        let relative = Double.ulpOfOne.squareRoot()
        var a = lower, b = upper
        var x = a + golden * (b - a)
        var w = x, v = x
        var fx = try f(x)
        var fw = fx, fv = fx
        var step = 0.0  // the step taken on the last iteration
        var previous = 0.0  // the step before it
        var evaluations = 1
        while evaluations < maximumEvaluations {
            let middle = (a + b) / 2
            let tol1 = relative * abs(x) + tolerance / 3
            let tol2 = 2 * tol1
            if abs(x - middle) <= tol2 - (b - a) / 2 { break }
            var useGolden = true
            if abs(previous) > tol1 {
                // Parabola through (v, fv), (w, fw), (x, fx).
                var r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = previous
                previous = step
                if abs(p) < abs(q * r / 2) && p > q * (a - x) && p < q * (b - x) {
                    step = p / q
                    let u = x + step
                    if u - a < tol2 || b - u < tol2 { step = x < middle ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                previous = (x < middle ? b : a) - x
                step = golden * previous
            }
            let u = x + (abs(step) >= tol1 ? step : (step > 0 ? tol1 : -tol1))
            let fu = try f(u)
            evaluations += 1
            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w
                fv = fw
                w = x
                fw = fx
                x = u
                fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w
                    fv = fw
                    w = u
                    fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u
                    fv = fu
                }
            }
        }
        return Result(x: x, value: fx, evaluations: evaluations)
    }
}
