import Evaluation
import Foundation
import Testing

@testable import Statistics

/// `glm(am ~ wt + hp, family = binomial())` on datasets::mtcars, against
/// Fixtures/regression-mtcars-logistic (generate.R beside it).
@Suite("Logistic regression against R")
struct LogisticRegressionTests {
    struct Expected: Decodable {
        let terms: [String]
        let coefficients: [Double]
        let iterations: Int
        let converged: Bool
        let deviance: Double
        let null_deviance: Double
        let aic: Double
        let df_residual: Int
        let fitted: [Double]
        let vcov_model: [Double]
        let model_z: [Double]
        let model_p: [Double]
        let model_ci_low: [Double]
        let model_ci_high: [Double]
        let vcov_hc0: [Double]
        let vcov_hc1: [Double]
        let vcov_hc2: [Double]
        let vcov_hc3: [Double]
        let vcov_cr1s: [Double]
        let vcov_cr2: [Double]
        let cr2_se: [Double]
        let cr2_df: [Double]
        let cr2_p: [Double]
        let cr2_ci_low: [Double]
        let cr2_ci_high: [Double]
    }

    static func load() throws -> (LogisticFit, [Double], Expected) {
        let data = try NumericTable(fixture: "regression-mtcars-logistic")
        let r = try Fixture.json(Expected.self, "regression-mtcars-logistic")
        let fit = try LogisticRegression(design: data.design(["wt", "hp"]), response: data["am"], terms: r.terms).fit()
        return (fit, data["carb"], r)
    }

    @Test("IRLS reproduces glm: coefficients, iterations, deviances, AIC, fitted values")
    func fit() throws {
        let (fit, _, r) = try Self.load()
        expectClose(fit.coefficients, r.coefficients, rtol: 1e-9)
        #expect(fit.iterations == r.iterations)
        #expect(fit.converged == r.converged)
        #expect(fit.diagnostics.isEmpty)
        #expect(fit.residualDegreesOfFreedom == r.df_residual)
        expectClose(fit.deviance, r.deviance, rtol: 1e-10)
        expectClose(fit.nullDeviance, r.null_deviance, rtol: 1e-12)
        expectClose(fit.aic, r.aic, rtol: 1e-10)
        expectClose(fit.fitted, r.fitted, rtol: 1e-8)
    }

    @Test("model-based z tests and Wald intervals match summary.glm and confint.default")
    func modelBased() throws {
        let (fit, _, r) = try Self.load()
        expectClose(fit.covariance, r.vcov_model, rtol: 1e-9)
        let table = fit.coefficientTable()
        #expect(table.rows.allSatisfy { $0.degreesOfFreedom == nil })
        expectClose(table.rows.map { $0.statistic ?? .nan }, r.model_z, rtol: 1e-9)
        expectClose(table.rows.map { $0.pValue ?? .nan }, r.model_p, rtol: 1e-8)
        expectClose(table.rows.map { $0.lower ?? .nan }, r.model_ci_low, rtol: 1e-9)
        expectClose(table.rows.map { $0.upper ?? .nan }, r.model_ci_high, rtol: 1e-9)
    }

    @Test("HC0–HC3 and CR1S match sandwich for a glm")
    func sandwiches() throws {
        let (fit, carb, r) = try Self.load()
        for (type, values) in zip(SandwichCovariance.HCType.allCases, [r.vcov_hc0, r.vcov_hc1, r.vcov_hc2, r.vcov_hc3]) {
            expectClose(SandwichCovariance.heteroskedasticityConsistent(fit, type: type), values, rtol: 1e-8, type.rawValue)
        }
        expectClose(try SandwichCovariance.clusterRobust(fit, cluster: carb, adjustment: .cr1S), r.vcov_cr1s, rtol: 1e-8)
    }

    @Test("CR2 by carb (6 clusters, two of size one) with Satterthwaite df matches clubSandwich")
    func cr2() throws {
        let (fit, carb, r) = try Self.load()
        let cr2 = try ClusterRobustCR2(fit, cluster: carb)
        #expect(cr2.clusterCount == 6)
        expectClose(cr2.covariance, r.vcov_cr2, rtol: 1e-9)
        expectClose(cr2.degreesOfFreedom, r.cr2_df, rtol: 1e-9)
        let table = cr2.coefficientTable()
        expectClose(table.rows.map { $0.standardError ?? .nan }, r.cr2_se, rtol: 1e-9)
        expectClose(table.rows.map { $0.pValue ?? .nan }, r.cr2_p, rtol: 1e-9)
        expectClose(table.rows.map { $0.lower ?? .nan }, r.cr2_ci_low, rtol: 1e-9)
        expectClose(table.rows.map { $0.upper ?? .nan }, r.cr2_ci_high, rtol: 1e-9)
    }

    @Test(
        "a 2×2 table: log odds ratio and its standard error equal the closed form to 1e-9",
        arguments: [
            (27, 53, 28, 49), (3, 40, 9, 38), (120, 400, 95, 410), (1, 12, 11, 12),
        ])
    func twoByTwoClosedForm(_ table: (Int, Int, Int, Int)) throws {
        // Reference level: a of n0 with the event; the other level: b of n1.
        let (a, n0, b, n1) = table
        let y = (0..<n0).map { $0 < a ? 1.0 : 0 } + (0..<n1).map { $0 < b ? 1.0 : 0 }
        let x = Matrix(columns: [Array(repeating: 1, count: n0 + n1), Array(repeating: 0, count: n0) + Array(repeating: 1, count: n1)])
        let fit = try LogisticRegression(design: x, response: y).fit()
        let logOR = log(Double(b) / Double(n1 - b)) - log(Double(a) / Double(n0 - a))
        let se = (1 / Double(a) + 1 / Double(n0 - a) + 1 / Double(b) + 1 / Double(n1 - b)).squareRoot()
        let row = fit.coefficientTable().rows[1]
        expectClose(row.estimate, logOR, rtol: 1e-9)
        expectClose(row.standardError, se, rtol: 1e-9)
        #expect(fit.converged)
    }
}
