import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Linear and logistic fits with CR2 + Satterthwaite on
/// clubSandwich::AchievementAwardsRCT (2001 cohort; 39 schools, and the 8
/// schools of pairs 1–4), against Fixtures/regression-achievement-awards.
@Suite("CR2 on AchievementAwardsRCT against clubSandwich")
struct ClubSandwichDataTests {
    struct Case: Decodable {
        let name: String
        let model: String
        let response: String
        let covariates: [String]
        let subset_pairs: [Double]?
        let n: Int
        let clusters: Int
        let terms: [String]
        let coefficients: [Double]
        let vcov_model: [Double]
        let model_statistic: [Double]
        let model_p: [Double]
        let vcov_hc0: [Double]
        let vcov_hc1: [Double]
        let vcov_hc2: [Double]
        let vcov_hc3: [Double]
        let vcov_cr1s: [Double]
        let vcov_cr2: [Double]
        let cr2_se: [Double]
        let cr2_t: [Double]
        let cr2_df: [Double]
        let cr2_p: [Double]
        let cr2_ci_low: [Double]
        let cr2_ci_high: [Double]
        let iterations: Int?
        let converged: Bool?
        let deviance: Double?
        let null_deviance: Double?
        let aic: Double?
        let sigma: Double?
    }
    struct Expected: Decodable { let cases: [Case] }

    static let caseNames = ["linear-all", "linear-few", "logistic-all", "logistic-few"]

    @Test("fit, HC, CR1S, CR2 and Satterthwaite tests match R", arguments: caseNames)
    func matchesR(name: String) throws {
        let data = try NumericTable(fixture: "regression-achievement-awards")
        let expected = try Fixture.json(Expected.self, "regression-achievement-awards")
        let r = try #require(expected.cases.first { $0.name == name })
        let rows = (0..<data.rowCount).filter { i in r.subset_pairs.map { $0.contains(data["pair"][i]) } ?? true }
        #expect(rows.count == r.n)
        let x = data.design(r.covariates, rows: rows)
        let y = rows.map { data[r.response][$0] }
        let school = rows.map { data["school_id"][$0] }
        let fit: any RegressionFit
        // Observed agreement is 1e-11 or better; IRLS fits get a margin for the
        // iteration (the contract asks 1e-5), closed forms 1e-9.
        let rtol: Double
        if r.model == "logistic" {
            let logistic = try LogisticRegression(design: x, response: y, terms: r.terms).fit()
            #expect(logistic.iterations == r.iterations)
            #expect(logistic.converged == r.converged)
            #expect(logistic.diagnostics.isEmpty)
            expectClose(logistic.deviance, r.deviance, rtol: 1e-10)
            expectClose(logistic.nullDeviance, r.null_deviance, rtol: 1e-10)
            expectClose(logistic.aic, r.aic, rtol: 1e-10)
            fit = logistic
            rtol = 1e-8
        } else {
            let linear = try LinearRegression(design: x, response: y, terms: r.terms).fit()
            expectClose(linear.sigma, r.sigma, rtol: 1e-10)
            fit = linear
            rtol = 1e-9
        }
        expectClose(fit.coefficients, r.coefficients, rtol: rtol, "coefficients")
        expectClose(fit.covariance, r.vcov_model, rtol: rtol, "model vcov")
        for (type, values) in zip(SandwichCovariance.HCType.allCases, [r.vcov_hc0, r.vcov_hc1, r.vcov_hc2, r.vcov_hc3]) {
            expectClose(SandwichCovariance.heteroskedasticityConsistent(fit, type: type), values, rtol: rtol, type.rawValue)
        }
        expectClose(try SandwichCovariance.clusterRobust(fit, cluster: school), r.vcov_cr1s, rtol: rtol, "CR1S")

        let cr2 = try ClusterRobustCR2(fit, cluster: school)
        #expect(cr2.clusterCount == r.clusters)
        expectClose(cr2.covariance, r.vcov_cr2, rtol: rtol, "CR2")
        expectClose(cr2.degreesOfFreedom, r.cr2_df, rtol: rtol, "df")
        let table = cr2.coefficientTable()
        expectClose(table.rows.map { $0.standardError ?? .nan }, r.cr2_se, rtol: rtol, "SE")
        expectClose(table.rows.map { $0.statistic ?? .nan }, r.cr2_t, rtol: rtol, "t")
        expectClose(table.rows.map { $0.pValue ?? .nan }, r.cr2_p, rtol: max(rtol, 1e-8), "p")
        expectClose(table.rows.map { $0.lower ?? .nan }, r.cr2_ci_low, rtol: max(rtol, 1e-8), "CI low")
        expectClose(table.rows.map { $0.upper ?? .nan }, r.cr2_ci_high, rtol: max(rtol, 1e-8), "CI high")
        if r.model == "logistic" {
            let model = fit.coefficientTable(level: 0.95)
            expectClose(model.rows.map { $0.statistic ?? .nan }, r.model_statistic, rtol: rtol, "z")
            expectClose(model.rows.map { $0.pValue ?? .nan }, r.model_p, rtol: max(rtol, 1e-8), "p(z)")
        }
    }
}
