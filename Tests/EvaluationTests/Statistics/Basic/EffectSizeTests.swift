import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Paired effect sizes against R")
struct EffectSizeTests {
    struct Expected: Decodable { let cases: [Case] }

    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let baseline: [Double]
        let end: [Double]
        let n: Int
        let dz: Double
        let dzLower: Double
        let dzUpper: Double
        let gav: Double
        let gavLower: Double
        let gavUpper: Double

        enum CodingKeys: String, CodingKey {
            case name, baseline, end, n, dz, gav
            case dzLower = "dz_lower", dzUpper = "dz_upper"
            case gavLower = "gav_lower", gavUpper = "gav_upper"
        }

        var testDescription: String { name }
    }

    static let cases: [Case] = (try? Fixture.json(Expected.self, "basic-effect-sizes").cases) ?? []

    @Test("the fixture is there") func fixture() { #expect(Self.cases.count == 6) }

    @Test("d_z and its noncentral-t interval match uniroot on pt(t, n − 1, ncp)", arguments: cases)
    func cohen(_ c: Case) throws {
        let dz = CohensDz(baseline: c.baseline, end: c.end)
        #expect(dz.n == c.n)
        expectClose(dz.estimate, c.dz, rtol: 1e-12)
        let interval = try #require(dz.confidenceInterval)
        expectClose(interval.lower, c.dzLower, rtol: 1e-10)
        expectClose(interval.upper, c.dzUpper, rtol: 1e-10)
        #expect(interval.contains(c.dz))
    }

    @Test("g_av and its rescaled interval match Lakens' formula", arguments: cases)
    func hedges(_ c: Case) throws {
        let g = HedgesGav(baseline: c.baseline, end: c.end)
        #expect(g.n == c.n)
        expectClose(g.estimate, c.gav, rtol: 1e-12)
        let interval = try #require(g.confidenceInterval)
        expectClose(interval.lower, c.gavLower, rtol: 1e-10)
        expectClose(interval.upper, c.gavUpper, rtol: 1e-10)
        expectClose(g.dz.estimate, c.dz, rtol: 1e-12)
    }

    @Test("two pairs: estimates but no intervals")
    func twoPairs() {
        let dz = CohensDz(baseline: [1, 2], end: [2, 4])
        expectClose(dz.estimate, 1.5 / (0.5).squareRoot(), rtol: 1e-14)
        #expect(dz.confidenceInterval == nil)
        #expect(dz.unavailableReason == .tooFewObservations(required: 3, available: 2))
        let g = HedgesGav(baseline: [1, 2], end: [2, 4])
        // mean change 1.5, sds 0.7071… and 1.4142…, J = 1 − 3/7
        expectClose(g.estimate, 1.5 / ((0.5.squareRoot() + 2.0.squareRoot()) / 2) * (4.0 / 7.0), rtol: 1e-14)
        #expect(g.confidenceInterval == nil)
    }

    @Test("one pair, no variation of the change, or zero effect: nil with a reason")
    func undefined() {
        let one = CohensDz(changes: [2])
        #expect(one.estimate == nil && one.unavailableReason == .tooFewObservations(required: 2, available: 1))
        let constant = CohensDz(baseline: [1, 2, 3], end: [2, 3, 4])
        #expect(constant.estimate == nil && constant.unavailableReason == .constantData)
        let zero = CohensDz(changes: [-1, 1, -2, 2])
        #expect(zero.estimate == 0 && zero.confidenceInterval == nil && zero.unavailableReason == .zeroEffect)
        let gZero = HedgesGav(baseline: [1, 2, 3, 4], end: [0, 3, 1, 6])
        #expect(gZero.estimate == 0 && gZero.confidenceInterval == nil)
        let gConstant = HedgesGav(baseline: [5, 5, 5], end: [5, 5, 5])
        #expect(gConstant.estimate == nil && gConstant.unavailableReason == .constantData)
        let gOne = HedgesGav(baseline: [1], end: [2])
        #expect(gOne.estimate == nil && gOne.dz.estimate == nil)
    }

    @Test("changes keep their sign: reversing the waves negates d_z, g_av and their intervals")
    func sign() throws {
        let c = try #require(Self.cases.first)
        let forward = HedgesGav(baseline: c.baseline, end: c.end)
        let backward = HedgesGav(baseline: c.end, end: c.baseline)
        expectClose(backward.estimate, -(forward.estimate ?? .nan), rtol: 1e-14)
        let f = try #require(forward.confidenceInterval)
        let b = try #require(backward.confidenceInterval)
        expectClose(b.lower, -f.upper, rtol: 1e-9)
        expectClose(b.upper, -f.lower, rtol: 1e-9)
    }
}
