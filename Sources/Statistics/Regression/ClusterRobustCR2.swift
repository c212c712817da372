import Foundation
import LinearAlgebra

/// The bias-reduced linearization cluster-robust covariance "CR2" (Bell &
/// McCaffrey 2002; Pustejovsky & Tipton 2018) with Satterthwaite degrees of
/// freedom for each coefficient, as
/// `clubSandwich::vcovCR(fit, cluster = g, type = "CR2")` and
/// `clubSandwich::coef_test(fit, vcov = "CR2", cluster = g, test = "Satterthwaite")`
/// / `conf_int(…)` for `lm` and `glm(family = binomial())` fits.
///
///     V^CR2 = M · (Σ_g X̃_gᵀ W_g A_g e_g e_gᵀ A_g W_g X̃_g) · M
///
/// with, as clubSandwich takes them from the fit (see `SandwichParts`):
/// M = (XᵀWX)⁻¹ the bread; X̃ = diag(d)·X, d = dμ/dη; W = diag(1/v), v the
/// variance function; e = y − μ the response residuals; the working
/// covariance ("target") Φ = diag(v), its Cholesky factor Φ_g^½; and the
/// adjustment (clubSandwich's `CR2` with `inverse_var = TRUE`)
///
///     A_g = Φ_g^½ · [Φ_g^½ (I − X̃_g M_U X̃_gᵀ W_g) Φ_g Φ_g^½]^(−½) · Φ_g^½
///         = V_g^½ · [V_g (I − H_gg) V_g]^(−½) · V_g^½,
///
/// where H_gg = Z_g M_U Z_gᵀ, Z = diag(√(d²/v))·X, M_U = (X̃ᵀWX̃)⁻¹ = (ZᵀZ)⁻¹
/// at the final fit (equal to M for OLS; for a GLM, R's bread M comes from the
/// weights of the last IRLS step, so the two differ slightly, as in
/// clubSandwich), and the inverse square root is symmetric, with eigenvalues
/// at or below 1e-12 treated as zero (clubSandwich's `matrix_power`). For
/// OLS (d = v = 1) this is the familiar A_g = (I − H_gg)^(−½).
///
/// Cost: for OLS A_g·X_g is computed from the p × p matrix (X_gL)ᵀ(X_gL),
/// O(n_g·p²) per cluster; for logistic fits the n_g × n_g matrix above is
/// decomposed, O(n_g³) time and O(n_g²) memory per cluster (as clubSandwich).
/// The degrees of freedom then take O(n_g·p² + p³) per cluster
/// (`SatterthwaiteDegreesOfFreedom`).
///
/// Fewer than two clusters throw `RegressionError.tooFewClusters` (CR2 is
/// undefined; clubSandwich stops too). With no more clusters than
/// coefficients the result carries a `.fewClusters` diagnostic: the
/// covariance is then rank-deficient and its tests unreliable.
public struct ClusterRobustCR2: Sendable {
    /// Term names.
    public let terms: [String]
    /// The coefficients the covariance belongs to.
    public let estimates: [Double]
    /// V^CR2.
    public let covariance: Matrix
    /// Satterthwaite degrees of freedom, one per coefficient.
    public let degreesOfFreedom: [Double]
    /// Number of clusters G.
    public let clusterCount: Int
    /// Caveats of the fit and of the estimator.
    public let diagnostics: [Diagnostic]

    /// √diag(V^CR2).
    public var standardErrors: [Double] { covariance.diagonal.map { $0.squareRoot() } }

    /// Largest cluster for which a logistic fit's n_g × n_g adjustment is
    /// formed by default (10,000 rows: an 800 MB matrix).
    public static let defaultMaximumDenseClusterSize = 10_000

