import LinearAlgebra

/// The result of `LinearRegression.fit()`: an immutable OLS fit.
public struct LinearFit: RegressionFit {
    /// Term names.
    public let terms: [String]
    /// β̂.
    public let coefficients: [Double]
    /// Fitted values Xβ̂.
    public let fitted: [Double]
    /// Residuals y − Xβ̂.
    public let residuals: [Double]
    /// σ̂² = eᵀe/(n − p); `nil` when n = p.
    public let residualVariance: Double?
    /// n − p.
    public let residualDegreesOfFreedom: Int
    /// Model-based covariance σ̂²(XᵀX)⁻¹ (NaN when n = p).
    public let covariance: Matrix
    /// (XᵀX)⁻¹.
    public let unscaledCovariance: Matrix
    /// The design X.
    public let design: Matrix
    /// Diagonal of the hat matrix X(XᵀX)⁻¹Xᵀ.
    public let leverages: [Double]
    /// Caveats (e.g. no residual degrees of freedom).
    public let diagnostics: [Diagnostic]

    /// Number of observations.
    public var observationCount: Int { design.rows }

    /// Residual standard error σ̂.
    public var sigma: Double? { residualVariance.map { $0.squareRoot() } }

    /// OLS in generalised-linear-model notation: unit weights, d = v = 1.
    public var sandwichParts: SandwichParts {
        let ones = [Double](repeating: 1, count: observationCount)
        return SandwichParts(
            design: design, bread: unscaledCovariance, scores: residuals, hatWeights: ones,
            meanDerivative: ones, varianceFunction: ones, responseResiduals: residuals)
    }

    /// t on n − p degrees of freedom.
    public var modelDegreesOfFreedom: CoefficientTable.DegreesOfFreedom { .common(Double(residualDegreesOfFreedom)) }

    /// Model-based inference as `summary.lm`/`confint.lm`: t on n − p degrees of freedom.
    public func coefficientTable(level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            terms: terms, estimates: coefficients, covariance: covariance,
            degreesOfFreedom: modelDegreesOfFreedom,
            method: .modelBased, level: level, diagnostics: diagnostics)
    }
}
