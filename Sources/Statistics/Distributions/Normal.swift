import Foundation

/// The normal distribution N(μ, σ²).
///
/// - `cdf(x)` = Φ(z) = ½·erfc(−z/√2) and `sf(x)` = ½·erfc(z/√2) with
///   z = (x − μ)/σ: the upper tail comes from `erfc` directly, never from
///   1 − Φ, so `sf(37)` ≈ 5.7e-300 keeps its digits (R's `pnorm`, which uses
///   Cody's 1969 rational approximations; the two agree to about 1e-13
///   relative down to the underflow at |z| ≈ 38.5).
/// - `quantile(p)` is Wichura's algorithm AS 241 (PPND16, *Applied
///   Statistics* 37:477–484, 1988), rational approximations accurate to about
///   1e-16 — the algorithm of R's `qnorm`.
///
/// σ = 0 is the point mass at μ (as in R); σ < 0 or a non-finite parameter
/// gives NaN.
public struct Normal: ContinuousDistribution {
    public let mean: Double
    public let sd: Double

    public init(mean: Double = 0, sd: Double = 1) {
        self.mean = mean
        self.sd = sd
    }

    private var isValid: Bool { mean.isFinite && sd.isFinite && sd >= 0 }

    /// The density φ((x − μ)/σ)/σ (R's `dnorm`).
    public func pdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if sd == 0 { return x == mean ? .infinity : 0 }
        let z = (x - mean) / sd
        return exp(-0.5 * z * z) / (sd * (2 * Double.pi).squareRoot())
    }

    /// P(X ≤ x) (R's `pnorm(x, mean, sd)`).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if sd == 0 { return x < mean ? 0 : 1 }
        return Normal.standardCDF((x - mean) / sd)
    }

    /// P(X > x) (R's `pnorm(x, mean, sd, lower.tail = FALSE)`).
    public func sf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if sd == 0 { return x < mean ? 1 : 0 }
        return Normal.standardCDF(-(x - mean) / sd)
    }

    /// The p-quantile μ + σ·Φ⁻¹(p) (R's `qnorm(p, mean, sd)`).
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if sd == 0 { return mean }
        return mean + sd * Normal.standardQuantile(p)
    }

    /// Φ(z) = ½·erfc(−z/√2).
    static func standardCDF(_ z: Double) -> Double {
        0.5 * erfc(-z * 0.5.squareRoot())
    }

    /// Φ(z) − ½ = ½·erf(z/√2), without cancellation near z = 0.
    static func standardCentral(_ z: Double) -> Double {
        0.5 * erf(z * 0.5.squareRoot())
    }

    /// Φ⁻¹(p) by Wichura's AS 241 (PPND16), p in [0, 1].
    static func standardQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let numerator: Double =
                (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r
                    + 6.7265770927008700853e4) * r + 4.5921953931549871457e4) * r
                    + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r
                    + 1.3314166789178437745e2) * r + 3.3871328727963666080e0)
            let denominator: Double =
                (((((((5.2264952788528545610e3 * r + 2.8729085735721942674e4) * r
                    + 3.9307895800092710610e4) * r + 2.1213794301586595867e4) * r
                    + 5.3941960214247511077e3) * r + 6.8718700749205790830e2) * r
                    + 4.2313330701600911252e1) * r + 1.0)
            return q * numerator / denominator
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let numerator: Double =
                (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258e0) * r
                    + 3.64784832476320460504e0) * r + 5.76949722146069140550e0) * r
                    + 4.63033784615654529590e0) * r + 1.42343711074968357734e0)
            let denominator: Double =
                (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                    + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                    + 6.89767334985100004550e-1) * r + 1.67638483018380384940e0) * r
                    + 2.05319162663775882187e0) * r + 1.0)
            value = numerator / denominator
        } else {
            r -= 5
            let numerator: Double =
                (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
                    + 2.96560571828504891230e-1) * r + 1.78482653991729133580e0) * r
                    + 5.46378491116411436990e0) * r + 6.65790464350110377720e0)
            let denominator: Double =
                (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                    + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                    + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                    + 5.99832206555887937690e-1) * r + 1.0)
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }
}
