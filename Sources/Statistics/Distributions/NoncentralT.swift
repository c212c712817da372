import Foundation

/// The noncentral t distribution with ν degrees of freedom and noncentrality δ:
/// the law of (Z + δ)/√(V/ν), Z standard normal, V ~ χ²(ν) independent.
///
/// `cdf` is Lenth's algorithm AS 243 (*Applied Statistics* 38:185–189, 1989)
/// with R's amendments, i.e. R's `pt(t, df, ncp)`: for t ≥ 0
///
///     P(T ≤ t) = Φ(−δ) + Σⱼ (pⱼ·I_x(j + ½, ν/2) + qⱼ·I_x(j + 1, ν/2)),   x = t²/(ν + t²),
///     pⱼ = ½ e^(−δ²/2) (δ²/2)ʲ / j!,   qⱼ = δ e^(−δ²/2) (δ²/2)ʲ / (√2·Γ(j + 3/2)),
///
/// the incomplete betas updated by recurrence (Guenther 1978), summed until
/// the error bound 2·(½ − Σpⱼ)·(remaining I_x) drops below 10⁻¹², for at most
/// 1000 terms. For t < 0 it uses P(T ≤ t; δ) = 1 − P(T ≤ −t; −δ). For ν > 4·10⁵
/// or δ² > 2·ln 2·1021 ≈ 1415 it uses the normal approximation (A&S 26.7.10)
/// Φ((t(1 − 1/(4ν)) − δ) / √(1 + t²/(2ν))), and for t < 0 with δ > 40 it returns
/// 0, as R does.
///
/// Accuracy is therefore R's: about 1e-12 *absolute*. In particular `sf` is
/// 1 − `cdf` on the side where the series is summed (as in R, whose
/// `lower.tail = FALSE` is the same complement), so upper-tail values below
/// about 1e-10 carry few correct digits — fine for confidence limits at
/// 0.025/0.975, not for far-tail p-values.
///
/// `quantile` solves cdf(x) = p by Brent's method (R's `qt(p, df, ncp)`
/// bisects to a relative 1e-13). A non-positive or NaN ν, or a non-finite δ,
/// gives NaN. δ = 0 is `StudentT`.
public struct NoncentralT: ContinuousDistribution {
    public let degreesOfFreedom: Double
    public let noncentrality: Double

    public init(degreesOfFreedom: Double, noncentrality: Double) {
        self.degreesOfFreedom = degreesOfFreedom
        self.noncentrality = noncentrality
    }

    private var isValid: Bool { degreesOfFreedom > 0 && noncentrality.isFinite }

    /// P(T ≤ t) (R's `pt(t, df, ncp)`).
    public func cdf(_ t: Double) -> Double {
        guard isValid, !t.isNaN else { return .nan }
        if noncentrality == 0 { return StudentT(degreesOfFreedom: degreesOfFreedom).cdf(t) }
        return probability(t, lowerTail: true)
    }

    /// P(T > t) (R's `pt(t, df, ncp, lower.tail = FALSE)`); see the accuracy note above.
    public func sf(_ t: Double) -> Double {
        guard isValid, !t.isNaN else { return .nan }
        if noncentrality == 0 { return StudentT(degreesOfFreedom: degreesOfFreedom).sf(t) }
        return probability(t, lowerTail: false)
    }

    /// The p-quantile (R's `qt(p, df, ncp)`), by bracketing and Brent's method on `cdf`.
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if noncentrality == 0 { return StudentT(degreesOfFreedom: degreesOfFreedom).quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let residual = { (x: Double) in self.cdf(x) - p }
        // Start at the normal approximation δ + z and widen until the cdf crosses p.
        var lower = noncentrality + Normal.standardQuantile(p) - 1
        var upper = noncentrality + Normal.standardQuantile(p) + 1
        var step = 1.0
        var fLower = residual(lower)
        while fLower > 0 {
            upper = lower
            step *= 2
            lower -= step
            fLower = residual(lower)
            if lower < -1e300 { return -.infinity }
        }
        var fUpper = residual(upper)
        step = 1
        while fUpper < 0 {
            lower = upper
            fLower = fUpper
            step *= 2
            upper += step
            fUpper = residual(upper)
            if upper > 1e300 { return .infinity }
        }
        return RootFinding.brent(residual, lower: lower, upper: upper, fLower: fLower, fUpper: fUpper)
    }

