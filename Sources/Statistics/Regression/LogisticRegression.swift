import Foundation
import LinearAlgebra

/// Logistic regression, logit P(yᵢ = 1) = xᵢᵀβ, fitted by iteratively
/// reweighted least squares exactly as R's `glm.fit` with `binomial()`:
///
/// - start from μ⁽⁰⁾ = (y + ½)/2, η⁽⁰⁾ = logit μ⁽⁰⁾;
/// - at each step, with d = dμ/dη and v = μ(1 − μ): working response
///   z = η + (y − μ)/d, weights w = d²/v; β ← the least-squares solution of
///   √w·X β ≈ √w·z by a pivoted Householder QR (rank tolerance 1e-11, as
///   `glm.fit`'s `min(1e-7, epsilon/1000)`); η ← Xβ, μ ← logit⁻¹ η;
/// - stop when |D − D_old| / (|D| + 0.1) < `tolerance` (default 1e-10, tighter
///   than `glm.control`'s 1e-8: METHODS §8 asks for full convergence), D the
///   deviance, or after `maxIterations` (default 25);
/// - the covariance is (XᵀWX)⁻¹ with W at the converged fit. (`glm.fit` keeps the
///   QR of the last iteration, whose weights are those of the iterate before:
///   at its default epsilon its standard errors differ from the closed form of a
///   2×2 table in the fifth digit; here they match it to 1e-9. The R fixtures
///   fit with `glm.control(epsilon = 1e-14)`, where R's are converged too.)
///
/// The model-based covariance is (XᵀWX)⁻¹ from the last QR (as
/// `summary.glm`'s `cov.unscaled`, dispersion 1), and inference is by z
/// (normal) statistics as `summary.glm` and `confint.default`.
///
/// Reference: McCullagh & Nelder, *Generalized Linear Models* (2nd ed., 1989),
/// §2.5 (IRLS). Matches `glm(y ~ …, family = binomial())`. Separation is not an error:
/// the fit returns, and carries a `.separation` diagnostic when any fitted
/// probability is within 10ε of 0 or 1 (R's warning "fitted probabilities
/// numerically 0 or 1 occurred") and a `.nonConvergence` diagnostic when the
/// iteration limit is reached ("algorithm did not converge"). A residual
/// deviance below 1e-6 (every outcome predicted perfectly, e.g. an outcome
/// that is always 0, where R converges silently) is also flagged as
/// separation. The caller decides to report `null` for such a fit.
public struct LogisticRegression: Sendable {
    /// The design X, n × p (include a column of ones for an intercept).
    public let design: Matrix
    /// Binary responses, 0 or 1.
    public let response: [Double]
    /// Term names, one per column of X.
    public let terms: [String]
    /// Iteration limit (`glm.control(maxit = 25)`).
    public let maxIterations: Int
    /// Relative deviance change that counts as converged (`glm.control(epsilon = 1e-10)`).
    public let tolerance: Double

