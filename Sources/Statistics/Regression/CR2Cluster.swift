import Foundation
import LinearAlgebra

/// One cluster's share of the CR2 computation (see `ClusterRobustCR2` for the
/// notation): its rows of X, d, v and e, and the products with its adjustment
/// matrix A_g.
struct CR2Cluster {
    /// X_g, n_g × p.
    let design: Matrix
    /// d_g = dμ/dη.
    let derivative: [Double]
    /// v_g, the variance function (the diagonal of Φ_g).
    let variance: [Double]
    /// e_g = y_g − μ_g.
    let residuals: [Double]

    init(parts: SandwichParts, rows: [Int]) {
        design = parts.design.selectingRows(rows)
        derivative = rows.map { parts.meanDerivative[$0] }
        variance = rows.map { parts.varianceFunction[$0] }
        residuals = rows.map { parts.responseResiduals[$0] }
    }

    /// clubSandwich's eigenvalue cut-off in `matrix_power`.
    static let eigenvalueFloor = 1e-12

    /// A_g W_g X̃_g (n_g × p) for a general target, by the eigendecomposition
    /// of V_g(I − H_gg)V_g = V_g² − (V_g^½X̃_gL)(V_g^½X̃_gL)ᵀ.
    func adjustedWeightsDense(lower: Matrix) throws -> Matrix {
        let m = design.rows
        let root = variance.map { $0.squareRoot() }
        let y = design.scalingRows(by: (0..<m).map { root[$0] * derivative[$0] }) * lower
        var s = y.outerGram(alpha: -1)
        for t in 0..<m { s[t, t] += variance[t] * variance[t] }
        let eigen = try SymmetricEigen(s)
        let f = eigen.values.map { $0 > CR2Cluster.eigenvalueFloor ? 1 / $0.squareRoot() : 0 }
        // A W X̃ = V^½ U f Uᵀ V^½ W X̃, and V^½ W X̃ = diag(d/√v) X.
        let b = design.scalingRows(by: (0..<m).map { derivative[$0] / root[$0] })
        let t = Matrix.product(eigen.vectors, .transposed, b).scalingRows(by: f)
        return (eigen.vectors * t).scalingRows(by: root)
    }

    /// A_g X_g (n_g × p) when Φ = W = I and d = 1 (OLS), without forming an
    /// n_g × n_g matrix: with Y = X_gL, H_gg = YYᵀ and, from the
    /// eigendecomposition YᵀY = UΛUᵀ,
    /// (I − YYᵀ)^(−½) = I + YU·diag(γ(λ))·UᵀYᵀ, where γ(λ) = ((1 − λ)^(−½) − 1)/λ
    /// = 1/(√(1 − λ)(1 + √(1 − λ))), and γ(λ) = −1/λ when 1 − λ ≤ 1e-12
    /// (the eigenvalue clubSandwich sets to zero).
    func adjustedWeightsLowRank(lower: Matrix) throws -> Matrix {
        let y = design * lower
        let eigen = try SymmetricEigen(y.gram())
        let gamma = eigen.values.map { lambda -> Double in
            let complement = 1 - lambda
            if complement <= CR2Cluster.eigenvalueFloor { return lambda > 0 ? -1 / lambda : 0 }
            let r = complement.squareRoot()
            return 1 / (r * (1 + r))
        }
        let yu = y * eigen.vectors
        let inner = Matrix.product(yu, .transposed, design).scalingRows(by: gamma)
        return design + yu * inner
    }

    /// D_g (column sums of Φ_g ⊙ Q_g ⊙ Q_g) and F_g = Lᵀ X̃_gᵀ Q_g with
    /// Q_g = (A_g W_g X̃_g) M, for `SatterthwaiteDegreesOfFreedom`.
    func satterthwaiteTerms(adjusted: Matrix, bread: Matrix, lower: Matrix) -> ([Double], Matrix) {
        let m = design.rows
        let p = design.columns
        let q = adjusted * bread
        var d = [Double](repeating: 0, count: p)
        for i in 0..<p {
            var sum = 0.0
            for t in 0..<m {
                let value = q[t, i]
                sum += variance[t] * value * value
            }
            d[i] = sum
        }
        let tilde = design.scalingRows(by: derivative)
        let f = Matrix.product(lower, .transposed, Matrix.product(tilde, .transposed, q))
        return (d, f)
    }
}
