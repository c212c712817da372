import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Regression edge cases")
struct RegressionEdgeCaseTests {
    struct Separation: Decodable {
        struct Case: Decodable {
            let name: String
            let x: [Double]
            let y: [Double]
            let coefficients: [Double]
            let iterations: Int
            let converged: Bool
            let deviance: Double
            let warnings: [String]
        }
        let cases: [Case]
    }

    static func separationCase(_ name: String) throws -> (LogisticFit, Separation.Case) {
        let expected = try Fixture.json(Separation.self, "regression-separation")
        let r = try #require(expected.cases.first { $0.name == name })
        let x = Matrix(columns: [[Double](repeating: 1, count: r.x.count), r.x])
        return (try LogisticRegression(design: x, response: r.y).fit(), r)
    }

    @Test("complete separation: separation and non-convergence diagnostics, as R's two warnings")
    func completeSeparation() throws {
        let (fit, r) = try Self.separationCase("complete")
        #expect(r.warnings.count == 2)
        #expect(fit.iterations == r.iterations)
        #expect(fit.converged == r.converged)
        #expect(fit.diagnostics.map(\.kind) == [.nonConvergence, .separation])
        // Diverging coefficients; IRLS follows glm.fit step by step, so even these
        // meaningless values agree with R's after 25 iterations.
        #expect(abs(fit.coefficients[1]) > 10)
        expectClose(fit.coefficients, r.coefficients, rtol: 1e-6)
        #expect(fit.coefficientTable().diagnostics.contains { $0.kind == .separation })
    }

    @Test("quasi-complete separation at full convergence (1e-10): as R, no convergence in 25 iterations, and separation flagged")
    func quasiCompleteSeparation() throws {
        let (fit, r) = try Self.separationCase("quasi-complete")
        // (At glm's default 1e-8 both stop early and only separation is said.)
        #expect(r.warnings == ["glm.fit: algorithm did not converge", "glm.fit: fitted probabilities numerically 0 or 1 occurred"])
        #expect(fit.iterations == r.iterations)
        #expect(fit.converged == r.converged)
        #expect(fit.diagnostics.map(\.kind) == [.nonConvergence, .separation])
        expectClose(fit.deviance, r.deviance, rtol: 1e-6)
        expectClose(fit.coefficients, r.coefficients, rtol: 1e-6)
    }

    @Test("overlapping outcomes: no diagnostic, R's estimates")
    func overlap() throws {
        let (fit, r) = try Self.separationCase("overlap")
        #expect(r.warnings.isEmpty)
        #expect(fit.diagnostics.isEmpty)
        #expect(fit.iterations == r.iterations)
        expectClose(fit.coefficients, r.coefficients, rtol: 1e-9)
        expectClose(fit.deviance, r.deviance, rtol: 1e-12)
    }

