import Foundation

/// Student's t distribution with ν degrees of freedom; ν may be fractional
/// (Satterthwaite and Bell–McCaffrey degrees of freedom such as 2.37) or +∞
/// (the standard normal).
///
/// For t ≥ 0 the upper tail is
///
///     P(T > t) = ½·I_w(ν/2, ½),   w = ν/(ν + t²),   1 − w = t²/(ν + t²)
///
/// (A&S 26.7.1 with 26.5.27), with both w and 1 − w formed directly so the far
/// tail (t = ±40 with ν = 30, p ≈ 1e-27) keeps its relative precision; the
/// other tail follows by symmetry. This is R's `pt`, including its shortcut
/// for t² > 10¹⁰⁰·ν, the leading term ν^(ν/2) t^(−ν) / (ν·B(ν/2, ½)) of the
/// series. Large finite ν (10⁶) goes through the incomplete beta as well, as
/// in R ≥ 4; there the agreement with R is about 3e-11 relative instead of
/// 1e-13 (see `SpecialFunctions.incompleteBeta`).
///
/// `quantile` inverts the tail (p < ¼ or p > ¾) or the central probability
/// P(0 < T ≤ t) = ½·I_{1−w}(½, ν/2) (otherwise) by Brent's method on the log
/// scale, so it is accurate to full precision in both the far tails and near
/// the median (R's `qt`, which refines Hill's AS 396 start by Newton steps on
/// `pt`). ν ≤ 0 or NaN gives NaN.
public struct StudentT: ContinuousDistribution {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var isValid: Bool { degreesOfFreedom > 0 }

    /// The density Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2) (R's `dt`).
    public func pdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        let n = degreesOfFreedom
        if n.isInfinite { return Normal().pdf(x) }
        if x.isInfinite { return 0 }
        return exp(
            -SpecialFunctions.logBeta(n / 2, 0.5) - 0.5 * log(n) - (n + 1) / 2 * log1p(x * x / n))
    }

    /// P(T ≤ x) (R's `pt(x, df)`).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return x <= 0 ? upperTail(-x) : 1 - upperTail(x)
    }

    /// P(T > x) (R's `pt(x, df, lower.tail = FALSE)`).
    public func sf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        return x >= 0 ? upperTail(x) : 1 - upperTail(-x)
    }

    /// The p-quantile (R's `qt(p, df)`).
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        let n = degreesOfFreedom
        if n.isInfinite { return Normal.standardQuantile(p) }
        let isLower = p < 0.5
        let tail = isLower ? p : 1 - p  // exact for p ≥ ½
        let normalGuess = -Normal.standardQuantile(tail)
        let x: Double
        if tail < 0.25 {
            // Leading term of the tail: P(T > t) ≈ ν^(ν/2) t^(−ν) / (ν·B(ν/2, ½)).
            let logTailGuess =
                (0.5 * n * log(n) - SpecialFunctions.logBeta(n / 2, 0.5) - log(n) - log(tail)) / n
            let start = max(normalGuess, exp(min(logTailGuess, 700)))
            let target = log(tail)
            x = RootFinding.positiveRoot(start: start) { target - log(upperTail($0)) }
        } else {
            let target = log(0.5 - tail)  // exact: tail is in [¼, ½)
            x = RootFinding.positiveRoot(start: normalGuess) { log(central($0)) - target }
        }
        return isLower ? -x : x
    }

    /// P(T > x) for x ≥ 0.
    func upperTail(_ x: Double) -> Double {
        let n = degreesOfFreedom
        if x.isInfinite { return 0 }
        if n.isInfinite { return Normal.standardCDF(-x) }
        let s = x * x
        if 1 + (x / n) * x > 1e100 {
            let logValue = -0.5 * n * (2 * log(x) - log(n)) - SpecialFunctions.logBeta(0.5 * n, 0.5) - log(0.5 * n)
            return exp(logValue) / 2
        }
        return SpecialFunctions.incompleteBeta(a: n / 2, b: 0.5, x: n / (n + s), y: s / (n + s)).lower / 2
    }

    /// P(0 < T ≤ x) = P(T ≤ x) − ½ for x ≥ 0, without cancellation.
    func central(_ x: Double) -> Double {
        let n = degreesOfFreedom
        if x.isInfinite { return 0.5 }
        if n.isInfinite { return Normal.standardCentral(x) }
        let s = x * x
        if 1 + (x / n) * x > 1e100 { return 0.5 - upperTail(x) }
        return SpecialFunctions.incompleteBeta(a: n / 2, b: 0.5, x: n / (n + s), y: s / (n + s)).upper / 2
    }
}
