import EvaluationDomain
import Store

/// Every indicator by the levels of one attribute (`report --by ATTR`, METHODS
/// §4 "Subgroups", §5 "`by` levels"): participants with a blank value form the
/// level `(missing)`, listed last.
public struct Subgroups: Sendable {
    public var attribute: String
    /// Whether the attribute belongs to groups (then levels also carry groups and meetings).
    public var isGroupAttribute: Bool
    public var levels: [(level: String, evaluation: ProgrammeEvaluation)]
    /// Per level of a group attribute, the codes of its groups, sorted (empty for a participant attribute).
    public var groupCodes: [[String]] = []
    /// For a group attribute: other group attributes that nearly determine it (Cramér's V
    /// ≥ 0.8 over the groups), as `compare` names them.
    public var confounders: [ComparisonCaveat] = []

    /// Most levels `--by` accepts; more need binning.
    public static let maximumLevels = 20

    public init(snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration, attribute name: String) throws {
        let attribute = ParticipantAttributes.canonical(name)
        let attributes = ParticipantAttributes(snapshot: snapshot, to: period.to, only: [attribute]).banded(attribute)
        guard attributes.has(attribute) else {
            let known = attributes.known.sorted().joined(separator: ", ")
            throw SubgroupError.unknownAttribute(attribute, known: known)
        }
        var members: [String: Set<Int>] = [:]
        for i in snapshot.participants.indices {
            members[attributes.level(attribute, of: i) ?? Levels.missing, default: []].insert(i)
        }
        let distinct = members.keys.filter { $0 != Levels.missing }.count
        guard distinct <= Self.maximumLevels else { throw SubgroupError.tooManyLevels(attribute, distinct) }
        self.attribute = attribute
        let groupLevel = attributes.groupLevel.contains(attribute)
        isGroupAttribute = groupLevel
        let sortedLevels = Levels.sorted(members.keys)
        groupCodes = sortedLevels.map { level in
            guard groupLevel else { return [] }
            return Set((members[level] ?? []).map { snapshot.participants[$0].group }).map { snapshot.groups[$0].code }.sorted()
        }
        if groupLevel {
            var levelOfGroup: [Int: String] = [:]
            for (level, people) in members where level != Levels.missing {
                for i in people { levelOfGroup[snapshot.participants[i].group] = level }
            }
            confounders = ComparisonCaveat.groupConfounders(snapshot: snapshot, attribute: attribute, levelOfGroup: levelOfGroup)
        }
        levels = sortedLevels.map { level in
            let people = members[level] ?? []
            let groups: Set<Int>? = groupLevel ? Set(people.map { snapshot.participants[$0].group }) : nil
            return (
                level,
                ProgrammeEvaluation(
                    snapshot: snapshot, period: period, configuration: configuration, members: people, groups: groups)
            )
        }
    }
}

/// Why `--by` cannot split by an attribute.
public enum SubgroupError: Error, CustomStringConvertible {
    case unknownAttribute(String, known: String)
    case tooManyLevels(String, Int)

    public var description: String {
        switch self {
        case .unknownAttribute(let name, let known):
            return "'\(name)' is not an attribute of the participants or their groups (known: \(known))"
        case .tooManyLevels(let name, let n):
            return
                "'\(name)' has \(n) distinct values, more than \(Subgroups.maximumLevels): bin it into fewer categories first (e.g. a column age_band in participants.csv)"
        }
    }
}
