import Foundation

/// Special functions behind the distributions: log-gamma, log-beta and the
/// regularized incomplete beta and gamma functions.
///
/// The incomplete functions live in `SpecialFunctions+IncompleteBeta.swift` and
/// `SpecialFunctions+IncompleteGamma.swift`. Arguments outside the domain give
/// NaN.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0 (the C library's `lgamma_r`, as R's `lgamma` for
    /// positive arguments). Non-positive or NaN x gives NaN.
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0 else { return .nan }
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// The Stirling-series remainder
    /// δ(x) = ln Γ(x) − (x − ½)·ln x + x − ½·ln 2π
    ///      = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + …
    /// for x ≥ 10, where eight terms reach full double precision
    /// (R's internal `lgammacor`).
    static func stirlingCorrection(_ x: Double) -> Double {
        // B₂ₖ / (2k(2k − 1)) for k = 1…8.
        let coefficients: [Double] = [
            1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0,
            1.0 / 1188.0, -691.0 / 360_360.0, 1.0 / 156.0, -3617.0 / 122_400.0,
        ]
        let inverseSquare = 1 / (x * x)
        var sum = 0.0
        for coefficient in coefficients.reversed() {
            sum = sum * inverseSquare + coefficient
        }
        return sum / x
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0.
    ///
    /// When an argument is 10 or more the large ln Γ terms are cancelled
    /// analytically with Stirling's series (as R's `lbeta`), which keeps full
    /// relative precision for, e.g., B(2·10⁵, ½).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0 else { return .nan }
        let p = min(a, b)
        let q = max(a, b)
        if q.isInfinite { return -.infinity }
        if p >= 10 {
            let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q)
            return -0.5 * log(q) + 0.5 * log(2 * Double.pi) + correction
                + (p - 0.5) * log(p / (p + q)) + q * log1p(-p / (p + q))
        }
        if q >= 10 {
            let correction = stirlingCorrection(q) - stirlingCorrection(p + q)
            return logGamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return logGamma(p) + logGamma(q) - logGamma(p + q)
    }
}
