import LinearAlgebra

/// A fitted Cox model: the components of R's `coxph` object and of
/// `summary(fit)`.
public struct CoxFit: Sendable {
    /// Tie handling used.
    public let ties: CoxRegression.Ties
    /// β̂, one per covariate column (`coefficients`).
    public let coefficients: [Double]
    /// I(β̂)⁻¹, the model-based covariance (`var` without clusters, `naive.var` with).
    public let modelCovariance: Matrix
    /// Cluster-robust covariance (`var` with clusters), `nil` without clusters.
    public let robustCovariance: Matrix?
    /// Log partial likelihood at β = 0 (`loglik[1]`).
    public let initialLogLikelihood: Double
    /// Log partial likelihood at β̂ (`loglik[2]`).
    public let logLikelihood: Double
    /// Score vector U(β̂) at the last evaluation (≈ 0 at convergence).
    public let score: [Double]
    /// Score (log-rank) test at β = 0: U(0)ᵀ I(0)⁻¹ U(0) (`score`).
    public let scoreTest: CoxGlobalTest
    /// Likelihood-ratio test: 2(ℓ(β̂) − ℓ(0)).
    public let likelihoodRatioTest: CoxGlobalTest
    /// Wald test β̂ᵀ V⁻¹ β̂ with V = `covariance` (robust with clusters, as `wald.test`).
    public let waldTest: CoxGlobalTest
    /// Robust score test with clusters (`rscore`), `nil` without.
    public let robustScoreTest: CoxGlobalTest?
    /// Newton iterations taken (`iter`; when the limit is reached this is the
    /// limit, where R reports `iter.max + 1`).
    public let iterations: Int
    /// Whether the log-likelihood converged within the iteration limit.
    public let converged: Bool
    /// Column means of the covariates (`means`; the fit is done on centred columns).
    public let means: [Double]
    /// Observations used.
    public let observationCount: Int
    /// Events (`nevent`).
    public let eventCount: Int
    /// Clusters (0 without).
    public let clusterCount: Int
    /// Caveats: non-convergence, possibly infinite coefficients (monotone
    /// likelihood, R's "Loglik converged before variable …" warning), tied
    /// event times (Efron/Breslow approximation), fewer than 30 clusters.
    public let diagnostics: [Diagnostic]

    /// R's `fit$var`: the robust covariance with clusters, else the model one.
    public var covariance: Matrix { robustCovariance ?? modelCovariance }

    /// The coefficient table of `summary(fit)`, one row per covariate.
    public func coefficientTable(confidenceLevel: Double = 0.95) -> [CoxCoefficient] {
        coefficients.indices.map { j in
            CoxCoefficient(
                estimate: coefficients[j], standardError: modelCovariance[j, j].squareRoot(),
                robustStandardError: robustCovariance.map { $0[j, j].squareRoot() },
                confidenceLevel: confidenceLevel)
        }
    }
}
