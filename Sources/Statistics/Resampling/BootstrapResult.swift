/// The outcome of a `Bootstrap` run.
public struct BootstrapResult: Sendable {
    /// θ̂, the statistic on the original sample.
    public let estimate: Double
    /// The finite replicates θ*₁…θ*_R, sorted ascending (non-finite ones are
    /// dropped, as boot does, and counted in `droppedReplicates`).
    public let replicates: [Double]
    /// Replicates whose statistic was not finite.
    public let droppedReplicates: Int
    /// The jackknife values θ₍ᵢ₎, one per unit (row or cluster) left out.
    public let jackknife: [Double]
    /// Standard deviation of the replicates (divisor R − 1), the bootstrap SE.
    public let standardError: Double
    /// mean(θ*) − θ̂.
    public let bias: Double
    /// The percentile interval.
    public let percentile: BootstrapInterval
    /// The BCa interval, `nil` when z₀ or a is not finite (see `diagnostics`).
    public let bca: BootstrapInterval?
    /// z₀ = Φ⁻¹(#{θ* < θ̂}/R).
    public let biasCorrection: Double
    /// a, the jackknife acceleration.
    public let acceleration: Double
    /// The seed of the resampling.
    public let seed: UInt64
    /// Caveats: extreme order statistics used as an end point; BCa undefined; dropped replicates.
    public let diagnostics: [Diagnostic]
}
