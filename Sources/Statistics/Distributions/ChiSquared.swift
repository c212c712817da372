import Foundation

/// The chi-squared distribution with k degrees of freedom (k may be
/// fractional; k = 0 is the point mass at 0, as in R).
///
/// P(X ≤ x) = P(k/2, x/2) and P(X > x) = Q(k/2, x/2), the regularized
/// incomplete gamma functions (A&S 26.4.19), each computed directly in its own
/// tail by `SpecialFunctions.incompleteGamma` — R's `pchisq`.
///
/// `quantile` starts from the Wilson–Hilferty approximation
/// x ≈ k·(1 − 2/(9k) + z·√(2/(9k)))³ (or, in the far lower tail, from
/// P(k/2, x/2) ≈ (x/2)^(k/2)/Γ(k/2 + 1)), brackets the root on the log scale
/// and polishes it by Brent's method on ln P (p ≤ ½) or ln Q (p > ½) to full
/// precision — R's `qchisq` reaches the same root by Newton steps. k < 0, a
/// non-finite k or NaN gives NaN.
public struct ChiSquared: ContinuousDistribution {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    private var isValid: Bool { degreesOfFreedom >= 0 && degreesOfFreedom.isFinite }

    /// The density x^(k/2 − 1) e^(−x/2) / (2^(k/2) Γ(k/2)) (R's `dchisq`).
    public func pdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        let a = degreesOfFreedom / 2
        if x < 0 || x.isInfinite { return 0 }
        if a == 0 { return x == 0 ? .infinity : 0 }
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 0.5 : 0) }
        return exp((a - 1) * log(x / 2) - x / 2 - SpecialFunctions.logGamma(a)) / 2
    }

    /// P(X ≤ x) (R's `pchisq(x, df)`).
    public func cdf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if degreesOfFreedom == 0 { return x < 0 ? 0 : 1 }
        if x <= 0 { return 0 }
        return SpecialFunctions.incompleteGamma(a: degreesOfFreedom / 2, x: x / 2).lower
    }

    /// P(X > x) (R's `pchisq(x, df, lower.tail = FALSE)`).
    public func sf(_ x: Double) -> Double {
        guard isValid, !x.isNaN else { return .nan }
        if degreesOfFreedom == 0 { return x < 0 ? 1 : 0 }
        if x <= 0 { return 1 }
        return SpecialFunctions.incompleteGamma(a: degreesOfFreedom / 2, x: x / 2).upper
    }

    /// The p-quantile (R's `qchisq(p, df)`).
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if degreesOfFreedom == 0 { return 0 }
        let k = degreesOfFreedom
        let a = k / 2
        let c = 2 / (9 * k)
        let z = Normal.standardQuantile(p)
        let cube = 1 - c + z * c.squareRoot()
        let wilsonHilferty = k * cube * cube * cube
        let lowerTailGuess = 2 * exp((log(p) + SpecialFunctions.logGamma(a + 1)) / a)
        let start = wilsonHilferty > 0 && p > 0.01 ? wilsonHilferty : min(max(lowerTailGuess, 1e-300), 1e300)
        return RootFinding.positiveQuantile(p, start: start, cdf: cdf, sf: sf)
    }
}
