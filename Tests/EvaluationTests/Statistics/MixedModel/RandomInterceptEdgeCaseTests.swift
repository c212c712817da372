import Evaluation
import Testing

@testable import Statistics

@Suite("Random-intercept model: refusals and edge cases")
struct RandomInterceptEdgeCaseTests {
    @Test("a single group is refused, as lmer refuses it ('grouping factors must have > 1 sampled level')")
    func singleGroupThrows() {
        #expect(throws: MixedModelError.tooFewGroups(1)) {
            try RandomInterceptModel.interceptOnly(response: [1, 2, 4, 3, 5], groups: [7, 7, 7, 7, 7])
        }
    }

    @Test("one observation per group is refused, as lmer refuses it")
    func allSingletonsThrow() {
        #expect(throws: MixedModelError.groupsNotFewerThanObservations(groups: 5, observations: 5)) {
            try RandomInterceptModel.interceptOnly(response: [1, 2, 4, 3, 5], groups: [1, 2, 3, 4, 5])
        }
    }

    @Test("a rank-deficient fixed design throws and names the aliased column")
    func singularDesignThrows() throws {
        let x = [0.0, 1, 2, 3, 4, 5, 6, 7]
        let design = Matrix(columns: [[Double](repeating: 1, count: 8), x, x.map { 2 * $0 + 1 }])
        let model = try RandomInterceptModel(
            response: [1, 3, 2, 5, 4, 6, 8, 7], design: design, groups: [0, 0, 1, 1, 2, 2, 3, 3])
        let error = #expect(throws: MixedModelError.self) { try model.fit() }
        guard case .singularDesign(let rank, let columns, let aliased) = error else {
            Issue.record("expected a singular design, got \(String(describing: error))")
            return
        }
        #expect(rank == 2 && columns == 3 && aliased.count == 1)
    }

    @Test("a constant outcome throws: no variance to partition")
    func constantOutcomeThrows() throws {
        let model = try RandomInterceptModel.interceptOnly(response: [0, 0, 0, 0, 0, 0], groups: [1, 1, 2, 2, 3, 3])
        #expect(throws: MixedModelError.degenerateResponse) { try model.fit() }
    }

    @Test("mismatched lengths and non-finite values are refused")
    func invalidInputsThrow() {
        #expect(throws: MixedModelError.self) {
            try RandomInterceptModel.interceptOnly(response: [1, 2, 3], groups: [1, 2])
        }
        #expect(throws: MixedModelError.nonFiniteValue("response")) {
            try RandomInterceptModel.interceptOnly(response: [1, .nan, 3, 4], groups: [1, 1, 2, 2])
        }
    }

    @Test("three groups of two: the fit with θ from the closed-form balanced ANOVA estimate")
    func balancedClosedForm() throws {
        // Balanced one-way layout: REML = ANOVA estimates when MSB > MSW:
        // σ² = MSW, σ²_g = (MSB − MSW)/m.
        let y: [Double] = [1, 2, 6, 8, 3, 4]
        let g = [0, 0, 1, 1, 2, 2]
        let fit = try RandomInterceptModel.intraclassCorrelation(outcome: y, groups: g)
        let means = [1.5, 7.0, 3.5], grand = 4.0, m = 2.0
        let msw = (0.25 + 0.25 + 1 + 1 + 0.25 + 0.25) / 3
        let msb = m * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / 2
        expectClose(fit.varianceResidual, msw, rtol: 1e-9)
        expectClose(fit.varianceGroup, (msb - msw) / m, rtol: 1e-9)
        expectClose(fit.coefficients[0], grand, rtol: 1e-12)
        expectClose(fit.standardErrors[0], (msb / 6).squareRoot(), rtol: 1e-9)
    }
}
