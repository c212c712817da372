import Foundation
import LinearAlgebra

/// Diagonal of a (weighted) hat matrix, hᵢ = wᵢ·xᵢᵀ M xᵢ with M = (XᵀWX)⁻¹,
/// computed as the squared row norms of √W·X·L where M = LLᵀ — the values R's
/// `hatvalues` gives for `lm` and `glm` fits.
enum Leverage {
    static func diagonal(design: Matrix, weights: [Double]?, bread: Matrix) -> [Double] {
        let n = design.rows
        let p = design.columns
        guard let factor = try? Cholesky(bread) else {
            return [Double](repeating: .nan, count: n)
        }
        let xl = design * factor.lower
        var h = [Double](repeating: 0, count: n)
        xl.storage.withUnsafeBufferPointer { s in
            for j in 0..<p {
                let base = j * n
                for i in 0..<n { h[i] += s[base + i] * s[base + i] }
            }
        }
        if let weights {
            for i in 0..<n { h[i] *= weights[i] }
        }
        return h
    }
}
