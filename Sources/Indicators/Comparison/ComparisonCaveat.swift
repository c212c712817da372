import EvaluationDomain
import Statistics
import Store

/// What a researcher must know before reading a comparison (METHODS §5
/// "Caveats a researcher needs"), each stated once for the whole comparison.
/// The Report layer words them in the report's language.
public enum ComparisonCaveat: Sendable, Equatable {
    /// Fewer than 10 groups in a level: groups per level, reference first.
    case fewClusters(groupsPerLevel: [LevelCount])
    /// A group-level attribute nearly determines the compared levels among groups.
    case groupConfounder(attribute: String, cramersV: Double, groups: Int)
    /// The levels' median observation time differs by more than 25%: median days per level.
    case unequalFollowUp(medianDays: [LevelValue])
    /// Always: how many outcomes are compared.
    case multipleOutcomes(count: Int, contrasts: Int)
    /// A standardised difference at entry of at least 0.25 (the largest is named).
    case baselineImbalance(attribute: String, category: String?, level: String, reference: String, smd: Double)
    /// Always: the unadjusted intervals treat participants as independent.
    case unadjustedIgnoresClustering

    public struct LevelCount: Sendable, Equatable {
        public var level: String
        public var count: Int
    }

    public struct LevelValue: Sendable, Equatable {
        public var level: String
        public var value: Double
    }

    /// The `kind` of the JSON.
    public var kind: String {
        switch self {
        case .fewClusters: return "few_clusters"
        case .groupConfounder: return "group_confounder"
        case .unequalFollowUp: return "unequal_follow_up"
        case .multipleOutcomes: return "multiple_outcomes"
        case .baselineImbalance: return "baseline_imbalance"
        case .unadjustedIgnoresClustering: return "unadjusted_ignores_clustering"
        }
    }

    /// Cramér's V at or above which an attribute is said to confound the levels.
    public static let confounderThreshold = 0.8
    /// Fewer groups than this in a level is "few clusters".
    public static let fewClustersLimit = 10
    /// Ratio of the longest to the shortest median observation time above which follow-up is unequal.
    public static let followUpRatio = 1.25

    /// Every caveat of a comparison, in the contract's order.
    /// - Parameters:
    ///   - levelOfGroup: the compared level of each group (only when the
    ///     attribute is constant within groups; otherwise no group confounder is sought).
    ///   - observationDays: per compared participant, their level and days from enrolment to observation end.
    static func caveats(
        snapshot: ProgrammeSnapshot, attribute: String, levels: [String], groupsPerLevel: [String: Int],
        levelOfGroup: [Int: String]?, observationDays: [(level: String, days: Int)], outcomes: Int,
        contrasts: Int, balance: BalanceAtEntry? = nil
    ) -> [ComparisonCaveat] {
        var out: [ComparisonCaveat] = []
        if levels.contains(where: { (groupsPerLevel[$0] ?? 0) < fewClustersLimit }) {
            out.append(.fewClusters(groupsPerLevel: levels.map { LevelCount(level: $0, count: groupsPerLevel[$0] ?? 0) }))
        }
        if let levelOfGroup {
            out += groupConfounders(snapshot: snapshot, attribute: attribute, levelOfGroup: levelOfGroup)
        }
        let medians = levels.compactMap { level -> LevelValue? in
            let days = observationDays.filter { $0.level == level }.map { Double($0.days) }
            return Median.of(days).map { LevelValue(level: level, value: $0) }
        }
        if let shortest = medians.map(\.value).min(), let longest = medians.map(\.value).max(), shortest > 0,
            longest / shortest > followUpRatio
        {
            out.append(.unequalFollowUp(medianDays: medians))
        }
        if let row = balance?.largestImbalance, let smd = row.smd {
            out.append(
                .baselineImbalance(attribute: row.attribute, category: row.category, level: row.level, reference: levels[0], smd: smd))
        }
        out.append(.multipleOutcomes(count: outcomes, contrasts: contrasts))
        out.append(.unadjustedIgnoresClustering)
        return out
    }

    /// Group-level attributes other than the compared one whose values nearly
    /// determine the compared level among groups (Cramér's V ≥ 0.8 over the
    /// groups with both values). An attribute with a different value in every
    /// group (a label, like the group's code) is left out: it determines
    /// anything.
    static func groupConfounders(snapshot: ProgrammeSnapshot, attribute: String, levelOfGroup: [Int: String]) -> [ComparisonCaveat] {
        var candidates: [(String, (ProgrammeSnapshot.Group) -> String?)] = [
            ("site", { $0.site }), ("programme", { $0.programme }), ("facilitator", { $0.facilitator }),
            ("composition", { $0.composition?.rawValue }), ("start_year", { $0.startDate.map { String($0.year) } }),
        ]
        for name in Set(snapshot.groups.flatMap { $0.attributes.keys }).sorted() {
            candidates.append((name, { $0.attributes[name] }))
        }
        let groups = levelOfGroup.keys.sorted()
        var out: [ComparisonCaveat] = []
        for (name, value) in candidates where name != attribute {
            let pairs = groups.compactMap { g -> (String, String)? in
                guard let v = value(snapshot.groups[g]), !v.isEmpty, let level = levelOfGroup[g] else { return nil }
                return (v, level)
            }
            let values = Set(pairs.map(\.0))
            guard values.count >= 2, values.count < pairs.count, Set(pairs.map(\.1)).count >= 2,
                let v = cramersV(pairs), v >= confounderThreshold
            else { continue }
            out.append(.groupConfounder(attribute: name, cramersV: v, groups: pairs.count))
        }
        return out
    }

    /// Cramér's V of a two-way table given as pairs: √(χ² / (n (min(r, c) − 1))).
    static func cramersV(_ pairs: [(String, String)]) -> Double? {
        let rows = Array(Set(pairs.map(\.0))).sorted()
        let columns = Array(Set(pairs.map(\.1))).sorted()
        guard rows.count >= 2, columns.count >= 2 else { return nil }
        var counts = Array(repeating: Array(repeating: 0.0, count: columns.count), count: rows.count)
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        for (a, b) in pairs {
            guard let r = rowIndex[a], let c = columnIndex[b] else { continue }
            counts[r][c] += 1
        }
        let n = Double(pairs.count)
        let rowTotals = counts.map { $0.reduce(0, +) }
        let columnTotals = columns.indices.map { c in counts.reduce(0) { $0 + $1[c] } }
        var chi2 = 0.0
        for r in rows.indices {
            for c in columns.indices {
                let expected = rowTotals[r] * columnTotals[c] / n
                chi2 += (counts[r][c] - expected) * (counts[r][c] - expected) / expected
            }
        }
        return (chi2 / (n * Double(min(rows.count, columns.count) - 1))).squareRoot()
    }
}