    /// R's `pnt(t, df, ncp, lower_tail, log_p = FALSE)`.
    private func probability(_ t: Double, lowerTail: Bool) -> Double {
        let df = degreesOfFreedom
        let ncp = noncentrality
        if t.isInfinite { return (t < 0) == lowerTail ? 0 : 1 }
        let negativeDelta: Bool
        let tt: Double
        let delta: Double
        if t >= 0 {
            negativeDelta = false
            tt = t
            delta = ncp
        } else {
            // P(T ≤ t) ≤ P(T ≤ 0) = Φ(−δ): negligible for δ > 40.
            if ncp > 40 { return lowerTail ? 0 : 1 }
            negativeDelta = true
            tt = -t
            delta = -ncp
        }
        let lower = lowerTail != negativeDelta
        if df > 4e5 || delta * delta > 2 * M_LN2 * 1021 {
            let s = 1 / (4 * df)
            let approximation = Normal(mean: delta, sd: (1 + tt * tt * 2 * s).squareRoot())
            return lower ? approximation.cdf(tt * (1 - s)) : approximation.sf(tt * (1 - s))
        }

        let errorMax = 1e-12
        let iterationMax = 1000
        var x = t * t
        x /= x + df
        var tnc = 0.0
        if x > 0 {
            let lambda = delta * delta
            var p = 0.5 * exp(-0.5 * lambda)
            if p == 0 { return lower ? 0 : 1 }
            var q = (2 / Double.pi).squareRoot() * p * delta
            var s = 0.5 - p
            if s < 1e-7 { s = -0.5 * expm1(-0.5 * lambda) }
            var a = 0.5
            let b = 0.5 * df
            let rxb = pow(df / (t * t + df), b)
            let logBetaTerm = 0.5 * log(Double.pi) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(0.5 + b)
            var xOdd = SpecialFunctions.incompleteBeta(a: a, b: b, x: x, y: df / (t * t + df)).lower
            var gOdd = 2 * rxb * exp(a * log(x) - logBetaTerm)
            tnc = b * x
            var xEven = tnc < Double.ulpOfOne ? tnc : 1 - rxb
            var gEven = tnc * rxb
            tnc = p * xOdd + q * xEven
            for iteration in 1...iterationMax {
                a += 1
                xOdd -= gOdd
                xEven -= gEven
                gOdd *= x * (a + b - 1) / a
                gEven *= x * (a + b - 0.5) / (a + 0.5)
                p *= lambda / Double(2 * iteration)
                q *= lambda / Double(2 * iteration + 1)
                tnc += p * xOdd + q * xEven
                s -= p
                // Rounding has eaten the Poisson weights (R ≥ 2.4.0 stops here too).
                if s < -1e-10 { break }
                if s <= 0 && iteration > 1 { break }
                let errorBound = 2 * s * (xOdd - gOdd)
                if abs(errorBound) < errorMax { break }
            }
        }
        tnc += Normal.standardCDF(-delta)
        let value = min(tnc, 1)
        return lower ? value : 1 - value
    }
}

extension NoncentralT {
    /// The noncentrality δ with P(T ≤ t; ν, δ) = `probability`, or nil when
    /// there is none (invalid arguments, or a probability outside (0, 1)).
    ///
    /// P(T ≤ t; ν, δ) decreases strictly in δ from 1 to 0, so the root is
    /// unique; it is bracketed by stepping out from δ = t and found by Brent's
    /// method to full precision. This gives the confidence limits of Cohen's
    /// d_z = t/√n: the δ with probability 0.975 and 0.025 at the observed t,
    /// ν = n − 1, divided by √n (Steiger & Fouladi 1997; Cumming & Finch 2001),
    /// as `MBESS::conf.limits.nct` computes them with R's `pt`.
    public static func noncentrality(forCDF probability: Double, at t: Double, degreesOfFreedom: Double) -> Double? {
        guard probability > 0, probability < 1, t.isFinite, degreesOfFreedom > 0 else { return nil }
        let residual = { (delta: Double) -> Double in
            NoncentralT(degreesOfFreedom: degreesOfFreedom, noncentrality: delta).cdf(t) - probability
        }
        let limit = 1e6
        var lower = t - 1
        var upper = t + 1
        var fLower = residual(lower)
        var step = 1.0
        while fLower < 0 {  // the cdf is too small: δ must be smaller
            upper = lower
            step *= 2
            lower -= step
            if lower < -limit { return nil }
            fLower = residual(lower)
        }
        var fUpper = residual(upper)
        step = 1
        while fUpper > 0 {
            lower = upper
            fLower = fUpper
            step *= 2
            upper += step
            if upper > limit { return nil }
            fUpper = residual(upper)
        }
        guard fLower.isFinite, fUpper.isFinite else { return nil }
        let root = RootFinding.brent(
            residual, lower: lower, upper: upper, fLower: fLower, fUpper: fUpper, absoluteTolerance: 1e-300)
        return root.isFinite ? root : nil
    }
}
