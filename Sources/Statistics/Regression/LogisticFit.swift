import LinearAlgebra

/// The result of `LogisticRegression.fit()`: an immutable IRLS fit, with the
/// quantities `glm` reports.
public struct LogisticFit: RegressionFit {
    /// Term names.
    public let terms: [String]
    /// β̂ (log-odds scale).
    public let coefficients: [Double]
    /// Fitted probabilities μ̂.
    public let fitted: [Double]
    /// Linear predictor η̂ = Xβ̂.
    public let linearPredictor: [Double]
    /// The 0/1 responses.
    public let response: [Double]
    /// IRLS working weights of the last iteration (R's `fit$weights`), i.e.
    /// d²/v at the μ that entered the last least-squares step.
    public let workingWeights: [Double]
    /// Model-based covariance (XᵀWX)⁻¹ from the last IRLS step (dispersion 1).
    public let covariance: Matrix
    /// The design X.
    public let design: Matrix
    /// IRLS iterations used (R's `fit$iter`).
    public let iterations: Int
    /// Whether the deviance criterion was met.
    public let converged: Bool
    /// Residual deviance −2 log L.
    public let deviance: Double
    /// Deviance of the intercept-only model (of μ = ½ without an intercept).
    public let nullDeviance: Double
    /// Akaike information criterion −2 log L + 2p.
    public let aic: Double
    /// n − p.
    public let residualDegreesOfFreedom: Int
    /// n − 1 with an intercept, else n.
    public let nullDegreesOfFreedom: Int
    /// Separation and convergence caveats.
    public let diagnostics: [Diagnostic]

    /// Number of observations.
    public var observationCount: Int { design.rows }

    /// R's working residuals (y − μ)/(dμ/dη), at the final η.
    public var workingResiduals: [Double] {
        (0..<observationCount).map { i in
            (response[i] - fitted[i]) / LogitLink.meanDerivative(linearPredictor[i])
        }
    }

    /// The sandwich ingredients exactly as `sandwich` and `clubSandwich` take
    /// them from a `glm` object: scores = working residual × working weight
    /// (`estfun.glm`), leverages from the last IRLS weights (`hatvalues`),
    /// d = dμ/dη and v = μ(1 − μ) at the final fit (`model_matrix.glm`,
    /// `weightMatrix.glm`, `targetVariance.glm`).
    public var sandwichParts: SandwichParts {
        let n = observationCount
        let working = workingResiduals
        let d = linearPredictor.map(LogitLink.meanDerivative)
        return SandwichParts(
            design: design, bread: covariance,
            scores: (0..<n).map { working[$0] * workingWeights[$0] },
            hatWeights: workingWeights,
            meanDerivative: d, varianceFunction: fitted.map(LogitLink.variance),
            responseResiduals: (0..<n).map { response[$0] - fitted[$0] })
    }

    /// Normal (z) statistics.
    public var modelDegreesOfFreedom: CoefficientTable.DegreesOfFreedom { .infinite }

    /// Model-based inference as `summary.glm` (z statistics) and
    /// `confint.default` (Wald intervals).
    public func coefficientTable(level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            terms: terms, estimates: coefficients, covariance: covariance,
            degreesOfFreedom: modelDegreesOfFreedom, method: .modelBased, level: level, diagnostics: diagnostics)
    }
}
