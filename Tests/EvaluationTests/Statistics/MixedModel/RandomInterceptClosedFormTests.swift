import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// Full convergence of REML (METHODS §8) against the closed form of a balanced
/// one-way layout (a groups of n): with MSW = Σ(y − ȳᵢ)²/(a(n − 1)) and
/// MSB = n·Σ(ȳᵢ − ȳ)²/(a − 1), REML gives σ̂² = MSW and σ̂²_g = (MSB − MSW)/n
/// when MSB > MSW, the intercept ȳ with standard error √(MSB/(a·n)); when
/// MSB ≤ MSW, σ̂²_g = 0 and σ̂² = Σ(y − ȳ)²/(an − 1) with standard error
/// √(σ̂²/(an)) (Searle, Casella & McCulloch 1992, *Variance Components*, §3.6,
/// §6.7). On lme4's Dyestuff (6 × 5) and Dyestuff2, sleepstudy's reaction
/// times by subject alone (18 × 10), and a generated 40 × 7 layout.
@Suite("Random-intercept REML converges to the balanced one-way closed form")
struct RandomInterceptClosedFormTests {
    struct Layout: CustomTestStringConvertible {
        var name: String
        var y: [Double]
        var g: [Int]
        var testDescription: String { name }
    }

    static func layouts() throws -> [Layout] {
        var out = try ["dyestuff", "dyestuff2", "sleepstudy"].map { name in
            let c = try LmerFixture.named(name)
            return Layout(name: name, y: c.y, g: c.g)
        }
        // 40 groups of 7 with a group effect of sd 0.5 and noise of sd 1 (Box–Muller).
        var rng = Xoshiro256StarStar(seed: 15)
        func normal() -> Double { (-2 * log(1 - rng.nextUniform())).squareRoot() * cos(2 * Double.pi * rng.nextUniform()) }
        var y: [Double] = []
        var g: [Int] = []
        for group in 0..<40 {
            let effect = 0.5 * normal()
            for _ in 0..<7 {
                y.append(10 + effect + normal())
                g.append(group)
            }
        }
        out.append(Layout(name: "generated 40 × 7", y: y, g: g))
        return out
    }

    static let names = ["dyestuff", "dyestuff2", "sleepstudy", "generated 40 × 7"]

    @Test("variance components, intercept and its standard error equal the ANOVA closed form to 1e-10", arguments: names)
    func closedForm(_ name: String) throws {
        let layout = try #require(try Self.layouts().first { $0.name == name })
        let (y, g) = (layout.y, layout.g)
        let groups = Array(Set(g)).sorted()
        let a = Double(groups.count)
        let total = Double(y.count)
        let n = total / a
        #expect(groups.allSatisfy { k in Double(g.filter { $0 == k }.count) == n }, "balanced")
        let grand = y.reduce(0, +) / total
        var means: [Int: Double] = [:]
        for k in groups {
            let values = zip(y, g).filter { $0.1 == k }.map(\.0)
            means[k] = values.reduce(0, +) / n
        }
        let within = zip(y, g).reduce(0.0) { $0 + ($1.0 - (means[$1.1] ?? 0)) * ($1.0 - (means[$1.1] ?? 0)) }
        let between = groups.reduce(0.0) { $0 + n * ((means[$1] ?? 0) - grand) * ((means[$1] ?? 0) - grand) }
        let msw = within / (a * (n - 1))
        let msb = between / (a - 1)
        let fit = try RandomInterceptModel.interceptOnly(response: y, groups: g).fit()
        expectClose(fit.coefficients[0], grand, rtol: 1e-12, "intercept")
        let (variance, groupVariance) = msb > msw ? (msw, (msb - msw) / n) : ((within + between) / (total - 1), 0)
        let se = (msb > msw ? msb / total : variance / total).squareRoot()
        #expect(fit.boundary == (msb <= msw) && (msb > msw || fit.theta == 0))
        expectClose(fit.varianceResidual, variance, rtol: 1e-10, "σ²")
        expectClose(fit.varianceGroup, groupVariance, rtol: 1e-10, "σ²_g")
        expectClose(fit.standardErrors[0], se, rtol: 1e-10, "se")
        let errors = [
            fit.varianceResidual / variance, groupVariance > 0 ? fit.varianceGroup / groupVariance : 1, fit.standardErrors[0] / se,
        ]
        print("REML closed form \(name): largest relative error \(errors.map { abs($0 - 1) }.max() ?? 0)")
    }
}
