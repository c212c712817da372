import Foundation
import LinearAlgebra

/// Ordinary least squares, `y = Xβ + ε`, fitted by a Householder QR
/// decomposition of X as R's `lm` does.
///
/// β̂ = R⁻¹Qᵀy, residuals e = y − Xβ̂, σ̂² = eᵀe / (n − p), model-based
/// covariance σ̂²(XᵀX)⁻¹ = σ̂²R⁻¹R⁻ᵀ, residual degrees of freedom n − p.
///
/// Reference: Golub & Van Loan, *Matrix Computations* (4th ed., 2013), §5.3
/// (least squares by Householder QR). Matches `lm(y ~ …)` with `summary.lm` (t tests on n − p degrees of freedom)
/// and `confint.lm`. The design is taken as given: include a column of ones
/// for an intercept.
///
/// A rank-deficient design (R's rule: |Rₖₖ| ≤ 1e-7·|R₁₁| after pivoting)
/// throws `LinearAlgebraError.singular`, where R would report `NA`
/// coefficients; callers turn it into a `null` with a warning.
public struct LinearRegression: Sendable {
    /// The design X, n × p.
    public let design: Matrix
    /// The response y, length n.
    public let response: [Double]
    /// Term names, one per column of X.
    public let terms: [String]

    /// - Parameters:
    ///   - design: n × p design matrix (with a column of ones for an intercept).
    ///   - response: n responses.
    ///   - terms: names of the columns (default `x1`, `x2`, …).
    /// - Throws: `RegressionError` when lengths disagree, values are not
    ///   finite, or there are no observations.
    public init(design: Matrix, response: [Double], terms: [String]? = nil) throws {
        guard design.rows == response.count else {
            throw RegressionError.lengthMismatch("design has \(design.rows) rows, response has \(response.count) values")
        }
        let names = terms ?? (0..<design.columns).map { "x\($0 + 1)" }
        guard names.count == design.columns else {
            throw RegressionError.lengthMismatch("\(names.count) term names for \(design.columns) columns")
        }
        guard design.rows > 0, design.columns > 0 else {
            throw RegressionError.tooFewObservations(observations: design.rows, parameters: design.columns)
        }
        guard design.storage.allSatisfy(\.isFinite) else { throw RegressionError.nonFiniteValue("design") }
        guard response.allSatisfy(\.isFinite) else { throw RegressionError.nonFiniteValue("response") }
        self.design = design
        self.response = response
        self.terms = names
    }

    /// Fits the model.
    /// - Throws: `LinearAlgebraError.singular` for a rank-deficient design.
    public func fit() throws -> LinearFit {
        let n = design.rows
        let p = design.columns
        let qr = try QRDecomposition(design)
        guard qr.isFullRank else { throw LinearAlgebraError.singular(rank: qr.rank, columns: p) }
        let beta = try qr.solve(response)
        let fitted = design.times(beta)
        let residuals = zip(response, fitted).map { $0 - $1 }
        let unscaled = try qr.inverseGram()
        let dfResidual = n - p
        let rss = Vector.dot(residuals, residuals)
        var diagnostics: [Diagnostic] = []
        let sigma2: Double?
        if dfResidual > 0 {
            sigma2 = rss / Double(dfResidual)
        } else {
            sigma2 = nil
            diagnostics.append(
                Diagnostic(
                    .other,
                    "as many coefficients as observations: no residual degrees of freedom, model-based standard errors are undefined"))
        }
        let covariance = (sigma2 ?? .nan) * unscaled
        let leverages = Leverage.diagonal(design: design, weights: nil, bread: unscaled)
        return LinearFit(
            terms: terms, coefficients: beta, fitted: fitted, residuals: residuals,
            residualVariance: sigma2, residualDegreesOfFreedom: dfResidual,
            covariance: covariance, unscaledCovariance: unscaled, design: design,
            leverages: leverages, diagnostics: diagnostics)
    }
}
