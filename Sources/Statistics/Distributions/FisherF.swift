import Foundation

/// Fisher's F distribution with ν₁ (numerator) and ν₂ (denominator) degrees of
/// freedom; both may be fractional or +∞.
///
/// With z = ν₁x,
///
///     P(F ≤ x) = I_w(ν₁/2, ν₂/2),   w = z/(ν₂ + z),   1 − w = ν₂/(ν₂ + z)
///
/// (A&S 26.6.2), lower and upper tails each computed directly by
/// `SpecialFunctions.incompleteBeta`; ν₂ = ∞ gives χ²(ν₁)/ν₁ and ν₁ = ∞ gives
/// ν₂/χ²(ν₂) — all as R's `pf`.
///
/// `quantile` brackets the root on the log scale and polishes it by Brent's
/// method on ln P(F ≤ x) (p ≤ ½) or ln P(F > x) (p > ½), to full precision (R's
/// `qf`, which inverts the incomplete beta with `qbeta`). A non-positive or NaN
/// degrees of freedom gives NaN.
public struct FisherF: ContinuousDistribution {
    public let numerator: Double
    public let denominator: Double

    public init(numerator: Double, denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    private var isValid: Bool { numerator > 0 && denominator > 0 }

    /// The density (R's `df(x, df1, df2)`), for finite degrees of freedom.
    public func pdf(_ x: Double) -> Double {
        guard isValid, numerator.isFinite, denominator.isFinite, !x.isNaN else { return .nan }
        if x < 0 || x.isInfinite { return 0 }
        let a = numerator / 2
        let b = denominator / 2
        if x == 0 { return a < 1 ? .infinity : (a == 1 ? 1 : 0) }
        let z = numerator * x
        let logDensity =
            a * log(z / (denominator + z)) + b * log(denominator / (denominator + z))
            - SpecialFunctions.logBeta(a, b) - log(x)
        return exp(logDensity)
    }

    /// P(F ≤ x) (R's `pf(x, df1, df2)`).
    public func cdf(_ x: Double) -> Double {
        tails(x).lower
    }

    /// P(F > x) (R's `pf(x, df1, df2, lower.tail = FALSE)`).
    public func sf(_ x: Double) -> Double {
        tails(x).upper
    }

    /// The p-quantile (R's `qf(p, df1, df2)`).
    public func quantile(_ p: Double) -> Double {
        guard isValid, p >= 0, p <= 1 else { return .nan }
        if numerator.isInfinite && denominator.isInfinite { return p == 0 ? 0 : (p == 1 ? .infinity : 1) }
        return RootFinding.positiveQuantile(p, start: 1, cdf: cdf, sf: sf)
    }

    private func tails(_ x: Double) -> (lower: Double, upper: Double) {
        guard isValid, !x.isNaN else { return (.nan, .nan) }
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        switch (numerator.isInfinite, denominator.isInfinite) {
        case (true, true):
            return x < 1 ? (0, 1) : (1, 0)
        case (false, true):
            let chiSquared = ChiSquared(degreesOfFreedom: numerator)
            return (chiSquared.cdf(x * numerator), chiSquared.sf(x * numerator))
        case (true, false):
            let chiSquared = ChiSquared(degreesOfFreedom: denominator)
            return (chiSquared.sf(denominator / x), chiSquared.cdf(denominator / x))
        case (false, false):
            let z = numerator * x
            if z.isInfinite { return (1, 0) }
            return SpecialFunctions.incompleteBeta(
                a: numerator / 2, b: denominator / 2, x: z / (denominator + z), y: denominator / (denominator + z))
        }
    }
}
