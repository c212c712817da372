import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Cox regression against R's `coxph`; see Fixtures/survival-cox/generate.R.
@Suite("Cox regression")
struct CoxRegressionTests {
    struct Expected: Decodable {
        struct Constant: Decodable {
            let input: Case.Input
            let coefficients: [RNumber]
        }
        let cases: [Case]
        let constant_covariate: Constant
    }

    struct Case: Decodable, CustomTestStringConvertible {
        struct Input: Decodable {
            let time: [Double]
            let event: [Int]
            let x: [[Double]]
            let cluster: [String]?
        }
        let name: String
        let ties: String
        let iter_max: Int
        let input: Input
        let coefficients: [Double]
        let `var`: [[Double]]
        let naive_var: [[Double]]
        let loglik: [Double]
        let score: Double
        let wald: Double
        let rscore: RNumber
        let iter: Int
        let nevent: Int
        /// coef, exp(coef), se(coef), [robust se], z, Pr(>|z|)
        let table: [[Double]]
        let conf_int: [[RNumber]]
        let logtest: [Double]
        let sctest: [Double]
        let waldtest: [Double]
        let robscore: [RNumber]
        let warnings: [String]

        var testDescription: String { name }
        var clustered: Bool { !(input.cluster ?? []).isEmpty }

        func model(finalNewtonStep: Bool = false) throws -> CoxRegression {
            let x = Matrix(rows: input.x)
            let event = input.event.map { $0 == 1 }
            let ties: CoxRegression.Ties = self.ties == "breslow" ? .breslow : .efron
            // R's default control stops ~√eps short of the maximiser: compare with
            // its own last iterate (CoxConvergenceTests checks the converged fit).
            let control = CoxRegression.Control(iterationLimit: iter_max, finalNewtonStep: finalNewtonStep)
            if let cluster = input.cluster, !cluster.isEmpty {
                return try CoxRegression(time: input.time, event: event, covariates: x, cluster: cluster, ties: ties, control: control)
            }
            return try CoxRegression(time: input.time, event: event, covariates: x, ties: ties, control: control)
        }
    }

    static let expected = try? Fixture.json(Expected.self, "survival-cox")
    static let cases: [Case] = expected?.cases ?? []
    static let converged = cases.filter { $0.warnings.isEmpty }

    @Test("the fixture loads every case")
    func fixtureLoads() {
        #expect(Self.cases.count == 14)
        #expect(Self.converged.count == 12)
    }

    @Test("coefficients, log-likelihoods, covariances and global tests match coxph", arguments: converged)
    func matchesR(_ c: Case) throws {
        let fit = try c.model().fit()
        #expect(fit.converged)
        #expect(fit.iterations == c.iter)
        #expect(fit.eventCount == c.nevent)
        expectClose(fit.coefficients, c.coefficients, rtol: 1e-9, "coef")
        expectClose(fit.initialLogLikelihood, c.loglik[0], rtol: 1e-12, "loglik[1]")
        expectClose(fit.logLikelihood, c.loglik[1], rtol: 1e-10, "loglik[2]")
        expectClose(fit.covariance.storage, Matrix(rows: c.var).storage, rtol: 1e-9, "var")
        if c.clustered {
            expectClose(fit.modelCovariance.storage, Matrix(rows: c.naive_var).storage, rtol: 1e-9, "naive.var")
            let robustScore = try #require(fit.robustScoreTest)
            expectClose(robustScore.statistic, c.rscore.value, rtol: 1e-9, "rscore")
            expectClose(robustScore.pValue, c.robscore[2].value, rtol: 1e-8, "robust score p")
        } else {
            #expect(fit.robustCovariance == nil && fit.robustScoreTest == nil)
        }
        expectClose(fit.scoreTest.statistic, c.score, rtol: 1e-10, "score test")
        expectClose(fit.scoreTest.pValue, c.sctest[2], rtol: 1e-9, "score p")
        expectClose(fit.likelihoodRatioTest.statistic, c.logtest[0], rtol: 1e-9, "LRT")
        expectClose(fit.likelihoodRatioTest.pValue, c.logtest[2], rtol: 1e-9, "LRT p")
        #expect(fit.likelihoodRatioTest.degreesOfFreedom == Int(c.logtest[1]))
        expectClose(fit.waldTest.statistic, c.wald, rtol: 1e-9, "Wald")
        expectClose(fit.waldTest.pValue, c.waldtest[2], rtol: 1e-9, "Wald p")
    }

    @Test("the coefficient table matches summary.coxph", arguments: converged)
    func table(_ c: Case) throws {
        let rows = try c.model().fit().coefficientTable()
        #expect(rows.count == c.table.count)
        for (row, (expected, interval)) in zip(rows, zip(c.table, c.conf_int)) {
            expectClose(row.estimate, expected[0], rtol: 1e-9, "coef")
            expectClose(row.hazardRatio, expected[1], rtol: 1e-9, "exp(coef)")
            expectClose(row.standardError, expected[2], rtol: 1e-9, "se(coef)")
            if c.clustered {
                expectClose(row.robustStandardError, expected[3], rtol: 1e-9, "robust se")
                expectClose(row.robustZ, expected[4], rtol: 1e-9, "z")
                expectClose(row.robustPValue, expected[5], rtol: 1e-9, "p")
            } else {
                #expect(row.robustStandardError == nil)
                expectClose(row.z, expected[3], rtol: 1e-9, "z")
                expectClose(row.pValue, expected[4], rtol: 1e-9, "p")
            }
            expectClose(row.lowerHazardRatio, interval[0].value, rtol: 1e-9, "lower .95")
            expectClose(row.upperHazardRatio, interval[1].value, rtol: 1e-9, "upper .95")
        }
    }

