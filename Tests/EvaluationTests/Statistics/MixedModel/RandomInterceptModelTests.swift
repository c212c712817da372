import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Random-intercept model (REML) against lme4::lmer")
struct RandomInterceptModelTests {
    static let caseNames = [
        "sleepstudy", "dyestuff", "dyestuff2", "sleepstudy_singletons", "bacteria_binary", "bacteria_binary_icc",
    ]

    @Test("the profiled REML criterion equals lme4's devfun at fixed θ", arguments: caseNames)
    func criterionMatchesDevfun(name: String) throws {
        let data = try LmerFixture.named(name)
        let model = try data.model()
        let (dense, labels) = RandomInterceptModel.denseGroupIndex(model.groups)
        let criterion = RandomInterceptCriterion(
            design: model.design, response: model.response, group: dense, groupCount: labels.count)
        for (theta, expected) in zip(data.criterion_at.theta, data.criterion_at.value) {
            let value = try criterion.evaluate(lambda: theta * theta).criterion
            expectClose(value, expected, rtol: 1e-11, "\(name) d(θ = \(theta))")
        }
    }

    @Test("the analytic derivative of the criterion agrees with a central difference", arguments: caseNames)
    func derivativeMatchesFiniteDifference(name: String) throws {
        let model = try LmerFixture.named(name).model()
        let (dense, labels) = RandomInterceptModel.denseGroupIndex(model.groups)
        let criterion = RandomInterceptCriterion(
            design: model.design, response: model.response, group: dense, groupCount: labels.count)
        for lambda in [0.05, 0.3, 1.0, 3.0] {
            let h = 1e-5 * lambda
            let analytic = try #require(try criterion.evaluate(lambda: lambda, derivative: true).derivative)
            let numeric =
                (try criterion.evaluate(lambda: lambda + h).criterion - criterion.evaluate(lambda: lambda - h).criterion)
                / (2 * h)
            expectClose(analytic, numeric, rtol: 1e-6, atol: 1e-6, "\(name) d′(λ = \(lambda))")
        }
    }

    @Test("fixed effects, vcov, variance components and REMLcrit match lmer", arguments: caseNames)
    func fitMatchesLmer(name: String) throws {
        let data = try LmerFixture.named(name)
        let fit = try data.model().fit()
        for (reference, rtol) in [(data.tight, 1e-9), (data.lmer, 1e-5)] {
            expectClose(fit.coefficients, reference.coefficients, rtol: rtol, "\(name) β")
            expectClose(fit.standardErrors, reference.standard_errors, rtol: rtol, "\(name) SE")
            expectClose(fit.tValues, reference.t_values, rtol: rtol, "\(name) t")
            expectClose(fit.covariance.storage, reference.covariance, rtol: rtol, "\(name) vcov")
            expectClose(fit.theta, reference.theta, rtol: rtol, atol: 1e-9, "\(name) θ")
            expectClose(fit.sdGroup, reference.sd_group, rtol: rtol, atol: 1e-9, "\(name) σ_g")
            expectClose(fit.sdResidual, reference.sd_residual, rtol: rtol, "\(name) σ")
            expectClose(fit.icc, reference.icc, rtol: rtol, atol: 1e-12, "\(name) ICC")
            expectClose(fit.remlCriterion, reference.reml_criterion, rtol: 1e-10, "\(name) REMLcrit")
            expectClose(fit.groupEffects, reference.group_effects, rtol: rtol, atol: 1e-9, "\(name) ranef")
            #expect(fit.boundary == reference.singular)
        }
        #expect(fit.termNames == data.terms)
        #expect(fit.groupCount == Set(data.g).count)
    }

    @Test("at the optimum the criterion is stationary in θ (tolerance well below lmer's)")
    func optimumIsStationary() throws {
        let model = try LmerFixture.named("sleepstudy").model()
        let fit = try model.fit()
        let (dense, labels) = RandomInterceptModel.denseGroupIndex(model.groups)
        let criterion = RandomInterceptCriterion(
            design: model.design, response: model.response, group: dense, groupCount: labels.count)
        let slope = try #require(try criterion.evaluate(lambda: fit.theta * fit.theta, derivative: true).derivative)
        #expect(abs(slope) < 1e-9)
        // The tight lme4 fit's REML criterion is not below ours.
        let tight = try LmerFixture.named("sleepstudy").tight.reml_criterion
        #expect(fit.remlCriterion <= tight + 1e-10)
    }

    @Test("Dyestuff2 is a boundary fit: θ = 0 exactly, a boundary diagnostic, OLS standard errors")
    func dyestuff2IsBoundary() throws {
        let data = try LmerFixture.named("dyestuff2")
        let fit = try data.model().fit()
        #expect(fit.theta == 0)
        #expect(fit.sdGroup == 0)
        #expect(fit.icc == 0)
        #expect(fit.boundary)
        #expect(fit.diagnostics.map(\.kind) == [.boundary])
        let n = Double(data.y.count)
        let mean = data.y.reduce(0, +) / n
        let variance = data.y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        expectClose(fit.coefficients[0], mean, rtol: 1e-12)
        expectClose(fit.sdResidual, variance.squareRoot(), rtol: 1e-12)
        expectClose(fit.standardErrors[0], (variance / n).squareRoot(), rtol: 1e-12)
    }

    @Test("an interior fit carries no diagnostic")
    func interiorFitHasNoDiagnostic() throws {
        let fit = try LmerFixture.named("dyestuff").model().fit()
        #expect(!fit.boundary)
        #expect(fit.diagnostics.isEmpty)
    }

    @Test("the ICC convenience is the intercept-only model, also for a 0/1 outcome")
    func iccConvenience() throws {
        let data = try LmerFixture.named("bacteria_binary_icc")
        let fit = try RandomInterceptModel.intraclassCorrelation(outcome: data.y, groups: data.g)
        expectClose(fit.icc, data.tight.icc, rtol: 1e-9)
        expectClose(fit.icc, fit.varianceGroup / (fit.varianceGroup + fit.varianceResidual), rtol: 1e-12)
        #expect(fit.termNames == ["(Intercept)"])
    }

    @Test("group codes are arbitrary integers: relabelling and reordering rows change nothing")
    func invariantToCodingAndOrder() throws {
        let data = try LmerFixture.named("sleepstudy")
        let reference = try data.model().fit()
        let order = Array((0..<data.y.count).reversed())
        let codes = order.map { data.g[$0] * 1_000_003 - 7_000_000_000 }
        let model = try RandomInterceptModel(
            response: order.map { data.y[$0] }, design: data.design.selectingRows(order), groups: codes)
        let fit = try model.fit()
        expectClose(fit.coefficients, reference.coefficients, rtol: 1e-10)
        expectClose(fit.theta, reference.theta, rtol: 1e-9)
        expectClose(fit.remlCriterion, reference.remlCriterion, rtol: 1e-12)
        expectClose(fit.groupEffects, reference.groupEffects, rtol: 1e-8)
        #expect(fit.groupLabels == reference.groupLabels.map { $0 * 1_000_003 - 7_000_000_000 })
    }
}
