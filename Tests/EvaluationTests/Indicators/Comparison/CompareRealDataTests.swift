import Evaluation
import Foundation
import Testing

@testable import Indicators
@testable import Report

/// The analyses of `compare` on real clustered data shipped by Debian R
/// packages (Fixtures/compare-achievement-awards): clubSandwich's
/// AchievementAwardsRCT (17 schools, awards assigned by school; a binary and a
/// continuous outcome; exact randomization test over 24,310 relabelings) and
/// survival's rats (100 litters, treatment within litters; Cox clustered by
/// litter), run through `OutcomeAnalysis` and checked against R.
@Suite("compare's analyses on AchievementAwardsRCT and rats against R")
struct CompareRealDataTests {
    static let fixture = "compare-achievement-awards"

    /// A CSV of plain cells (R's write.csv with quote = FALSE): column name → cells.
    static func table(_ file: String) throws -> [String: [String]] {
        let text = String(decoding: try Fixture.data(fixture, file), as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = lines.removeFirst()
        return Dictionary(uniqueKeysWithValues: header.enumerated().map { k, name in (name, lines.map { $0[k] }) })
    }

    /// One outcome through `OutcomeAnalysis`: participants are row indices, groups the cluster codes.
    static func analyse(
        name: String, kind: ComparisonOutcomeKind, values: [Double], events: [Bool] = [], levelNames: [String],
        level: [String], group: [Int], covariates: [(name: String, values: [String?])]
    ) -> JSONValue {
        let rows = Array(values.indices)
        var data = OutcomeData(name: name, kind: kind, participants: rows, values: values, events: events)
        data.groups = group
        data.levels = level.map { levelNames.firstIndex(of: $0) ?? -1 }
        var levelsOfGroup: [Int: Set<Int>] = [:]
        for (g, l) in zip(data.groups, data.levels) { levelsOfGroup[g, default: []].insert(l) }
        let analysis = OutcomeAnalysis(
            levels: levelNames, covariates: CovariateDesign(columns: covariates, participants: rows),
            constantWithinGroups: levelsOfGroup.values.allSatisfy { $0.count == 1 })
        let released = ReleasedComparison.release(analysis.analyse(data), policy: Disclosure(threshold: 0, roundingBase: 0))
        return ComparisonJSON.outcome(released.outcome, levels: released.levels)
    }

    func awards(adjusted: Bool) throws -> JSONValue {
        let t = try Self.table("data.csv")
        let covariates: [(name: String, values: [String?])] = adjusted ? [("sex", t["sex"] ?? []), ("lagscore", t["lagscore"] ?? [])] : []
        let outcomes = [("attained", ComparisonOutcomeKind.binary), ("attempted", .continuous)].map { name, kind in
            Self.analyse(
                name: name, kind: kind, values: (t[name] ?? []).compactMap(Double.init), levelNames: ["control", "treated"],
                level: t["arm"] ?? [], group: (t["school"] ?? []).compactMap { Int($0) }, covariates: covariates)
        }
        return .object([("outcomes", .array(outcomes))])
    }

    func rats(adjusted: Bool) throws -> JSONValue {
        let t = try Self.table("rats.csv")
        let outcome = Self.analyse(
            name: "tumour", kind: .survival, values: (t["time"] ?? []).compactMap(Double.init),
            events: (t["status"] ?? []).map { $0 == "1" }, levelNames: ["0", "1"], level: t["rx"] ?? [],
            group: (t["litter"] ?? []).compactMap { Int($0) }, covariates: adjusted ? [("sex", t["sex"] ?? [])] : [])
        return .object([("outcomes", .array([outcome]))])
    }

    @Test(
        "per level, differences, models, CR2, randomization, ICC and mixed model match R",
        arguments: ["awards_unadjusted", "awards_sex_lagscore", "rats_unadjusted", "rats_sex"])
    func matchesR(name: String) throws {
        let expected = try Fixture.json(RJSON.self, Self.fixture)
        let r = try #require(expected["analyses"]?.array.first { $0["name"]?.string == name })
        let document: JSONValue
        switch name {
        case "awards_unadjusted": document = try awards(adjusted: false)
        case "awards_sex_lagscore": document = try awards(adjusted: true)
        case "rats_unadjusted": document = try rats(adjusted: false)
        default: document = try rats(adjusted: true)
        }
        let reference = ReferenceComparison()
        reference.compareOutcomes(document, r, label: name)
        print("\(Self.fixture) \(name): worst relative error vs R\n\(reference.summary)")
    }
}
