import Evaluation

@testable import Statistics

/// `Fixtures/lmer-random-intercept/expected.json` (written by its `generate.R`).
struct LmerFixture: Decodable {
    struct Summary: Decodable {
        let coefficients: [Double]
        let standard_errors: [Double]
        let t_values: [Double]
        let covariance: [Double]
        let theta: Double
        let sd_group: Double
        let sd_residual: Double
        let icc: Double
        let reml_criterion: Double
        let singular: Bool
        let group_effects: [Double]
    }
    struct Probe: Decodable {
        let theta: [Double]
        let value: [Double]
    }
    struct Case: Decodable {
        let name: String
        let y: [Double]
        let g: [Int]
        let x: [[Double]]
        let terms: [String]
        let criterion_at: Probe
        let lmer: Summary
        let tight: Summary

        /// The lmer model matrix: intercept, then the covariate columns.
        var design: Matrix {
            Matrix(columns: [[Double](repeating: 1, count: y.count)] + x)
        }

        func model() throws -> RandomInterceptModel {
            try RandomInterceptModel(response: y, design: design, groups: g, termNames: terms)
        }
    }
    let r_version: String
    let lme4_version: String
    let cases: [Case]

    static func load() throws -> LmerFixture {
        try Fixture.json(LmerFixture.self, "lmer-random-intercept")
    }

    static func named(_ name: String) throws -> Case {
        guard let found = try load().cases.first(where: { $0.name == name }) else {
            throw Fixture.Missing(path: "lmer-random-intercept case \(name)")
        }
        return found
    }
}
