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
        var state = IRLSState(eta: y.map { LogitLink.link(($0 + 0.5) / 2) }, response: y)
        var devianceOld = state.deviance
        var beta = [Double](repeating: 0, count: p)
        var lastQR: QRDecomposition?
        var converged = false
        var iterations = 0
        for iteration in 1...maxIterations {
            iterations = iteration
            let (qr, solution) = try weightedStep(state)
            guard qr.isFullRank else { throw LinearAlgebraError.singular(rank: qr.rank, columns: p) }
            beta = try solution()
            lastQR = qr
            state = IRLSState(eta: design.times(beta), response: y)
            guard state.deviance.isFinite else { throw RegressionError.nonFiniteValue("deviance at iteration \(iteration)") }
            if abs(state.deviance - devianceOld) / (abs(state.deviance) + 0.1) < tolerance {
                converged = true
                break
            }
            devianceOld = state.deviance
        }
        guard var qr = lastQR else { throw LinearAlgebraError.singular(rank: 0, columns: p) }
        if converged, let polished = try polish(state) { (beta, state) = polished }
        // Standard errors at the converged fit: the weights of the final μ.
        let sqrtW = state.rootWeights
        if sqrtW.allSatisfy({ $0.isFinite && $0 > 0 }) {
            let final = try QRDecomposition(design.scalingRows(by: sqrtW), tolerance: 1e-11)
            if final.isFullRank { qr = final }
        }
        let hasIntercept = (0..<p).contains { j in design.column(j).allSatisfy { $0 == 1 } }
        let nullMean = hasIntercept ? y.reduce(0, +) / Double(n) : 0.5
        let nullDeviance = y.reduce(0) { $0 + LogitLink.deviance($1, nullMean) }
        let logLikelihood = zip(y, state.mu).reduce(0) { $0 + ($1.0 == 1 ? log($1.1) : log(1 - $1.1)) }
        return LogisticFit(
            terms: terms, coefficients: beta, fitted: state.mu, linearPredictor: state.eta, response: y,
            workingWeights: sqrtW.map { $0 * $0 }, covariance: try qr.inverseGram(), design: design,
            iterations: iterations, converged: converged, deviance: state.deviance,
            nullDeviance: nullDeviance, aic: -2 * logLikelihood + 2 * Double(p),
            residualDegreesOfFreedom: n - p, nullDegreesOfFreedom: n - (hasIntercept ? 1 : 0),
            diagnostics: Self.diagnostics(converged: converged, maxIterations: maxIterations, state: state))
    }
}

extension LogisticRegression {
    /// One iterate: η, μ = logit⁻¹ η and the deviance.
    struct IRLSState {
        var eta: [Double]
        var mu: [Double]
        var deviance: Double
        let response: [Double]

        init(eta: [Double], response: [Double]) {
            self.eta = eta
            self.response = response
            mu = eta.map(LogitLink.inverse)
            deviance = zip(response, mu).reduce(0) { $0 + LogitLink.deviance($1.0, $1.1) }
        }

        /// √w with w = (dμ/dη)² / V(μ).
        var rootWeights: [Double] {
            eta.indices.map { i in
                let d = LogitLink.meanDerivative(eta[i])
                return (d * d / LogitLink.variance(mu[i])).squareRoot()
            }
        }

        /// The working response z = η + (y − μ)/(dμ/dη).
        var workingResponse: [Double] {
            eta.indices.map { i in eta[i] + (response[i] - mu[i]) / LogitLink.meanDerivative(eta[i]) }
        }
    }

    /// The weighted least-squares step from `state`: the QR of √W·X, and the solution of √W·X β ≈ √W·z.
    func weightedStep(_ state: IRLSState) throws -> (QRDecomposition, () throws -> [Double]) {
        let sqrtW = state.rootWeights
        let z = state.workingResponse
        let qr = try QRDecomposition(design.scalingRows(by: sqrtW), tolerance: 1e-11)
        return (qr, { try qr.solve(zip(z, sqrtW).map { $0 * $1 }) })
    }

    /// One polishing step from the converged coefficients (not counted in the iterations,
    /// which follow glm's rule): the deviance criterion leaves β within about √tolerance
    /// of a last step, the polished β at machine precision. `nil` when it cannot be taken.
    func polish(_ state: IRLSState) throws -> ([Double], IRLSState)? {
        let (qr, solution) = try weightedStep(state)
        guard qr.isFullRank else { return nil }
        let polished = try solution()
        let next = IRLSState(eta: design.times(polished), response: state.response)
        return next.deviance.isFinite ? (polished, next) : nil
    }

    static func diagnostics(converged: Bool, maxIterations: Int, state: IRLSState) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if !converged {
            diagnostics.append(
                Diagnostic(
                    .nonConvergence, "IRLS did not converge in \(maxIterations) iterations", code: "irls_no_convergence",
                    arguments: ["\(maxIterations)"]))
        }
        let eps = 10 * Double.ulpOfOne
        if state.mu.contains(where: { $0 > 1 - eps || $0 < eps }) {
            diagnostics.append(
                Diagnostic(
                    .separation,
                    "fitted probabilities numerically 0 or 1 occurred: the outcome is (quasi-)separated and the coefficients and their standard errors are not estimable"
                ))
        } else if state.deviance < LogisticRegression.perfectFitDeviance {
            // R stays silent here (e.g. an outcome that is always 0 converges at
            // fitted probabilities near 1e-11), but a deviance of zero means every
            // observation is predicted perfectly: complete separation.
            diagnostics.append(
                Diagnostic(
                    .separation,
                    "the model predicts every outcome perfectly (deviance \(state.deviance)): the outcome is separated or constant and the coefficients and their standard errors are not estimable",
                    code: "perfect_prediction", arguments: ["\(state.deviance)"]))
        }
        return diagnostics
    }
}
