import Evaluation
import Foundation
import Testing

@testable import Statistics

/// `lm(y ~ x)` on sandwich::PetersenCL with every covariance of this area,
/// against Fixtures/regression-petersen (generate.R beside it).
@Suite("Linear regression against R")
struct LinearRegressionTests {
    struct Expected: Decodable {
        let coefficients: [Double]
        let sigma: Double
        let df_residual: Int
        let vcov_model: [Double]
        let model_t: [Double]
        let model_p: [Double]
        let model_ci_low: [Double]
        let model_ci_high: [Double]
        let vcov_hc0: [Double]
        let vcov_hc1: [Double]
        let vcov_hc2: [Double]
        let vcov_hc3: [Double]
        let vcov_cr0: [Double]
        let vcov_cr1: [Double]
        let vcov_cr1s: [Double]
        let vcov_cr2: [Double]
        let hc3_p: [Double]
        let cr1s_p: [Double]
        let cr1s_ci_low: [Double]
        let cr2_se: [Double]
        let cr2_t: [Double]
        let cr2_df: [Double]
        let cr2_p: [Double]
        let cr2_ci_low: [Double]
        let cr2_ci_high: [Double]
    }

    static func load() throws -> (LinearFit, [Double], Expected) {
        let data = try NumericTable(fixture: "regression-petersen")
        let model = try LinearRegression(design: data.design(["x"]), response: data["y"], terms: ["(Intercept)", "x"])
        return (try model.fit(), data["firm"], try Fixture.json(Expected.self, "regression-petersen"))
    }

    @Test("OLS coefficients, σ and model-based inference match lm and summary.lm")
    func modelBased() throws {
        let (fit, _, r) = try Self.load()
        expectClose(fit.coefficients, r.coefficients, rtol: 1e-10)
        expectClose(fit.sigma, r.sigma, rtol: 1e-10)
        #expect(fit.residualDegreesOfFreedom == r.df_residual)
        expectClose(fit.covariance, r.vcov_model, rtol: 1e-10)
        let table = fit.coefficientTable()
        expectClose(table.rows.map { $0.statistic ?? .nan }, r.model_t, rtol: 1e-10)
        expectClose(table.rows.map { $0.pValue ?? .nan }, r.model_p, rtol: 1e-6)
        expectClose(table.rows.map { $0.lower ?? .nan }, r.model_ci_low, rtol: 1e-10)
        expectClose(table.rows.map { $0.upper ?? .nan }, r.model_ci_high, rtol: 1e-10)
    }

    @Test("HC0–HC3 match sandwich::vcovHC", arguments: SandwichCovariance.HCType.allCases)
    func heteroskedasticityConsistent(type: SandwichCovariance.HCType) throws {
        let (fit, _, r) = try Self.load()
        let expected = [SandwichCovariance.HCType.hc0: r.vcov_hc0, .hc1: r.vcov_hc1, .hc2: r.vcov_hc2, .hc3: r.vcov_hc3][type] ?? []
        expectClose(SandwichCovariance.heteroskedasticityConsistent(fit, type: type), expected, rtol: 1e-10)
    }

    @Test("CR0, CR1 and CR1S match sandwich::vcovCL", arguments: SandwichCovariance.ClusterAdjustment.allCases)
    func clusterRobust(adjustment: SandwichCovariance.ClusterAdjustment) throws {
        let (fit, firm, r) = try Self.load()
        let expected = [SandwichCovariance.ClusterAdjustment.cr0: r.vcov_cr0, .cr1: r.vcov_cr1, .cr1S: r.vcov_cr1s][adjustment] ?? []
        let v = try SandwichCovariance.clusterRobust(fit, cluster: firm, adjustment: adjustment)
        expectClose(v, expected, rtol: 1e-10)
    }

    @Test("HC3 tests use t on n − p (coeftest's default); CR1S tests t on G − 1")
    func sandwichTables() throws {
        let (fit, firm, r) = try Self.load()
        let hc3 = fit.coefficientTable(hc: .hc3)
        #expect(hc3.method == .hc3)
        #expect(hc3.rows.allSatisfy { $0.degreesOfFreedom == 4998 })
        expectClose(hc3.rows.map { $0.pValue ?? .nan }, r.hc3_p, rtol: 1e-6)
        let cr1s = try fit.coefficientTable(clusters: ClusterIndex(firm))
        #expect(cr1s.method == .cr1S)
        #expect(cr1s.rows.allSatisfy { $0.degreesOfFreedom == 499 })
        expectClose(cr1s.rows.map { $0.pValue ?? .nan }, r.cr1s_p, rtol: 1e-9)
        expectClose(cr1s.rows.map { $0.lower ?? .nan }, r.cr1s_ci_low, rtol: 1e-10)
    }

    @Test("CR2, Satterthwaite df, p-values and intervals match clubSandwich")
    func cr2() throws {
        let (fit, firm, r) = try Self.load()
        let cr2 = try ClusterRobustCR2(fit, cluster: firm)
        #expect(cr2.clusterCount == 500)
        #expect(cr2.diagnostics.isEmpty)
        expectClose(cr2.covariance, r.vcov_cr2, rtol: 1e-10)
        expectClose(cr2.standardErrors, r.cr2_se, rtol: 1e-10)
        expectClose(cr2.degreesOfFreedom, r.cr2_df, rtol: 1e-10)
        let table = cr2.coefficientTable()
        #expect(table.method == .cr2)
        expectClose(table.rows.map { $0.statistic ?? .nan }, r.cr2_t, rtol: 1e-10)
        expectClose(table.rows.map { $0.pValue ?? .nan }, r.cr2_p, rtol: 1e-6)
        expectClose(table.rows.map { $0.lower ?? .nan }, r.cr2_ci_low, rtol: 1e-9)
        expectClose(table.rows.map { $0.upper ?? .nan }, r.cr2_ci_high, rtol: 1e-9)
    }
}
