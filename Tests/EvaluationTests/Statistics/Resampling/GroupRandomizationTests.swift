import Evaluation
import Foundation
import Testing

@testable import Statistics

/// `Fixtures/group-randomization/expected.json`: p-values by exact
/// enumeration with `combn()` in R (see its `generate.R`).
struct RandomizationFixture: Decodable {
    struct Enumeration: Decodable {
        let observed: Double
        let relabelings: Int
        let extreme: Int
        let p: Double
    }
    struct Case: Decodable {
        let name: String
        let y: [Double]
        let g: [Int]
        let carries: [Bool]
        let difference: Enumeration
        let group_means: Enumeration

        func test() throws -> GroupRandomizationTest {
            try GroupRandomizationTest(values: y, groups: g, carriesLevel: carries)
        }

        /// Mean of the non-reference group means minus the reference ones.
        var groupMeanStatistic: GroupRandomizationTest.Statistic {
            var sums = [Double](repeating: 0, count: carries.count)
            var counts = sums
            for (value, group) in zip(y, g) {
                sums[group] += value
                counts[group] += 1
            }
            let means = zip(sums, counts).map { $0 / $1 }
            return .custom { labels in
                let on = labels.indices.filter { labels[$0] }, off = labels.indices.filter { !labels[$0] }
                return on.reduce(0) { $0 + means[$1] } / Double(on.count)
                    - off.reduce(0) { $0 + means[$1] } / Double(off.count)
            }
        }
    }
    let cases: [Case]

    static func named(_ name: String) throws -> Case {
        let all = try Fixture.json(RandomizationFixture.self, "group-randomization").cases
        guard let found = all.first(where: { $0.name == name }) else {
            throw Fixture.Missing(path: "group-randomization case \(name)")
        }
        return found
    }
}

@Suite("Group-level randomization test")
struct GroupRandomizationTests {
    static let names = ["co2_8_plants", "co2_12_plants", "co2_2_plants", "chickweight_10"]

    @Test("exact enumeration matches R's combn enumeration (difference of observation means)", arguments: names)
    func exactMatchesR(name: String) throws {
        let data = try RandomizationFixture.named(name)
        let result = try data.test().run()
        #expect(result.exact)
        #expect(result.seed == nil)
        #expect(result.relabelings == data.difference.relabelings)
        #expect(result.extreme == data.difference.extreme)
        expectClose(result.p, data.difference.p, rtol: 1e-13)  // JSON keeps 15 digits
        expectClose(result.observed, data.difference.observed, rtol: 1e-12)
    }

    @Test("a caller-supplied statistic is used for every relabeling", arguments: names)
    func customStatisticMatchesR(name: String) throws {
        let data = try RandomizationFixture.named(name)
        let result = try data.test().run(statistic: data.groupMeanStatistic)
        #expect(result.extreme == data.group_means.extreme)
        expectClose(result.p, data.group_means.p, rtol: 1e-13)
        expectClose(result.observed, data.group_means.observed, rtol: 1e-12)
    }

    @Test("the 8-group 4/4 design has 70 relabelings and two groups 1 vs 1 give p = 1")
    func smallDesigns() throws {
        #expect(try RandomizationFixture.named("co2_8_plants").test().run().relabelings == 70)
        let two = try RandomizationFixture.named("co2_2_plants").test().run()
        #expect(two.relabelings == 2 && two.p == 1)
    }

    @Test("combinations are enumerated in lexicographic order, each once")
    func lexicographicOrder() {
        var chosen = [0, 1]
        var seen = [chosen]
        while GroupRandomizationTest.advance(&chosen, groupCount: 4) { seen.append(chosen) }
        #expect(seen == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        #expect(GroupRandomizationTest.binomial(30, 10, limit: 100_000) == nil)
        #expect(GroupRandomizationTest.binomial(12, 6, limit: 100_000) == 924)
        #expect(GroupRandomizationTest.binomial(100, 50, limit: 100_000) == nil)
    }

    @Test("Monte Carlo: same seed, same p; another seed, another p; close to the exact p")
    func monteCarloIsSeededAndConsistent() throws {
        let test = try RandomizationFixture.named("chickweight_10").test()
        let exact = try test.run()
        let first = try test.run(exactLimit: 0, seed: 11)
        let again = try test.run(exactLimit: 0, seed: 11)
        let other = try test.run(exactLimit: 0, seed: 12)
        #expect(!first.exact && first.relabelings == 10_001 && first.seed == 11)
        #expect(first == again)
        #expect(first.p != other.p)
        // p = (1 + hits) / 10,001; the draws estimate the exact p (0.0905) with SD ≈ 0.003.
        #expect(abs(first.p - exact.p) < 0.015, "\(first.p) vs \(exact.p)")
        #expect(first.p == Double(first.extreme) / 10_001)
    }

    @Test("more than 100,000 relabelings switch to 10,000 seeded draws, with progress reported")
    func largeDesignUsesDraws() throws {
        // 30 groups, 10 carrying the level: C(30, 10) = 30,045,015 relabelings.
        var values: [Double] = [], groups: [Int] = []
        var generator = Xoshiro256StarStar(seed: 5)
        for g in 0..<30 {
            for _ in 0..<(3 + g % 4) {
                values.append(generator.nextUniform() + (g < 10 ? 0.2 : 0))
                groups.append(g)
            }
        }
        let test = try GroupRandomizationTest(values: values, groups: groups, carriesLevel: (0..<30).map { $0 < 10 })
        var reports: [Double] = []
        let result = try test.run { reports.append($0) }
        #expect(!result.exact && result.relabelings == 10_001 && result.seed == GroupRandomizationTest.defaultSeed)
        #expect(reports.last == 1 && reports.count == 3)  // 4,096, 8,192, done
        #expect(reports == reports.sorted())
    }

    @Test("invalid designs are refused")
    func refusals() {
        #expect(throws: ResamplingError.singleLevel) {
            try GroupRandomizationTest(values: [1, 2], groups: [0, 1], carriesLevel: [true, true])
        }
        #expect(throws: ResamplingError.emptyGroup(2)) {
            try GroupRandomizationTest(values: [1, 2], groups: [0, 1], carriesLevel: [true, false, false])
        }
        #expect(throws: ResamplingError.self) {
            try GroupRandomizationTest(values: [1, 2], groups: [0, 3], carriesLevel: [true, false])
        }
    }
}
