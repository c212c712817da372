import LinearAlgebra

/// The REML fit of a random-intercept linear mixed model (see
/// `RandomInterceptModel`). Immutable; every figure is on the response scale.
public struct RandomInterceptFit: Sendable {
    /// Names of the fixed-effect terms, in design column order.
    public let termNames: [String]
    /// β̂, the GLS estimate at the REML variance ratio (`fixef(fit)`).
    public let coefficients: [Double]
    /// σ̂²·(Xᵀ(I + θ²ZZᵀ)⁻¹X)⁻¹, the model-based covariance of β̂ (`vcov(fit)`).
    public let covariance: Matrix
    /// √diag(covariance).
    public let standardErrors: [Double]
    /// β̂ / SE, as `summary(fit)`'s "t value" (lme4 prints no p-value).
    public let tValues: [Double]
    /// θ̂ = σ̂_group / σ̂ (`getME(fit, "theta")`).
    public let theta: Double
    /// σ̂_group, the standard deviation of the random intercepts.
    public let sdGroup: Double
    /// σ̂, the residual standard deviation (`sigma(fit)`; REML: √(r²/(n − p))).
    public let sdResidual: Double
    /// The REML criterion at the optimum, −2 × restricted log-likelihood
    /// (`REMLcrit(fit)`, `deviance(fit, REML = TRUE)`).
    public let remlCriterion: Double
    /// Whether the fit is on the boundary: θ̂ < 1e-4, `lme4::isSingular`'s
    /// default rule ("boundary (singular) fit"). θ̂ is exactly 0 when the
    /// criterion does not decrease away from 0.
    public let boundary: Bool
    /// Caveats (a boundary fit; a variance ratio that grows without bound).
    public let diagnostics: [Diagnostic]
    /// n.
    public let observations: Int
    /// The distinct group codes, ascending; the order of `groupEffects`.
    public let groupLabels: [Int]
    /// Rows per group, in the order of `groupLabels`.
    public let groupSizes: [Int]
    /// Conditional modes (BLUPs) of the random intercepts (`ranef(fit)`):
    /// b̂ᵢ = nᵢθ̂² / (1 + nᵢθ̂²) · (ȳᵢ − x̄ᵢᵀβ̂).
    public let groupEffects: [Double]
    /// Evaluations of the criterion spent by the optimiser.
    public let evaluations: Int

    /// σ̂²_group.
    public var varianceGroup: Double { sdGroup * sdGroup }
    /// σ̂².
    public var varianceResidual: Double { sdResidual * sdResidual }
    /// Intraclass correlation σ̂²_g / (σ̂²_g + σ̂²) = θ̂² / (1 + θ̂²).
    public var icc: Double { theta * theta / (1 + theta * theta) }
    /// The restricted log-likelihood, −remlCriterion / 2 (`logLik(fit)`).
    public var restrictedLogLikelihood: Double { -remlCriterion / 2 }
    /// Number of groups.
    public var groupCount: Int { groupLabels.count }
}
