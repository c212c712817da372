import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// Propensity-score matching and weighting on MatchIt's lalonde data against R
/// (Fixtures/impact-lalonde: generate.R, expected.json): MatchIt 4.5's nearest
/// neighbour with a 0.2 SD caliper (the same pairs), summary.matchit's balance
/// table (all and matched), the pair-clustered effect, CR2 by group, ATT weights.
@Suite("Matching on lalonde against MatchIt")
struct LalondeMatchingTests {
    struct Expected: Decodable {
        struct Pair: Decodable {
            let treated: String
            let control: String?
        }
        struct Balance: Decodable {
            let covariate: String
            let mean_treated: Double?
            let mean_control_all: Double?
            let mean_control_matched: Double?
            let smd_all: Double?
            let smd_matched: Double?
            let var_ratio_all: Double?
            let var_ratio_matched: Double?
            let ecdf_mean_all: Double?
            let ecdf_mean_matched: Double?
            let ecdf_max_all: Double?
            let ecdf_max_matched: Double?
        }
        struct Effect: Decodable {
            let treated_rate: Double
            let control_rate: Double
            let estimate: Double
            let se: Double
            let df: Double
            let ci_low: Double
            let ci_high: Double
            let p: Double
            let se_cr2_group: Double?
            let df_cr2: Double?
            let p_cr2: Double?
            let ci_low_cr2: Double?
            let ci_high_cr2: Double?
        }
        struct Nearest: Decodable {
            let pairs: [Pair]
            let balance: [Balance]
            let effect: Effect
        }
        struct Pairs: Decodable {
            let pairs: [Pair]
        }
        struct Weighting: Decodable {
            let balance: [Balance]
            let effective_sample_size: Double
            let effect: Effect
        }
        struct Unadjusted: Decodable {
            let estimate: Double
            let se: Double
            let ci_low: Double
            let ci_high: Double
        }
        let caliper: Double
        let score: [Double]
        let nearest: Nearest
        let no_caliper: Pairs
        let weighting: Weighting
        let unadjusted: Unadjusted
    }

    /// lalonde.csv: id, treat, age, educ, race, married, nodegree, re74, re75, y, group.
    struct Data {
        var ids: [String] = []
        var treated: [Bool] = []
        var columns: [String: [Double]] = [:]
        var race: [String] = []
        var outcome: [Double] = []
        var group: [String] = []

