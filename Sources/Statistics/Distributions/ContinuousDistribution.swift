/// A univariate continuous probability distribution, as used for p-values and
/// confidence limits.
///
/// Conventions shared by every conforming type (they follow R's `p*`/`q*`
/// functions):
///
/// - `cdf(x)` is P(X ≤ x) and `sf(x)` is P(X > x). `sf` is computed directly,
///   never as `1 − cdf`, so that upper-tail p-values keep their relative
///   accuracy far out in the tail (for example `sf(40)` of a t distribution).
/// - `quantile(p)` is the inverse of `cdf` for p in [0, 1]: `quantile(0)` is the
///   lower end of the support (−∞ or 0) and `quantile(1)` the upper end (+∞).
/// - Invalid parameters (a negative or NaN degrees of freedom, a negative
///   standard deviation, …), a NaN argument and a probability outside [0, 1]
///   give NaN, where R gives `NaN` with a warning.
public protocol ContinuousDistribution: Sendable {
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// P(X > x), computed accurately in the upper tail.
    func sf(_ x: Double) -> Double
    /// The p-quantile: the x with P(X ≤ x) = p, for p in [0, 1].
    func quantile(_ p: Double) -> Double
}