    /// Computes V^CR2 and the Satterthwaite degrees of freedom.
    /// - Parameter maximumDenseClusterSize: for logistic fits, the largest
    ///   cluster whose n_g × n_g adjustment may be formed (OLS has no limit).
    /// - Throws: `RegressionError.tooFewClusters` (G < 2),
    ///   `RegressionError.clusterTooLarge`, `RegressionError.lengthMismatch`,
    ///   or a `LinearAlgebraError` when the bread is not positive definite.
    public init(
        _ fit: some RegressionFit, clusters: ClusterIndex,
        maximumDenseClusterSize: Int = ClusterRobustCR2.defaultMaximumDenseClusterSize
    ) throws {
        let parts = fit.sandwichParts
        let n = parts.design.rows
        let p = parts.design.columns
        guard clusters.observationCount == n else {
            throw RegressionError.lengthMismatch("\(clusters.observationCount) cluster labels for \(n) observations")
        }
        guard clusters.count >= 2 else { throw RegressionError.tooFewClusters(clusters.count) }
        let lower = try Cholesky(parts.bread).lower
        let identityTarget =
            parts.meanDerivative.allSatisfy { $0 == 1 } && parts.varianceFunction.allSatisfy { $0 == 1 }
        if !identityTarget, let largest = clusters.members.map(\.count).max(), largest > maximumDenseClusterSize {
            throw RegressionError.clusterTooLarge(size: largest, limit: maximumDenseClusterSize)
        }
        // The adjustment's hat matrix uses (X̃ᵀWX̃)⁻¹ at the final fit (clubSandwich's
        // M_U in `vcov_CR`); for a GLM this differs slightly from the bread, which
        // R takes from the weights of the last IRLS step. For OLS they coincide.
        let adjustmentLower: Matrix
        if identityTarget {
            adjustmentLower = lower
        } else {
            let weights = (0..<n).map { i in
                parts.meanDerivative[i] * parts.meanDerivative[i] / parts.varianceFunction[i]
            }
            let information = try Cholesky(parts.design.weightedGram(weights)).inverse()
            adjustmentLower = try Cholesky(information).lower
        }

        var totals = Matrix(rows: p, columns: clusters.count)
        var satterthwaite = SatterthwaiteDegreesOfFreedom(parameterCount: p)
        for (g, rows) in clusters.members.enumerated() {
            let cluster = CR2Cluster(parts: parts, rows: rows)
            let adjusted =
                try identityTarget
                ? cluster.adjustedWeightsLowRank(lower: lower)
                : cluster.adjustedWeightsDense(lower: adjustmentLower)
            // Column g of the meat's square root: E_g e_g = (A_g W_g X̃_g)ᵀ e_g.
            let total = adjusted.times(cluster.residuals, .transposed)
            for j in 0..<p { totals[j, g] = total[j] }
            let (d, f) = cluster.satterthwaiteTerms(adjusted: adjusted, bread: parts.bread, lower: lower)
            satterthwaite.add(weights: d, cross: f)
        }
        covariance = parts.bread * totals.outerGram() * parts.bread
        degreesOfFreedom = satterthwaite.degreesOfFreedom()
        clusterCount = clusters.count
        terms = fit.terms
        estimates = fit.coefficients
        var notes = fit.diagnostics
        if clusters.count <= p {
            notes.append(
                Diagnostic(
                    .fewClusters,
                    "\(clusters.count) clusters for \(p) coefficients: the CR2 covariance is rank-deficient and its tests are unreliable"))
        }
        diagnostics = notes
    }

    /// Same as `init(_:clusters:)` with cluster labels, one per observation.
    public init<Label: Hashable>(_ fit: some RegressionFit, cluster labels: [Label]) throws {
        try self.init(fit, clusters: ClusterIndex(labels))
    }

    /// t tests and confidence intervals with CR2 standard errors and
    /// Satterthwaite degrees of freedom, as `clubSandwich::coef_test` and
    /// `clubSandwich::conf_int` with `test = "Satterthwaite"`.
    public func coefficientTable(level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            terms: terms, estimates: estimates, covariance: covariance,
            degreesOfFreedom: .perCoefficient(degreesOfFreedom), method: .cr2, level: level,
            diagnostics: diagnostics)
    }
}