        init() throws {
            let text = String(decoding: try Fixture.data("impact-lalonde", "lalonde.csv"), as: UTF8.self)
            let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            func at(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name) ?? 0] }
            for row in lines.dropFirst() {
                ids.append(at(row, "id"))
                treated.append(at(row, "treat") == "1")
                for name in ["age", "educ", "married", "nodegree", "re74", "re75"] {
                    columns[name, default: []].append(Double(at(row, name)) ?? .nan)
                }
                race.append(at(row, "race"))
                outcome.append(Double(at(row, "y")) ?? .nan)
                group.append(at(row, "group"))
            }
        }

        func column(_ name: String) -> [Double] { columns[name, default: []] }

        func indicator(_ level: String) -> [Double] { race.map { $0 == level ? 1 : 0 } }

        /// The covariates as summary.matchit lists them (every level of race).
        var balanceColumns: [(String, [Double])] {
            [("age", column("age")), ("educ", column("educ"))]
                + ["black", "hispan", "white"].map { ("race:\($0)", indicator($0)) }
                + ["married", "nodegree", "re74", "re75"].map { ($0, column($0)) }
        }

        /// The propensity model's design: intercept, then the terms of glm (race
        /// without its first level).
        var design: Matrix {
            let n = ids.count
            return Matrix(
                columns: [[Double](repeating: 1, count: n), column("age"), column("educ"), indicator("hispan"), indicator("white")]
                    + ["married", "nodegree", "re74", "re75"].map { column($0) })
        }
    }

    func scores(_ data: Data) throws -> [Double] {
        try LogisticRegression(design: data.design, response: data.treated.map { $0 ? 1 : 0 }, tolerance: 1e-8).fit().fitted
    }

    @Test("the propensity score and the caliper are glm's and MatchIt's")
    func score() throws {
        let expected = try Fixture.json(Expected.self, "impact-lalonde")
        let data = try Data()
        let ps = try scores(data)
        for (a, e) in zip(ps, expected.score) { #expect(abs(a - e) < 1e-8) }
        #expect(abs(NearestNeighbourMatch.standardCaliper(0.2, scores: ps) - expected.caliper) < 1e-10)
    }

    @Test("nearest neighbour within the caliper gives MatchIt's pairs")
    func pairs() throws {
        let expected = try Fixture.json(Expected.self, "impact-lalonde")
        let data = try Data()
        let ps = try scores(data)
        let match = NearestNeighbourMatch(
            scores: ps, treated: data.treated, caliperWidth: NearestNeighbourMatch.standardCaliper(0.2, scores: ps))
        let mine = Dictionary(
            uniqueKeysWithValues: data.ids.indices.filter { data.treated[$0] }.map {
                (data.ids[$0], match.controlOf[$0].map { data.ids[$0] })
            })
        #expect(expected.nearest.pairs.count == 185)
        #expect(expected.nearest.pairs.filter { $0.control != nil }.count == 113)
        var differing = 0
        for pair in expected.nearest.pairs where mine[pair.treated] != pair.control { differing += 1 }
        #expect(differing == 0)
        let unrestricted = NearestNeighbourMatch(scores: ps, treated: data.treated, caliperWidth: nil)
        let all = Dictionary(
            uniqueKeysWithValues: data.ids.indices.filter { data.treated[$0] }.map {
                (data.ids[$0], unrestricted.controlOf[$0].map { data.ids[$0] })
            })
        #expect(expected.no_caliper.pairs.filter { all[$0.treated] != $0.control }.isEmpty)
    }

    @Test("the balance table is summary.matchit's, before and after matching")
    func balance() throws {
        let expected = try Fixture.json(Expected.self, "impact-lalonde")
        let data = try Data()
        let ps = try scores(data)
        let match = NearestNeighbourMatch(
            scores: ps, treated: data.treated, caliperWidth: NearestNeighbourMatch.standardCaliper(0.2, scores: ps))
        var weights = [Double](repeating: 0, count: ps.count)
        for pair in match.pairs {
            weights[pair.treated] = 1
            weights[pair.control] = 1
        }
        let attWeights = AverageTreatmentOnTreatedWeights.weights(scores: ps, treated: data.treated)
        let columns = data.balanceColumns
        #expect(columns.map(\.0) == expected.nearest.balance.map(\.covariate))
        for ((name, x), (e, ew)) in zip(columns, zip(expected.nearest.balance, expected.weighting.balance)) {
            let all = CovariateBalance(values: x, treated: data.treated)
            let matched = CovariateBalance(values: x, treated: data.treated, weights: weights)
            let weighted = CovariateBalance(values: x, treated: data.treated, weights: attWeights)
            func same(_ a: Double?, _ b: Double?, _ what: String) {
                if let b {
                    #expect(a.map { abs($0 - b) <= 1e-8 * max(1, abs(b)) } == true, "\(name) \(what): \(String(describing: a)) vs \(b)")
                } else {
                    #expect(a == nil, "\(name) \(what)")
                }
            }
            same(all.meanTreated, e.mean_treated, "mean treated")
            same(all.meanControl, e.mean_control_all, "mean control")
            same(matched.meanControl, e.mean_control_matched, "mean control matched")
            same(all.standardisedDifference, e.smd_all, "smd")
            same(matched.standardisedDifference, e.smd_matched, "smd matched")
            same(all.varianceRatio, e.var_ratio_all, "variance ratio")
            same(matched.varianceRatio, e.var_ratio_matched, "variance ratio matched")
            same(all.ecdfMean, e.ecdf_mean_all, "eCDF mean")
            same(matched.ecdfMean, e.ecdf_mean_matched, "eCDF mean matched")
            same(all.ecdfMax, e.ecdf_max_all, "eCDF max")
            same(matched.ecdfMax, e.ecdf_max_matched, "eCDF max matched")
            same(weighted.meanControl, ew.mean_control_matched, "mean control weighted")
            same(weighted.standardisedDifference, ew.smd_matched, "smd weighted")
            same(weighted.varianceRatio, ew.var_ratio_matched, "variance ratio weighted")
            same(weighted.ecdfMean, ew.ecdf_mean_matched, "eCDF mean weighted")
            same(weighted.ecdfMax, ew.ecdf_max_matched, "eCDF max weighted")
        }
    }

    @Test("the effects: pair-clustered, CR2 by group, ATT weights with HC3, unadjusted with HC2")
    func effects() throws {
        let expected = try Fixture.json(Expected.self, "impact-lalonde")
        let data = try Data()
        let ps = try scores(data)
        let match = NearestNeighbourMatch(
            scores: ps, treated: data.treated, caliperWidth: NearestNeighbourMatch.standardCaliper(0.2, scores: ps))
        let pairs = match.pairs
        let units = pairs.flatMap { [$0.treated, $0.control] }
        let pairOf = pairs.indices.flatMap { [$0, $0] }
        let groupOf = pairs.flatMap { [data.group[$0.treated], data.group[$0.treated]] }
        let groupIndex = Dictionary(uniqueKeysWithValues: Set(groupOf).sorted().enumerated().map { ($1, $0) })
        let y = units.map { data.outcome[$0] }
        let t = units.map { data.treated[$0] }
        let paired = try TreatmentEffect(outcome: y, treated: t, covariance: .pairs(pairOf))
        let cr2 = try TreatmentEffect(outcome: y, treated: t, covariance: .cr2(groupOf.map { groupIndex[$0]! }))
        let e = expected.nearest.effect
        let close = { (a: Double, b: Double) in abs(a - b) < 1e-9 }
        #expect(close(paired.treatedMean, e.treated_rate) && close(paired.controlMean, e.control_rate))
        #expect(close(paired.estimate, e.estimate) && close(paired.standardError, e.se) && paired.degreesOfFreedom == e.df)
        #expect(close(paired.lower, e.ci_low) && close(paired.upper, e.ci_high) && close(paired.pValue, e.p))
        #expect(close(cr2.standardError, e.se_cr2_group!) && abs(cr2.degreesOfFreedom - e.df_cr2!) < 1e-7)
        #expect(abs(cr2.pValue - e.p_cr2!) < 1e-8 && abs(cr2.lower - e.ci_low_cr2!) < 1e-8 && abs(cr2.upper - e.ci_high_cr2!) < 1e-8)

        let w = AverageTreatmentOnTreatedWeights.weights(scores: ps, treated: data.treated)
        let weighted = try TreatmentEffect(outcome: data.outcome, treated: data.treated, weights: w, covariance: .hc3)
        let ew = expected.weighting.effect
        #expect(close(weighted.controlMean, ew.control_rate) && close(weighted.estimate, ew.estimate))
        // The weights p/(1 − p) magnify glm's convergence tolerance (scores agree to 1e-8): 1e-7 here.
        #expect(close(weighted.standardError, ew.se) && weighted.degreesOfFreedom == ew.df && abs(weighted.pValue - ew.p) < 1e-7)
        #expect(close(weighted.lower, ew.ci_low) && close(weighted.upper, ew.ci_high))
        let controls = data.treated.indices.filter { !data.treated[$0] }.map { w[$0] }
        let ess = AverageTreatmentOnTreatedWeights.effectiveSampleSize(controls)
        #expect(abs(ess - expected.weighting.effective_sample_size) < 1e-7 * expected.weighting.effective_sample_size)

        let unadjusted = try TreatmentEffect(outcome: data.outcome, treated: data.treated, covariance: .hc2)
        let eu = expected.unadjusted
        #expect(close(unadjusted.estimate, eu.estimate) && close(unadjusted.standardError, eu.se))
        #expect(close(unadjusted.lower, eu.ci_low) && close(unadjusted.upper, eu.ci_high))
    }

    @Test("ties, an empty side and a caliper nobody meets")
    func edges() {
        // Controls at equal distance below and above: the lower one is taken.
        let tie = NearestNeighbourMatch(scores: [0.4, 0.5, 0.6], treated: [false, true, false], caliperWidth: nil)
        #expect(tie.controlOf == [nil, 0, nil])
        // The treated with the larger score chooses first; the other takes what is left.
        let order = NearestNeighbourMatch(scores: [0.5, 0.7, 0.55], treated: [true, true, false], caliperWidth: nil)
        #expect(order.controlOf == [nil, 2, nil])
        let none = NearestNeighbourMatch(scores: [0.1, 0.9], treated: [true, false], caliperWidth: 0.1)
        #expect(none.controlOf == [nil, nil])
        let noControls = NearestNeighbourMatch(scores: [0.1, 0.9], treated: [true, true], caliperWidth: nil)
        #expect(noControls.pairs.isEmpty)
        // A constant covariate: no difference, standardised or not, and no eCDF gap.
        let flat = CovariateBalance(values: [3, 3, 3, 3], treated: [true, true, false, false])
        #expect(flat.standardisedDifference == 0 && flat.ecdfMax == 0)
    }
}