    /// - Throws: `RegressionError` when lengths disagree, values are not
    ///   finite, a response is not 0 or 1, or there are no observations.
    public init(
        design: Matrix, response: [Double], terms: [String]? = nil,
        maxIterations: Int = 25, tolerance: Double = 1e-10
    ) throws {
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
        if let bad = response.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw RegressionError.responseOutOfRange(index: bad, value: response[bad])
        }
        self.design = design
        self.response = response
        self.terms = names
        self.maxIterations = max(1, maxIterations)
        self.tolerance = tolerance
    }

    /// A residual deviance below this counts as a perfect fit (separation).
    static let perfectFitDeviance = 1e-6

    /// Fits the model by IRLS.
    /// - Throws: `LinearAlgebraError.singular` when the weighted design is
    ///   rank-deficient (R would report `NA` coefficients).
    public func fit() throws -> LogisticFit {
        let n = design.rows
        let p = design.columns
        let y = response
        var eta = y.map { LogitLink.link(($0 + 0.5) / 2) }
        var mu = eta.map(LogitLink.inverse)
        var devianceOld = zip(y, mu).reduce(0) { $0 + LogitLink.deviance($1.0, $1.1) }
        var deviance = devianceOld
        var beta = [Double](repeating: 0, count: p)
        var lastQR: QRDecomposition?
        var lastWeights = [Double](repeating: 0, count: n)
        var converged = false
        var iterations = 0
        var sqrtW = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: n)

        for iteration in 1...maxIterations {
            iterations = iteration
            for i in 0..<n {
                let d = LogitLink.meanDerivative(eta[i])
                z[i] = eta[i] + (y[i] - mu[i]) / d
                sqrtW[i] = (d * d / LogitLink.variance(mu[i])).squareRoot()
            }
            let qr = try QRDecomposition(design.scalingRows(by: sqrtW), tolerance: 1e-11)
            guard qr.isFullRank else { throw LinearAlgebraError.singular(rank: qr.rank, columns: p) }
            beta = try qr.solve(zip(z, sqrtW).map { $0 * $1 })
            lastQR = qr
            for i in 0..<n { lastWeights[i] = sqrtW[i] * sqrtW[i] }
            eta = design.times(beta)
            mu = eta.map(LogitLink.inverse)
            deviance = zip(y, mu).reduce(0) { $0 + LogitLink.deviance($1.0, $1.1) }
            guard deviance.isFinite else { throw RegressionError.nonFiniteValue("deviance at iteration \(iteration)") }
            if abs(deviance - devianceOld) / (abs(deviance) + 0.1) < tolerance {
                converged = true
                break
            }
            devianceOld = deviance
        }
        guard var qr = lastQR else { throw LinearAlgebraError.singular(rank: 0, columns: p) }
        if converged {
            // One polishing step from the converged coefficients (not counted in
            // `iterations`, which follow glm's rule): the deviance criterion leaves
            // β within about √tolerance of a last step, the polished β at machine precision.
            for i in 0..<n {
                let d = LogitLink.meanDerivative(eta[i])
                z[i] = eta[i] + (y[i] - mu[i]) / d
                sqrtW[i] = (d * d / LogitLink.variance(mu[i])).squareRoot()
            }
            let polish = try QRDecomposition(design.scalingRows(by: sqrtW), tolerance: 1e-11)
            if polish.isFullRank {
                let polished = try polish.solve(zip(z, sqrtW).map { $0 * $1 })
                let polishedEta = design.times(polished)
                let polishedMu = polishedEta.map(LogitLink.inverse)
                let polishedDeviance = zip(y, polishedMu).reduce(0) { $0 + LogitLink.deviance($1.0, $1.1) }
                if polishedDeviance.isFinite {
                    (beta, eta, mu, deviance) = (polished, polishedEta, polishedMu, polishedDeviance)
                }
            }
        }
        // Standard errors at the converged fit: the weights of the final μ.
        for i in 0..<n {
            let d = LogitLink.meanDerivative(eta[i])
            sqrtW[i] = (d * d / LogitLink.variance(mu[i])).squareRoot()
            lastWeights[i] = sqrtW[i] * sqrtW[i]
        }
        if sqrtW.allSatisfy({ $0.isFinite && $0 > 0 }) {
            let final = try QRDecomposition(design.scalingRows(by: sqrtW), tolerance: 1e-11)
            if final.isFullRank { qr = final }
        }

        var diagnostics: [Diagnostic] = []
        if !converged {
            diagnostics.append(Diagnostic(.nonConvergence, "IRLS did not converge in \(maxIterations) iterations"))
        }
        let eps = 10 * Double.ulpOfOne
        if mu.contains(where: { $0 > 1 - eps || $0 < eps }) {
            diagnostics.append(
                Diagnostic(
                    .separation,
                    "fitted probabilities numerically 0 or 1 occurred: the outcome is (quasi-)separated and the coefficients and their standard errors are not estimable"
                ))
        } else if deviance < LogisticRegression.perfectFitDeviance {
            // R stays silent here (e.g. an outcome that is always 0 converges at
            // fitted probabilities near 1e-11), but a deviance of zero means every
            // observation is predicted perfectly: complete separation.
            diagnostics.append(
                Diagnostic(
                    .separation,
                    "the model predicts every outcome perfectly (deviance \(deviance)): the outcome is separated or constant and the coefficients and their standard errors are not estimable"
                ))
        }

        let unscaled = try qr.inverseGram()
        let hasIntercept = (0..<p).contains { j in design.column(j).allSatisfy { $0 == 1 } }
        let nullMean = hasIntercept ? y.reduce(0, +) / Double(n) : 0.5
        let nullDeviance = y.reduce(0) { $0 + LogitLink.deviance($1, nullMean) }
        let logLikelihood = zip(y, mu).reduce(0) { $0 + ($1.0 == 1 ? log($1.1) : log(1 - $1.1)) }
        return LogisticFit(
            terms: terms, coefficients: beta, fitted: mu, linearPredictor: eta, response: y,
            workingWeights: lastWeights, covariance: unscaled, design: design,
            iterations: iterations, converged: converged, deviance: deviance,
            nullDeviance: nullDeviance, aic: -2 * logLikelihood + 2 * Double(p),
            residualDegreesOfFreedom: n - p, nullDegreesOfFreedom: n - (hasIntercept ? 1 : 0),
            diagnostics: diagnostics)
    }
}
