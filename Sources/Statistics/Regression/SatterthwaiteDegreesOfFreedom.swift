import Foundation
import LinearAlgebra

/// Satterthwaite degrees of freedom for CR2 t tests of single coefficients
/// (Bell & McCaffrey 2002; Pustejovsky & Tipton 2018), equal to the `df_Satt`
/// column of `clubSandwich::coef_test(fit, vcov = "CR2", cluster = g,
/// test = "Satterthwaite")` for `lm` and `glm` fits, computed in
/// O(n·p² + G·p³) time and O(p³) memory instead of clubSandwich's O(G²·p).
///
/// ## What is being computed
///
/// Notation (clubSandwich's, for a GLM; for OLS d = v = 1): X the n × p design,
/// X̃ = diag(d)·X with d = dμ/dη, W = diag(1/v) with v = v(μ) the variance
/// function, Φ = diag(v) the working covariance ("target"), M = (XᵀWX)⁻¹ the
/// bread, M = LLᵀ its Cholesky factorisation, A_g the CR2 adjustment of
/// cluster g (see `ClusterRobustCR2`), and E_g = X̃_gᵀW_gA_g (p × n_g), so that
/// V^CR2 = M (Σ_g E_g e_g e_gᵀ E_gᵀ) M.
///
/// For coefficient i, under the working model, cᵢᵀV^CR2cᵢ (cᵢ the i-th unit
/// vector) is a quadratic form whose mean and variance clubSandwich writes with
/// a G × G matrix P⁽ⁱ⁾ (`get_GH`, `get_P_array`, `Satterthwaite`):
///
///     P⁽ⁱ⁾_gh = δ_gh · D_g⁽ⁱ⁾ − b_g⁽ⁱ⁾ᵀ b_h⁽ⁱ⁾,
///
/// where, with q_g⁽ⁱ⁾ = E_gᵀ M cᵢ (an n_g-vector: cluster g's weights in
/// coefficient i),
///
///     D_g⁽ⁱ⁾ = q_g⁽ⁱ⁾ᵀ Φ_g q_g⁽ⁱ⁾                 (a scalar; the rows of clubSandwich's G_g)
///     b_g⁽ⁱ⁾ = Lᵀ X̃_gᵀ q_g⁽ⁱ⁾                     (a p-vector; clubSandwich's H[i, , g])
///
/// and the degrees of freedom are
///
///     ν_i = 2·E² / Var = (tr P⁽ⁱ⁾)² / ‖P⁽ⁱ⁾‖²_F.
///
/// ## Why it is cheap
///
/// In matrix form P⁽ⁱ⁾ = D − BᵀB with D = diag(D_1, …, D_G) and B the p × G
/// matrix whose columns are the b_g (superscript i dropped). Then
///
///     tr P = Σ_g D_g − Σ_g ‖b_g‖²
///     ‖P‖²_F = ‖D‖²_F − 2·tr(D BᵀB) + ‖BᵀB‖²_F
///            = Σ_g D_g² − 2·Σ_g D_g‖b_g‖² + ‖B Bᵀ‖²_F,
///
/// using tr(BᵀB BᵀB) = tr(BBᵀ BBᵀ): the G × G Gram matrix BᵀB and the p × p
/// matrix C = BBᵀ = Σ_g b_g b_gᵀ have the same squared Frobenius norm. So each
/// coefficient needs four running sums over clusters (Σ D_g, Σ ‖b_g‖², Σ D_g²,
/// Σ D_g‖b_g‖²) and one p × p accumulator C, never a G × G matrix.
///
/// Per cluster, all coefficients at once: Q_g = E_gᵀM (n_g × p, column i is
/// q_g⁽ⁱ⁾), D_g = the column sums of Φ_g ⊙ Q_g ⊙ Q_g, and F_g = Lᵀ X̃_gᵀ Q_g
/// (p × p, column i is b_g⁽ⁱ⁾): O(n_g·p²). The accumulators C⁽ⁱ⁾ are updated
/// in batches of clusters by BLAS `syrk`: O(p³) per cluster. Forming A_g is
/// `ClusterRobustCR2`'s work.
///
/// `add(weights:cross:)` takes D_g and F_g for one cluster; `degreesOfFreedom()`
/// returns ν for every coefficient (NaN where ‖P‖_F = 0).
public struct SatterthwaiteDegreesOfFreedom: Sendable {
    /// Number of coefficients p.
    public let parameterCount: Int
    private var sumD: [Double]
    private var sumD2: [Double]
    private var sumB2: [Double]
    private var sumDB2: [Double]
    /// C⁽ⁱ⁾ = Σ_g b_g⁽ⁱ⁾ b_g⁽ⁱ⁾ᵀ for flushed clusters.
    private var cross: [Matrix]
    /// Pending columns b_g⁽ⁱ⁾: one p × batch matrix per coefficient.
    private var pending: [Matrix]
    private var pendingCount = 0
    private let batchSize: Int

    /// An empty accumulator for `parameterCount` coefficients.
    public init(parameterCount p: Int, batchSize: Int = 256) {
        parameterCount = p
        self.batchSize = max(1, batchSize)
        sumD = [Double](repeating: 0, count: p)
        sumD2 = sumD
        sumB2 = sumD
        sumDB2 = sumD
        cross = [Matrix](repeating: Matrix(rows: p, columns: p), count: p)
        pending = [Matrix](repeating: Matrix(rows: p, columns: self.batchSize), count: p)
    }

    /// Adds one cluster: `weights` holds D_g⁽ⁱ⁾ for every i, `cross` is
    /// F_g = Lᵀ X̃_gᵀ Q_g whose column i is b_g⁽ⁱ⁾.
    public mutating func add(weights d: [Double], cross f: Matrix) {
        let p = parameterCount
        precondition(d.count == p && f.rows == p && f.columns == p, "cluster terms do not match \(p) coefficients")
        for i in 0..<p {
            var b2 = 0.0
            for k in 0..<p {
                let value = f[k, i]
                b2 += value * value
                pending[i][k, pendingCount] = value
            }
            sumD[i] += d[i]
            sumD2[i] += d[i] * d[i]
            sumB2[i] += b2
            sumDB2[i] += d[i] * b2
        }
        pendingCount += 1
        if pendingCount == batchSize { flush() }
    }

    private mutating func flush() {
        guard pendingCount > 0 else { return }
        let used = Array(0..<pendingCount)
        for i in 0..<parameterCount {
            let block = pendingCount == batchSize ? pending[i] : pending[i].selectingColumns(used)
            cross[i] = cross[i] + block.outerGram()
        }
        pendingCount = 0
    }

    /// ν_i = (tr P⁽ⁱ⁾)² / ‖P⁽ⁱ⁾‖²_F for every coefficient.
    public func degreesOfFreedom() -> [Double] {
        var done = self
        done.flush()
        return (0..<parameterCount).map { i in
            let trace = done.sumD[i] - done.sumB2[i]
            let c = done.cross[i].storage
            let frobeniusC = Vector.dot(c, c)
            let frobenius = done.sumD2[i] - 2 * done.sumDB2[i] + frobeniusC
            return trace * trace / frobenius
        }
    }
}
