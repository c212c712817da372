import Foundation
import LinearAlgebra

/// The profiled REML criterion of a random-intercept model, evaluated from
/// group-level sufficient statistics.
///
/// Model: y = Xβ + Zb + ε, b ~ N(0, σ²λ I_G), ε ~ N(0, σ² I_n), λ = θ².
/// For group i with nᵢ rows, (I + λ11ᵀ)⁻¹ = W_i + 1/(nᵢ(1 + nᵢλ))·11ᵀ, where
/// W_i = I − 11ᵀ/nᵢ is the within-group centring. Hence, with
/// cᵢ = nᵢ / (1 + nᵢλ) and the group means m̄ᵢ of the columns of [X y],
///
///     A(λ) = [X y]ᵀ (I + λZZᵀ)⁻¹ [X y] = S_within + Σᵢ cᵢ m̄ᵢ m̄ᵢᵀ,
///
/// a (p+1)×(p+1) matrix built in O(G·p²) once the within cross-product
/// S_within (O(n·p²), one `syrk`) and the means are known. Then
/// β̂(λ) = A_XX⁻¹ A_Xy, the penalised residual sum of squares
/// r²(λ) = A_yy − A_yX β̂, and the profiled REML criterion (Bates et al.
/// 2015, *J. Stat. Softw.* 67(1), eq. 42; what `lme4`'s `devFunOnly` returns):
///
///     d(λ) = Σᵢ log(1 + nᵢλ) + log det A_XX + (n − p)·[1 + log(2π r² / (n − p))].
///
/// Its derivative (envelope theorem for β̂; dcᵢ/dλ = −cᵢ²), with
/// rᵢ = ȳᵢ − x̄ᵢᵀβ̂ and qᵢ = x̄ᵢᵀ A_XX⁻¹ x̄ᵢ:
///
///     d′(λ) = Σᵢ cᵢ − Σᵢ cᵢ² · [qᵢ + (n − p)·rᵢ² / r²].
struct RandomInterceptCriterion {
    /// n.
    let observations: Int
    /// p, columns of X.
    let parameters: Int
    /// nᵢ per group.
    let counts: [Double]
    /// Σᵢ (Mᵢ − 1m̄ᵢᵀ)ᵀ(Mᵢ − 1m̄ᵢᵀ) for M = [X y], (p+1)×(p+1).
    let within: Matrix
    /// Group means of [X y], G×(p+1).
    let means: Matrix
    /// Group means of X, transposed: p×G.
    let meansXTransposed: Matrix
    /// Group means of y.
    let meansY: [Double]

    /// The profiled quantities at one λ.
    struct Evaluation {
        var lambda: Double
        var criterion: Double
        /// d′(λ), when requested.
        var derivative: Double?
        var beta: [Double]
        var penalizedRSS: Double
        var factorXX: Cholesky
        /// ȳᵢ − x̄ᵢᵀβ̂ per group.
        var residualMeans: [Double]
    }

    /// Sufficient statistics of `[design response]` grouped by `group` (dense indices).
    init(design: Matrix, response: [Double], group: [Int], groupCount: Int) {
        let n = design.rows, p = design.columns
        let augmented = Matrix(rows: n, columns: p + 1, columnMajor: design.storage + response)
        var counts = [Double](repeating: 0, count: groupCount)
        for g in group { counts[g] += 1 }
        var means = augmented.groupSums(by: group, groupCount: groupCount)
        let reciprocal = counts.map { 1 / $0 }
        means = means.scalingRows(by: reciprocal)
        observations = n
        parameters = p
        self.counts = counts
        within = augmented.subtractingGroupRows(means, by: group).gram()
        self.means = means
        meansXTransposed = means.selectingColumns(Array(0..<p)).transposed
        meansY = means.column(p)
    }

    /// Evaluates the criterion (and optionally its derivative) at λ = θ² ≥ 0.
    /// - Throws: `LinearAlgebraError` when A_XX is not positive definite,
    ///   `MixedModelError.degenerateResponse` when r² is not positive.
    func evaluate(lambda: Double, derivative wantDerivative: Bool = false) throws -> Evaluation {
        let p = parameters
        let weights = counts.map { $0 / (1 + $0 * lambda) }
        let a = within + means.weightedGram(weights)
        let factor = try Cholesky(a.leadingBlock(p))
        let axy = (0..<p).map { a[$0, p] }
        let beta = try factor.solve(axy)
        let rss = a[p, p] - Vector.dot(axy, beta)
        // r² at rounding level relative to the response's scale (yᵀy) means an
        // exact fit: a constant response leaves ~1e-30, not 0.
        guard rss.isFinite, rss > 1e-14 * max(a[p, p], .leastNormalMagnitude) else {
            throw MixedModelError.degenerateResponse
        }
        let residualDF = Double(observations - p)
        let logDetL = counts.reduce(0) { $0 + log1p($1 * lambda) }
        let criterion =
            logDetL + factor.logDeterminant + residualDF * (1 + log(2 * Double.pi * rss / residualDF))
        let fitted = meansXTransposed.times(beta, .transposed)
        let residualMeans = zip(meansY, fitted).map { $0 - $1 }
        var slope: Double?
        if wantDerivative {
            let solved = try factor.solve(meansXTransposed)
            var total = 0.0
            for i in 0..<counts.count {
                var q = 0.0
                for k in 0..<p { q += meansXTransposed[k, i] * solved[k, i] }
                let r = residualMeans[i]
                total += weights[i] - weights[i] * weights[i] * (q + residualDF * r * r / rss)
            }
            slope = total
        }
        return Evaluation(
            lambda: lambda, criterion: criterion, derivative: slope, beta: beta, penalizedRSS: rss,
            factorXX: factor, residualMeans: residualMeans)
    }
}
