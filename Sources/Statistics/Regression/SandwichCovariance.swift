import Foundation
import LinearAlgebra

/// Heteroskedasticity-consistent and cluster-robust ("sandwich") covariances
/// of regression coefficients, V = M · B · M with bread M = (XᵀWX)⁻¹ and a
/// meat B built from the estimating functions uᵢ = xᵢψᵢ (`SandwichParts`).
///
/// For CR2 see `ClusterRobustCR2`.
public enum SandwichCovariance {
    /// White's estimator (White 1980) and its small-sample variants (MacKinnon &
    /// White 1985; Long & Ervin 2000):
    /// B = Σᵢ ωᵢ uᵢuᵢᵀ with ωᵢ = 1 (HC0), n/(n − p) (HC1), 1/(1 − hᵢ) (HC2),
    /// 1/(1 − hᵢ)² (HC3), hᵢ the leverage.
    public enum HCType: String, Sendable, CaseIterable {
        case hc0 = "HC0", hc1 = "HC1", hc2 = "HC2", hc3 = "HC3"

        var method: CoefficientTable.Method {
            switch self {
            case .hc0: return .hc0
            case .hc1: return .hc1
            case .hc2: return .hc2
            case .hc3: return .hc3
            }
        }
    }

    /// Small-sample factor of the cluster-robust estimator
    /// B = c · Σ_g u_g u_gᵀ, u_g = Σ_{i∈g} uᵢ, G clusters:
    public enum ClusterAdjustment: String, Sendable, CaseIterable {
        /// c = 1 (CR0; `sandwich::vcovCL(type = "HC0", cadjust = FALSE)`).
        case cr0 = "CR0"
        /// c = G/(G − 1) (CR1; `vcovCL(type = "HC0", cadjust = TRUE)`,
        /// `clubSandwich`'s "CR1").
        case cr1 = "CR1"
        /// c = G/(G − 1) · (n − 1)/(n − p): Stata's small-sample factor,
        /// `sandwich::vcovCL`'s default (`type = "HC1", cadjust = TRUE`),
        /// `clubSandwich`'s "CR1S", statsmodels' `cov_type = "cluster"`.
        case cr1S = "CR1S"

        var method: CoefficientTable.Method {
            switch self {
            case .cr0: return .cr0
            case .cr1: return .cr1
            case .cr1S: return .cr1S
            }
        }
    }

    /// HC0–HC3 as `sandwich::vcovHC(fit, type = …)` for `lm` and `glm` fits.
    ///
    /// A leverage of 1 (HC2, HC3) gives an infinite weight; the corresponding
    /// variances are then not finite and tables report `nil`.
    public static func heteroskedasticityConsistent(_ fit: some RegressionFit, type: HCType) -> Matrix {
        let parts = fit.sandwichParts
        let n = parts.design.rows
        let p = parts.design.columns
        let leverages = type == .hc2 || type == .hc3 ? parts.leverages : []
        let omega: [Double] = (0..<n).map { i in
            let psi2 = parts.scores[i] * parts.scores[i]
            switch type {
            case .hc0: return psi2
            case .hc1: return psi2 * Double(n) / Double(n - p)
            case .hc2: return psi2 / (1 - leverages[i])
            case .hc3: return psi2 / ((1 - leverages[i]) * (1 - leverages[i]))
            }
        }
        let meat: Matrix
        if omega.allSatisfy({ $0.isFinite && $0 >= 0 }) {
            meat = parts.design.weightedGram(omega)
        } else {
            meat = Matrix(rows: p, columns: p, repeating: .nan)
        }
        return parts.bread * meat * parts.bread
    }

