import Foundation

extension SpecialFunctions {
    /// The regularized lower incomplete gamma function
    /// P(a, x) = γ(a, x)/Γ(a) = (1/Γ(a)) ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt, for a > 0, x ≥ 0
    /// (R's `pgamma(x, a)`).
    public static func regularizedGammaP(a: Double, x: Double) -> Double {
        incompleteGamma(a: a, x: x).lower
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x),
    /// computed directly where it is small (R's `pgamma(x, a, lower.tail = FALSE)`).
    static func regularizedGammaQ(a: Double, x: Double) -> Double {
        incompleteGamma(a: a, x: x).upper
    }

    /// P(a, x) and Q(a, x).
    ///
    /// For x < a + 1 the series
    ///
    ///     P(a, x) = xᵃ e⁻ˣ / Γ(a + 1) · Σₙ₌₀ xⁿ / ((a + 1)(a + 2)…(a + n))
    ///
    /// (A&S 6.5.29), otherwise the continued fraction
    ///
    ///     Q(a, x) = xᵃ e⁻ˣ / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
    ///
    /// (A&S 6.5.31; *Numerical Recipes* §6.2) by the modified Lentz method.
    /// Each branch computes the tail that is not close to 1, the other is its
    /// complement. Relative accuracy is about 1e-13 for a up to a few hundred;
    /// the log-scale prefactor loses about a·ε beyond that.
    static func incompleteGamma(a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, a.isFinite, x >= 0 else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let logX = log(x)
        if x < a + 1 {
            var term = 1.0
            var sum = 1.0
            var n = 1.0
            while n < 100_000 {
                term *= x / (a + n)
                sum += term
                if term <= sum * Double.ulpOfOne / 2 { break }
                n += 1
            }
            let lower = exp(a * logX - x - logGamma(a + 1)) * sum
            return (lower, 1 - lower)
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let coefficient = -i * (i - a)
            b += 2
            d = coefficient * d + b
            if abs(d) < tiny { d = tiny }
            c = b + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
            i += 1
        }
        let upper = exp(a * logX - x - logGamma(a)) * h
        return (1 - upper, upper)
    }
}
