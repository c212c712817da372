import Evaluation
import Foundation

@testable import Statistics

/// A direct, O(G²) transcription of clubSandwich's CR2 and Satterthwaite
/// computations (`vcov_CR`, `CR2` with `inverse_var = TRUE`, `get_GH`,
/// `get_P_array`, `Satterthwaite`), with dense n_g × n_g matrices per cluster
/// and the full G × G matrix P⁽ⁱ⁾ per coefficient. Used only to check the
/// library's fast computation on small data.
enum CR2Reference {
    struct Result {
        let covariance: Matrix
        let degreesOfFreedom: [Double]
    }

    static func compute(_ parts: SandwichParts, _ clusters: ClusterIndex) throws -> Result {
        let m = parts.bread
        let l = try Cholesky(m).lower
        let p = parts.design.columns
        // M_U of `vcov_CR`: (Σ_g X̃_gᵀ W_g X̃_g)⁻¹ at the final fit.
        var information = Matrix(rows: p, columns: p)
        for rows in clusters.members {
            let xt = parts.design.selectingRows(rows).scalingRows(by: rows.map { parts.meanDerivative[$0] })
            information = information + xt.transposed * Matrix.diagonal(rows.map { 1 / parts.varianceFunction[$0] }) * xt
        }
        let mU = try SymmetricEigen(information).applying { $0 > 1e-12 ? 1 / $0 : 0 }
        var meat = Matrix(rows: p, columns: p)
        var gRows: [Matrix] = []  // G_g = M E_g Θ_g^½ᵀ, p × n_g
        var hBlocks: [Matrix] = []  // H_g = M E_g X̃_g L, p × p
        for rows in clusters.members {
            let x = parts.design.selectingRows(rows)
            let d = rows.map { parts.meanDerivative[$0] }
            let v = rows.map { parts.varianceFunction[$0] }
            let e = rows.map { parts.responseResiduals[$0] }
            let n = rows.count
            let xt = x.scalingRows(by: d)
            let w = Matrix.diagonal(v.map { 1 / $0 })
            let theta = Matrix.diagonal(v)
            let thetaChol = Matrix.diagonal(v.map { $0.squareRoot() })  // upper Cholesky factor of a diagonal
            let ih = Matrix.identity(n) - xt * mU * xt.transposed * w
            var g = thetaChol * ih * theta * thetaChol.transposed
            g = 0.5 * (g + g.transposed)
            let power = try SymmetricEigen(g).applying { $0 > 1e-12 ? 1 / $0.squareRoot() : 0 }
            let a = thetaChol.transposed * power * thetaChol
            let estimating = xt.transposed * w * a  // E_g, p × n_g
            let component = estimating.times(e)
            for j in 0..<p { for k in 0..<p { meat[j, k] += component[j] * component[k] } }
            let me = m * estimating
            gRows.append(me * thetaChol.transposed)
            hBlocks.append(me * xt * l)
        }
        let covariance = m * meat * m
        let clusterCount = clusters.count
        var df: [Double] = []
        for i in 0..<p {
            var pMatrix = Matrix(rows: clusterCount, columns: clusterCount)
            for g in 0..<clusterCount {
                for h in 0..<clusterCount {
                    var value = 0.0
                    for k in 0..<p { value -= hBlocks[g][i, k] * hBlocks[h][i, k] }
                    if g == h { value += gRows[g].row(i).reduce(0) { $0 + $1 * $1 } }
                    pMatrix[g, h] = value
                }
            }
            let trace = pMatrix.diagonal.reduce(0, +)
            let squares = pMatrix.storage.reduce(0) { $0 + $1 * $1 }
            df.append(trace * trace / squares)
        }
        return Result(covariance: covariance, degreesOfFreedom: df)
    }
}

/// Draws for synthetic test data from the library's SplitMix64.
extension SplitMix64 {
    /// Uniform on (0, 1).
    mutating func testUniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    /// Standard normal by Box–Muller.
    mutating func testNormal() -> Double {
        (-2 * log(testUniform())).squareRoot() * cos(2 * Double.pi * testUniform())
    }
}
