import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// Full convergence of the Cox Newton–Raphson (METHODS §8), on survival::ovarian
/// (26 patients, 12 deaths, no tied times) with one binary covariate (rx = 2):
/// β̂ against the root of the score U(β) found by bisection from the partial
/// likelihood's definition written here, the score test against the log-rank
/// statistic computed here (the score-test identity), and both against R's
/// `coxph` fitted with `eps = 1e-12` (Fixtures/cox-convergence: generate.R,
/// expected.json).
@Suite("Cox regression converges fully: one binary covariate, no ties")
struct CoxConvergenceTests {
    struct Expected: Decodable {
        let time: [Double]
        let event: [Int]
        let x: [Double]
        let coefficient: Double
        let se: Double
        let loglik: [Double]
        let score: Double
        let logrank: Double
    }

    static func expected() throws -> Expected { try Fixture.json(Expected.self, "cox-convergence") }

    /// The partial likelihood of one binary covariate without ties, from its
    /// definition: at each death, the dying subject's share of exp(βx) over
    /// everyone still at risk (time ≥ the death's time).
    struct PartialLikelihood {
        /// At each death: x of the one who died, and the numbers at risk with x = 1 and x = 0.
        var deaths: [(x: Double, atRiskOne: Double, atRiskZero: Double)] = []

        init(time: [Double], event: [Int], x: [Double]) {
            for i in time.indices where event[i] == 1 {
                let atRisk = time.indices.filter { time[$0] >= time[i] }
                let ones = Double(atRisk.filter { x[$0] == 1 }.count)
                deaths.append((x[i], ones, Double(atRisk.count) - ones))
            }
        }

        /// ℓ(β) = Σ_deaths [x β − log(n₀ + n₁ e^β)].
        func logLikelihood(_ beta: Double) -> Double {
            deaths.reduce(0) { $0 + $1.x * beta - log($1.atRiskZero + $1.atRiskOne * exp(beta)) }
        }

        /// U(β) = dℓ/dβ = Σ_deaths [x − n₁e^β / (n₀ + n₁e^β)], decreasing in β.
        func score(_ beta: Double) -> Double {
            deaths.reduce(0) { $0 + $1.x - $1.atRiskOne * exp(beta) / ($1.atRiskZero + $1.atRiskOne * exp(beta)) }
        }

        /// I(β) = −dU/dβ = Σ_deaths n₀n₁e^β / (n₀ + n₁e^β)².
        func information(_ beta: Double) -> Double {
            deaths.reduce(0) {
                let w = $1.atRiskOne * exp(beta)
                return $0 + $1.atRiskZero * w / (($1.atRiskZero + w) * ($1.atRiskZero + w))
            }
        }

        /// The root of U by bisection on [−20, 20], to adjacent doubles.
        func maximiser() -> Double {
            var low = -20.0, high = 20.0
            while true {
                let middle = (low + high) / 2
                guard middle > low, middle < high else { return middle }
                if score(middle) > 0 { low = middle } else { high = middle }
            }
        }

        /// The log-rank statistic: (Σ_deaths (x − n₁/n))² / Σ_deaths n₁n₀/n² (no ties).
        var logRank: Double {
            var observedMinusExpected = 0.0, variance = 0.0
            for d in deaths {
                let n = d.atRiskOne + d.atRiskZero
                observedMinusExpected += d.x - d.atRiskOne / n
                variance += d.atRiskOne * d.atRiskZero / (n * n)
            }
            return observedMinusExpected * observedMinusExpected / variance
        }
    }

    @Test("β̂ and its standard error match the root of the score written from the definition, to 1e-9, with the default control")
    func matchesBisection() throws {
        let e = try Self.expected()
        let reference = PartialLikelihood(time: e.time, event: e.event, x: e.x)
        let beta = reference.maximiser()
        #expect(abs(reference.score(beta)) < 1e-13)
        let fit = try CoxRegression(time: e.time, event: e.event.map { $0 == 1 }, covariates: Matrix(columns: [e.x])).fit()
        #expect(fit.converged)
        expectClose(fit.coefficients[0], beta, rtol: 1e-9, "β")
        expectClose(fit.modelCovariance[0, 0].squareRoot(), 1 / reference.information(beta).squareRoot(), rtol: 1e-9, "se")
        expectClose(fit.logLikelihood, reference.logLikelihood(beta), rtol: 1e-12, "ℓ(β̂)")
        expectClose(fit.initialLogLikelihood, reference.logLikelihood(0), rtol: 1e-12, "ℓ(0)")
        // The score-test identity: U(0)²/I(0) is the log-rank statistic.
        expectClose(fit.scoreTest.statistic, reference.logRank, rtol: 1e-9, "score test = log-rank")
        print(
            "Cox convergence: β error \(abs(fit.coefficients[0] - beta)), score test − log-rank \(fit.scoreTest.statistic - reference.logRank)"
        )
    }

    @Test(
        "on survival-cox's converged cases the default fit takes one Newton step past coxph's iterate: U(β̂) at rounding level, β within √ε")
    func finalStep() throws {
        for c in CoxRegressionTests.converged {
            let iterate = try c.model().fit()
            let fit = try c.model(finalNewtonStep: true).fit()
            #expect(fit.iterations == iterate.iterations, "\(c.name)")
            for j in fit.coefficients.indices {
                // The Newton step still left, (I⁻¹U)_j, against coxph's iterate's.
                let left = abs(Vector.dot(fit.modelCovariance.row(j), fit.score))
                let before = abs(Vector.dot(iterate.modelCovariance.row(j), iterate.score))
                #expect(left <= 1e-12 * max(1, abs(fit.coefficients[j])), "\(c.name) [\(j)]: \(left) (coxph's iterate \(before))")
                expectClose(fit.coefficients[j], iterate.coefficients[j], rtol: 1e-7, atol: 1e-9, "\(c.name)")
            }
        }
    }

    @Test("β̂, its standard error, the log-likelihoods and the score test match coxph(eps = 1e-12) and survdiff")
    func matchesR() throws {
        let e = try Self.expected()
        let fit = try CoxRegression(time: e.time, event: e.event.map { $0 == 1 }, covariates: Matrix(columns: [e.x])).fit()
        expectClose(fit.coefficients[0], e.coefficient, rtol: 1e-9, "coef")
        expectClose(fit.modelCovariance[0, 0].squareRoot(), e.se, rtol: 1e-9, "se")
        expectClose([fit.initialLogLikelihood, fit.logLikelihood], e.loglik, rtol: 1e-12, "loglik")
        expectClose(fit.scoreTest.statistic, e.score, rtol: 1e-12, "score")
        expectClose(fit.scoreTest.statistic, e.logrank, rtol: 1e-12, "survdiff chisq")
        let reference = PartialLikelihood(time: e.time, event: e.event, x: e.x)
        print("Cox convergence: coxph(eps = 1e-12) β − bisection \(e.coefficient - reference.maximiser())")
    }
}
