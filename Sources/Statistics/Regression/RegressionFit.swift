import LinearAlgebra

/// A fitted regression whose covariance can be estimated by a sandwich:
/// `LinearFit` and `LogisticFit`.
///
/// The requirement `sandwichParts` gives, per observation, the pieces from
/// which heteroskedasticity-consistent and cluster-robust covariances are
/// built, in the generalised-linear-model notation that `sandwich` and
/// `clubSandwich` use (see `SandwichParts`).
public protocol RegressionFit: Sendable {
    /// Term names, one per coefficient.
    var terms: [String] { get }
    /// Estimated coefficients.
    var coefficients: [Double] { get }
    /// Model-based covariance of the coefficients.
    var covariance: Matrix { get }
    /// Caveats of the fit itself (separation, non-convergence, …).
    var diagnostics: [Diagnostic] { get }
    /// Number of observations.
    var observationCount: Int { get }
    /// The ingredients of sandwich covariances.
    var sandwichParts: SandwichParts { get }
    /// Reference distribution of model-based tests: t on n − p degrees of
    /// freedom for OLS, normal for logistic regression (as `summary.lm`,
    /// `summary.glm` and `lmtest::coeftest`'s default).
    var modelDegreesOfFreedom: CoefficientTable.DegreesOfFreedom { get }
    /// Model-based inference (t for OLS, z for logistic regression).
    func coefficientTable(level: Double) -> CoefficientTable
}

extension RegressionFit {
    /// Number of coefficients.
    public var parameterCount: Int { coefficients.count }
}

/// Per-observation ingredients of sandwich covariances for a generalised
/// linear model with mean μ = h(η), η = Xβ, variance function v(μ):
///
/// - `design` X (n × p) and `bread` M = (Xᵀ W X)⁻¹ with W the IRLS working
///   weights (for OLS, W = I and M = (XᵀX)⁻¹);
/// - `scores` ψᵢ with estimating function uᵢ = xᵢ ψᵢ (for OLS the residual;
///   for a GLM R's working residual × working weight, as `sandwich::estfun`);
/// - `hatWeights` wᵢ, the weights of the hat matrix √W X M Xᵀ √W whose
///   diagonal is R's `hatvalues` (1 for OLS; the last IRLS weights for a GLM);
/// - `meanDerivative` dᵢ = dμ/dη, `varianceFunction` vᵢ = v(μᵢ) and
///   `responseResiduals` eᵢ = yᵢ − μᵢ, from which clubSandwich builds CR2:
///   its model matrix is X̃ = diag(d) X, its weight matrix W = diag(1/v) and
///   its working covariance ("target") Φ = diag(v). For OLS d = v = 1.
public struct SandwichParts: Sendable {
    public let design: Matrix
    public let bread: Matrix
    public let scores: [Double]
    public let hatWeights: [Double]
    public let meanDerivative: [Double]
    public let varianceFunction: [Double]
    public let responseResiduals: [Double]

    public init(
        design: Matrix, bread: Matrix, scores: [Double], hatWeights: [Double],
        meanDerivative: [Double], varianceFunction: [Double], responseResiduals: [Double]
    ) {
        self.design = design
        self.bread = bread
        self.scores = scores
        self.hatWeights = hatWeights
        self.meanDerivative = meanDerivative
        self.varianceFunction = varianceFunction
        self.responseResiduals = responseResiduals
    }

    /// Leverages hᵢ = wᵢ·xᵢᵀ M xᵢ, the diagonal of the weighted hat matrix.
    public var leverages: [Double] {
        Leverage.diagonal(design: design, weights: hatWeights, bread: bread)
    }
}
