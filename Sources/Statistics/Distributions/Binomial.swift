import Foundation

/// The binomial distribution: the number of successes in n independent trials
/// with success probability π.
///
/// - `pmf(k)` = C(n, k) πᵏ (1 − π)ⁿ⁻ᵏ on the log scale, with
///   ln C(n, k) = −ln(n + 1) − ln B(k + 1, n − k + 1) (R's `dbinom`; about
///   1e-13 relative for n up to 10⁴).
/// - `cdf(k)` = P(X ≤ k) = 1 − I_π(k + 1, n − k) and `sf(k)` = P(X > k) =
///   I_π(k + 1, n − k) (A&S 26.5.24), each tail computed directly by
///   `SpecialFunctions.incompleteBeta` (R's `pbinom`).
/// - `quantile(p)` is the smallest k with P(X ≤ k) ≥ p·(1 − 64ε), searched
///   from the Cornish–Fisher start μ + σ(z + γ(z² − 1)/6) — R's `qbinom`,
///   including its fuzz against rounding.
///
/// Invalid parameters (n < 0, π outside [0, 1] or NaN) make `pmf`, `cdf` and
/// `sf` NaN and `quantile` −1 (R gives NaN, which an `Int` cannot hold), as does
/// a p outside [0, 1].
public struct Binomial: Sendable {
    public let trials: Int
    public let probability: Double

    public init(trials: Int, probability: Double) {
        self.trials = trials
        self.probability = probability
    }

    private var isValid: Bool { trials >= 0 && probability >= 0 && probability <= 1 }

    /// P(X = k) (R's `dbinom(k, n, prob)`).
    public func pmf(_ k: Int) -> Double {
        guard isValid else { return .nan }
        if k < 0 || k > trials { return 0 }
        if probability == 0 { return k == 0 ? 1 : 0 }
        if probability == 1 { return k == trials ? 1 : 0 }
        if trials == 0 { return 1 }
        let n = Double(trials)
        let successes = Double(k)
        let logChoose = -log1p(n) - SpecialFunctions.logBeta(successes + 1, n - successes + 1)
        return exp(logChoose + successes * log(probability) + (n - successes) * log1p(-probability))
    }

    /// P(X ≤ k) (R's `pbinom(k, n, prob)`).
    public func cdf(_ k: Int) -> Double {
        tails(k).lower
    }

    /// P(X > k) (R's `pbinom(k, n, prob, lower.tail = FALSE)`).
    public func sf(_ k: Int) -> Double {
        tails(k).upper
    }

    /// The smallest k with P(X ≤ k) ≥ p (R's `qbinom(p, n, prob)`); −1 for
    /// invalid parameters or p outside [0, 1].
    public func quantile(_ p: Double) -> Int {
        guard isValid, p >= 0, p <= 1 else { return -1 }
        if trials == 0 || probability == 0 { return 0 }
        if p == 0 { return 0 }
        if probability == 1 { return trials }
        if p + 1.01 * Double.ulpOfOne >= 1 { return trials }
        let n = Double(trials)
        let q = 1 - probability
        let mu = n * probability
        let sigma = (n * probability * q).squareRoot()
        let gamma = (q - probability) / sigma
        let z = Normal.standardQuantile(p)
        let guess = (mu + sigma * (z + gamma * (z * z - 1) / 6) + 0.5).rounded(.down)
        var y = guess.isFinite ? Int(min(max(guess, 0), n)) : 0
        let target = p * (1 - 64 * Double.ulpOfOne)
        if cdf(y) >= target {
            while y > 0 && cdf(y - 1) >= target { y -= 1 }
        } else {
            while y < trials {
                y += 1
                if cdf(y) >= target { break }
            }
        }
        return y
    }

    private func tails(_ k: Int) -> (lower: Double, upper: Double) {
        guard isValid else { return (.nan, .nan) }
        if k < 0 { return (0, 1) }
        if k >= trials { return (1, 0) }
        let tail = SpecialFunctions.incompleteBeta(
            a: Double(k + 1), b: Double(trials - k), x: probability, y: 1 - probability)
        return (tail.upper, tail.lower)
    }
}