    /// Cluster-robust covariance (Liang & Zeger 1986; Arellano 1987; Cameron &
    /// Miller 2015), V = M · c·Σ_g u_g u_gᵀ · M, as
    /// `sandwich::vcovCL` (see `ClusterAdjustment` for the factor matched).
    /// - Throws: `RegressionError.tooFewClusters` with fewer than 2 clusters,
    ///   `RegressionError.lengthMismatch` when the clusters do not cover the data.
    public static func clusterRobust(
        _ fit: some RegressionFit, clusters: ClusterIndex, adjustment: ClusterAdjustment = .cr1S
    ) throws -> Matrix {
        let parts = fit.sandwichParts
        let n = parts.design.rows
        let p = parts.design.columns
        guard clusters.observationCount == n else {
            throw RegressionError.lengthMismatch("\(clusters.observationCount) cluster labels for \(n) observations")
        }
        let g = clusters.count
        guard g >= 2 else { throw RegressionError.tooFewClusters(g) }
        let totals = clusterScoreTotals(parts, clusters)
        var c = 1.0
        if adjustment != .cr0 { c *= Double(g) / Double(g - 1) }
        if adjustment == .cr1S { c *= Double(n - 1) / Double(n - p) }
        return parts.bread * totals.outerGram(alpha: c) * parts.bread
    }

    /// Same as `clusterRobust(_:clusters:adjustment:)` with cluster labels.
    public static func clusterRobust<Label: Hashable>(
        _ fit: some RegressionFit, cluster labels: [Label], adjustment: ClusterAdjustment = .cr1S
    ) throws -> Matrix {
        try clusterRobust(fit, clusters: ClusterIndex(labels), adjustment: adjustment)
    }

    /// p × G matrix whose column g is u_g = Σ_{i∈g} xᵢψᵢ.
    static func clusterScoreTotals(_ parts: SandwichParts, _ clusters: ClusterIndex) -> Matrix {
        let n = parts.design.rows
        let p = parts.design.columns
        var totals = Matrix(rows: p, columns: clusters.count)
        parts.design.storage.withUnsafeBufferPointer { x in
            for (g, rows) in clusters.members.enumerated() {
                for j in 0..<p {
                    var sum = 0.0
                    let base = j * n
                    for i in rows { sum += x[base + i] * parts.scores[i] }
                    totals[j, g] = sum
                }
            }
        }
        return totals
    }
}

extension RegressionFit {
    /// Coefficient table with HC standard errors, as
    /// `lmtest::coeftest(fit, vcov = sandwich::vcovHC(fit, type))`: t on n − p
    /// degrees of freedom for OLS, z for logistic regression.
    public func coefficientTable(hc type: SandwichCovariance.HCType, level: Double = 0.95) -> CoefficientTable {
        CoefficientTable(
            terms: terms, estimates: coefficients,
            covariance: SandwichCovariance.heteroskedasticityConsistent(self, type: type),
            degreesOfFreedom: modelDegreesOfFreedom, method: type.method, level: level, diagnostics: diagnostics)
    }

    /// Coefficient table with CR0/CR1/CR1S standard errors and t on G − 1
    /// degrees of freedom (Stata's convention for clustered errors, and
    /// statsmodels' with `use_t = True`).
    /// - Throws: as `SandwichCovariance.clusterRobust`.
    public func coefficientTable(
        clusters: ClusterIndex, adjustment: SandwichCovariance.ClusterAdjustment = .cr1S, level: Double = 0.95
    ) throws -> CoefficientTable {
        let covariance = try SandwichCovariance.clusterRobust(self, clusters: clusters, adjustment: adjustment)
        var notes = diagnostics
        if clusters.count <= parameterCount {
            notes.append(
                Diagnostic(
                    .fewClusters,
                    "\(clusters.count) clusters for \(parameterCount) coefficients: the cluster-robust covariance is rank-deficient and its tests are unreliable"
                ))
        }
        return CoefficientTable(
            terms: terms, estimates: coefficients, covariance: covariance,
            degreesOfFreedom: .common(Double(clusters.count - 1)), method: adjustment.method, level: level,
            diagnostics: notes)
    }
}
