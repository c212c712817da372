import Foundation
import LinearAlgebra

/// Newton–Raphson on the Cox partial likelihood, step for step as survival's
/// `coxfit6`: start at β = 0; converge when |1 − ℓ_best/ℓ_new| ≤ ε; when a
/// step lowers ℓ (or gives non-finite values) go back towards the last good β,
/// more each time (β_new ← (β_new + h·β)/(h + 1), h = 1, 2, …); after the
/// iteration limit, report the last good β as not converged. Once converged
/// (and no coefficient drifting to infinity), one more Newton step, not
/// counted, takes β from ~√ε to the maximiser at rounding level, and the
/// covariance is I⁻¹ there.
struct CoxNewtonRaphson {
    let model: CoxPartialLikelihood
    let control: CoxRegression.Control

    struct Result {
        let beta: [Double]
        let covariance: Matrix
        let score: [Double]
        let initialLogLikelihood: Double
        let logLikelihood: Double
        let scoreStatistic: Double
        let iterations: Int
        let converged: Bool
        let diagnostics: [Diagnostic]
    }

    func run() throws -> Result {
        let p = model.dimension
        var beta = [Double](repeating: 0, count: p)
        let initial = model.evaluate(beta)
        guard let initialFactor = try? Cholesky(initial.information) else {
            throw SurvivalError.singularInformation(iteration: 0)
        }
        let firstStep = try initialFactor.solve(initial.score)
        let scoreStatistic = Vector.dot(initial.score, firstStep)

        var best = initial.logLikelihood
        var newBeta = zip(beta, firstStep).map { $0 + $1 }
        var halving = 0.0
        let limit = max(control.iterationLimit, 1)
        for iteration in 1...limit {
            let current = model.evaluate(newBeta)
            let factor = try? Cholesky(current.information)
            let finite =
                current.logLikelihood.isFinite && current.score.allSatisfy(\.isFinite)
                && current.information.storage.allSatisfy(\.isFinite)
            if finite, abs(1 - best / current.logLikelihood) <= control.tolerance {
                guard let factor else { throw SurvivalError.singularInformation(iteration: iteration) }
                var covariance = try factor.inverse()
                let diagnostics = infiniteCoefficients(newBeta, current.score, covariance)
                var (converged, last) = (newBeta, current)
                if control.finalNewtonStep, diagnostics.isEmpty, let polished = try polish(newBeta, current, factor) {
                    (converged, last) = polished
                    if let factor = try? Cholesky(last.information) { covariance = try factor.inverse() }
                }
                return Result(
                    beta: converged, covariance: covariance, score: last.score,
                    initialLogLikelihood: initial.logLikelihood, logLikelihood: last.logLikelihood,
                    scoreStatistic: scoreStatistic, iterations: iteration, converged: true,
                    diagnostics: diagnostics)
            }
            if !finite || current.logLikelihood < best {
                halving += 1
                newBeta = zip(newBeta, beta).map { ($0 + halving * $1) / (halving + 1) }
            } else {
                guard let factor else { throw SurvivalError.singularInformation(iteration: iteration) }
                halving = 0
                best = current.logLikelihood
                let step = try factor.solve(current.score)
                beta = newBeta
                newBeta = zip(newBeta, step).map { $0 + $1 }
            }
        }
        // Out of iterations: report the last β that improved ℓ.
        let last = model.evaluate(beta)
        guard let factor = try? Cholesky(last.information) else {
            throw SurvivalError.singularInformation(iteration: limit)
        }
        let covariance = try factor.inverse()
        var diagnostics = [
            Diagnostic(
                kind: .nonConvergence,
                message: "ran out of iterations (\(limit)) and did not converge", code: "cox_no_convergence", arguments: ["\(limit)"])
        ]
        let steps = stepSizes(last.score, covariance)
        let largestLinearPredictor = model.x.times(beta).max() ?? 0
        if largestLinearPredictor > 500 || steps.contains(where: { !$0.isFinite }) {
            diagnostics.append(
                Diagnostic(
                    kind: .monotoneLikelihood, message: "one or more coefficients may be infinite", code: "coefficients_may_be_infinite"))
        }
        return Result(
            beta: beta, covariance: covariance, score: last.score,
            initialLogLikelihood: initial.logLikelihood,
            logLikelihood: limit > 1 ? last.logLikelihood : best, scoreStatistic: scoreStatistic,
            iterations: limit, converged: false, diagnostics: diagnostics)
    }

    /// One Newton step from the converged β, not counted in the iterations (the
    /// criterion on ℓ, as `coxfit6`'s, stops where ℓ has settled to ε relative
    /// but β only to about √ε: up to 2e-8 off the maximiser at ε = 1e-9, where
    /// the step leaves it at rounding level, METHODS §8). Kept only when ℓ, U and
    /// I stay finite, I positive definite, and ℓ does not fall by more than rounding.
    private func polish(_ beta: [Double], _ at: CoxPartialLikelihood.Evaluation, _ factor: Cholesky) throws -> (
        [Double], CoxPartialLikelihood.Evaluation
    )? {
        let step = try factor.solve(at.score)
        let polished = zip(beta, step).map { $0 + $1 }
        let next = model.evaluate(polished)
        guard next.logLikelihood.isFinite, next.score.allSatisfy(\.isFinite), next.information.storage.allSatisfy(\.isFinite),
            next.logLikelihood >= at.logLikelihood - 1e-12 * abs(at.logLikelihood), (try? Cholesky(next.information)) != nil
        else { return nil }
        return (polished, next)
    }

    /// |U(β̂)ᵀ I(β̂)⁻¹|: the size of the Newton step still left for each coefficient.
    private func stepSizes(_ score: [Double], _ covariance: Matrix) -> [Double] {
        covariance.times(score, .transposed).map(abs)
    }

    /// R's check after convergence: a coefficient whose remaining step exceeds
    /// ε and `toler.inf`·|β| is drifting towards infinity (monotone likelihood).
    private func infiniteCoefficients(_ beta: [Double], _ score: [Double], _ covariance: Matrix) -> [Diagnostic] {
        guard control.iterationLimit > 1 else { return [] }
        let steps = stepSizes(score, covariance)
        let flagged = beta.indices.filter { j in
            !score[j].isFinite || (steps[j] > control.tolerance && steps[j] > control.infiniteTolerance * abs(beta[j]))
        }
        guard !flagged.isEmpty else { return [] }
        let variables = flagged.map { String($0 + 1) }.joined(separator: ",")
        return [
            Diagnostic(
                kind: .monotoneLikelihood,
                message: "log-likelihood converged before variable(s) \(variables); coefficient may be infinite",
                code: "likelihood_converged_before", arguments: [variables])
        ]
    }
}