    @Test("tied event times are reported as approximated, untied data are not")
    func tiesDiagnostic() throws {
        let lung = try #require(Self.cases.first { $0.name == "lung efron" })
        #expect(try lung.model().fit().diagnostics.contains { $0.kind == .tiesApproximated })
        let untied = try CoxRegression(
            time: [1, 2, 3, 4, 5, 6], event: [true, false, true, true, false, true],
            covariates: Matrix(columns: [[0.3, 1.0, -0.5, 0.9, 0.2, 0.0]])
        ).fit()
        #expect(untied.diagnostics.isEmpty)
    }

    @Test("a perfectly separating covariate converges with a monotone-likelihood diagnostic, as R warns")
    func monotoneLikelihood() throws {
        let c = try #require(Self.cases.first { $0.name == "monotone likelihood" })
        #expect(c.warnings.first?.contains("coefficient may be infinite") == true)
        let fit = try c.model().fit()
        #expect(fit.converged)
        #expect(fit.iterations == c.iter)
        #expect(fit.diagnostics.contains { $0.kind == .monotoneLikelihood })
        // The coefficient is where the log-likelihood stopped changing: same path as R.
        expectClose(fit.coefficients[0], c.coefficients[0], rtol: 1e-6, "coef")
        expectClose(fit.logLikelihood, c.loglik[1], rtol: 1e-9, "loglik")
    }

    @Test("running out of iterations keeps the last improving step and says so")
    func iterationLimit() throws {
        let c = try #require(Self.cases.first { $0.name == "iteration limit" })
        #expect(c.warnings.first?.contains("did not converge") == true)
        let fit = try c.model().fit()
        #expect(!fit.converged)
        #expect(fit.diagnostics.contains { $0.kind == .nonConvergence })
        expectClose(fit.coefficients, c.coefficients, rtol: 1e-9, "coef")
        expectClose(fit.logLikelihood, c.loglik[1], rtol: 1e-12, "loglik")
    }

    @Test("few clusters are flagged")
    func fewClusters() throws {
        let c = try #require(Self.cases.first { $0.name == "veteran few clusters" })
        let fit = try c.model().fit()
        #expect(fit.clusterCount == 4)
        #expect(fit.diagnostics.contains { $0.kind == .fewClusters })
    }

    @Test("a constant covariate throws a singular design naming the column R sets to NA")
    func constantCovariate() throws {
        let constant = try #require(Self.expected?.constant_covariate)
        #expect(constant.coefficients[1].value == nil)
        let model = try CoxRegression(
            time: constant.input.time, event: constant.input.event.map { $0 == 1 },
            covariates: Matrix(rows: constant.input.x))
        #expect(throws: SurvivalError.singularDesign(aliasedColumns: [1])) { try model.fit() }
    }

    @Test("collinear covariates throw a singular design")
    func collinear() throws {
        let a = [0.3, 1.0, -0.5, 0.9, 0.2, 0.0]
        let model = try CoxRegression(
            time: [1, 2, 3, 4, 5, 6], event: [true, false, true, true, false, true],
            covariates: Matrix(columns: [a, a.map { 2 * $0 + 1 }]))
        #expect(throws: SurvivalError.self) { try model.fit() }
    }

    @Test("no events throws instead of returning R's NA coefficients")
    func noEvents() throws {
        let model = try CoxRegression(
            time: [1, 2, 3, 4, 5], event: Array(repeating: false, count: 5),
            covariates: Matrix(columns: [[1, 0, 1, 0, 1]]))
        #expect(throws: SurvivalError.noEvents) { try model.fit() }
    }

    @Test("invalid input throws")
    func invalidInput() {
        #expect(throws: SurvivalError.self) {
            try CoxRegression(time: [1, 2], event: [true], covariates: Matrix(columns: [[1, 2]]))
        }
        #expect(throws: SurvivalError.invalidCovariate(row: 1, column: 0)) {
            try CoxRegression(time: [1, 2], event: [true, true], covariates: Matrix(columns: [[1, .nan]]))
        }
        #expect(throws: SurvivalError.self) {
            try CoxRegression(time: [1, 2], event: [true, true], covariates: Matrix(columns: [[1, 2]]), cluster: ["a"])
        }
    }

    @Test("the fit does not depend on the order of the rows")
    func orderInvariance() throws {
        let c = try #require(Self.cases.first { $0.name == "lung cluster inst efron" })
        let fit = try c.model(finalNewtonStep: true).fit()
        let reversed = try CoxRegression(
            time: c.input.time.reversed(), event: c.input.event.reversed().map { $0 == 1 },
            covariates: Matrix(rows: c.input.x.reversed()), cluster: (c.input.cluster ?? []).reversed()
        ).fit()
        expectClose(reversed.coefficients, fit.coefficients, rtol: 1e-10)
        expectClose(reversed.covariance.storage, fit.covariance.storage, rtol: 1e-9)
    }
}