    @Test("no events at all: a separation diagnostic, not a crash or a silent estimate")
    func noEvents() throws {
        let x = Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]])
        let fit = try LogisticRegression(design: x, response: [0, 0, 0, 0, 0]).fit()
        #expect(fit.diagnostics.contains { $0.kind == .separation })
        #expect(fit.fitted.allSatisfy { $0 < 1e-8 })
    }

    static let collinear = Matrix(columns: [
        [1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12],
    ])

    @Test("a singular design throws for OLS and for logistic regression")
    func singularDesign() throws {
        #expect(throws: LinearAlgebraError.singular(rank: 2, columns: 3)) {
            try LinearRegression(design: Self.collinear, response: [1, 3, 2, 5, 4, 6]).fit()
        }
        #expect(throws: LinearAlgebraError.singular(rank: 2, columns: 3)) {
            try LogisticRegression(design: Self.collinear, response: [0, 1, 0, 1, 1, 0]).fit()
        }
    }

    @Test("one cluster: CR2 and CR1 throw tooFewClusters")
    func oneCluster() throws {
        let x = Matrix(columns: [[1, 1, 1, 1, 1], [1, 2, 3, 4, 5]])
        let fit = try LinearRegression(design: x, response: [1, 3, 2, 5, 4]).fit()
        let cluster = [Int](repeating: 7, count: 5)
        #expect(throws: RegressionError.tooFewClusters(1)) { try ClusterRobustCR2(fit, cluster: cluster) }
        #expect(throws: RegressionError.tooFewClusters(1)) { try SandwichCovariance.clusterRobust(fit, cluster: cluster) }
    }

    @Test("a logistic CR2 refuses clusters over its dense-size limit before allocating")
    func clusterTooLarge() throws {
        let data = SatterthwaiteTests.synthetic(seed: 3, n: 80)
        let fit = try LogisticRegression(design: data.x, response: data.yBinary).fit()
        let largest = ClusterIndex(data.cluster).members.map(\.count).max() ?? 0
        #expect(throws: RegressionError.clusterTooLarge(size: largest, limit: 5)) {
            try ClusterRobustCR2(fit, clusters: ClusterIndex(data.cluster), maximumDenseClusterSize: 5)
        }
        let linear = try LinearRegression(design: data.x, response: data.yLinear).fit()
        #expect(throws: Never.self) {
            try ClusterRobustCR2(linear, clusters: ClusterIndex(data.cluster), maximumDenseClusterSize: 5)
        }
    }

    @Test("no more clusters than coefficients: CR2 carries a fewClusters diagnostic")
    func fewClusters() throws {
        let x = Matrix(columns: [[1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6]])
        let fit = try LinearRegression(design: x, response: [1, 3, 2, 5, 4, 7]).fit()
        let cr2 = try ClusterRobustCR2(fit, cluster: [1, 1, 1, 2, 2, 2])
        #expect(cr2.diagnostics.map(\.kind) == [.fewClusters])
        #expect(cr2.coefficientTable().diagnostics.map(\.kind) == [.fewClusters])
    }

    @Test("clusters of size one: CR2 equals HC2 and CR0 equals HC0 for OLS")
    func singletonClusters() throws {
        let data = SatterthwaiteTests.synthetic(seed: 21, n: 40)
        let fit = try LinearRegression(design: data.x, response: data.yLinear).fit()
        let singletons = Array(0..<40)
        let cr2 = try ClusterRobustCR2(fit, cluster: singletons)
        let hc2 = SandwichCovariance.heteroskedasticityConsistent(fit, type: .hc2)
        expectClose(cr2.covariance.storage, hc2.storage, rtol: 1e-10)
        let cr0 = try SandwichCovariance.clusterRobust(fit, cluster: singletons, adjustment: .cr0)
        expectClose(cr0.storage, SandwichCovariance.heteroskedasticityConsistent(fit, type: .hc0).storage, rtol: 1e-10)
    }

    @Test("n = p: exact coefficients, no residual variance, standard errors nil with a diagnostic")
    func saturated() throws {
        let x = Matrix(columns: [[1, 1, 1], [0, 1, 0], [0, 0, 1]])
        let fit = try LinearRegression(design: x, response: [2, 5, -1]).fit()
        expectClose(fit.coefficients, [2, 3, -3], rtol: 1e-12)
        #expect(fit.residualDegreesOfFreedom == 0)
        #expect(fit.residualVariance == nil)
        #expect(fit.diagnostics.map(\.kind) == [.other])
        let table = fit.coefficientTable()
        #expect(table.rows.allSatisfy { $0.standardError == nil && $0.pValue == nil && $0.lower == nil })
        #expect(table.rows.map(\.estimate) == fit.coefficients)
    }

    @Test("input errors are reported, not crashed on")
    func inputErrors() throws {
        let x = Matrix(columns: [[1, 1, 1], [1, 2, 3]])
        #expect(throws: RegressionError.lengthMismatch("design has 3 rows, response has 2 values")) {
            try LinearRegression(design: x, response: [1, 2])
        }
        #expect(throws: RegressionError.responseOutOfRange(index: 1, value: 2)) {
            try LogisticRegression(design: x, response: [0, 2, 1])
        }
        #expect(throws: RegressionError.nonFiniteValue("response")) {
            try LinearRegression(design: x, response: [1, .nan, 2])
        }
        let fit = try LinearRegression(design: x, response: [1, 3, 2]).fit()
        #expect(throws: RegressionError.self) { try ClusterRobustCR2(fit, cluster: [1, 2]) }
    }

    @Test("coefficient tables: z for infinite df, nil where df or SE are undefined")
    func tableInference() {
        let v = Matrix.diagonal([4, 0, 1])
        let z = CoefficientTable(
            terms: ["a", "b", "c"], estimates: [1.96 * 2, 1, 2], covariance: v, degreesOfFreedom: .infinite, method: .hc0)
        let infinite = CoefficientTable(
            terms: ["a", "b", "c"], estimates: [1.96 * 2, 1, 2], covariance: v, degreesOfFreedom: .common(.infinity), method: .hc0)
        #expect(z.rows == infinite.rows)
        expectClose(z.rows[0].pValue, 0.049995790296440856, rtol: 1e-12)  // 2·pnorm(-1.96)
        expectClose(z.rows[0].lower, 3.92 - 1.9599639845400536 * 2, rtol: 1e-12)  // qnorm(0.975)
        #expect(z.rows[1].standardError == nil && z.rows[1].pValue == nil)
        let t = CoefficientTable(
            terms: ["a", "b", "c"], estimates: [1, 1, 2], covariance: v, degreesOfFreedom: .perCoefficient([4, 4, .nan]), method: .cr2)
        expectClose(t.rows[0].pValue, 0.64332996318186331, rtol: 1e-10)  // 2·pt(-0.5, 4)
        #expect(t.rows[2].standardError == 1 && t.rows[2].pValue == nil && t.rows[2].degreesOfFreedom == nil)
    }
}
