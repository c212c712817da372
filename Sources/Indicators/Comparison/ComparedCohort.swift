import EvaluationDomain
import Store

/// The people `Comparison` compares (METHODS §5 "Levels and terms"): the cohort members
/// with a level of the compared attribute, their levels (the reference first) and the
/// levels met in each group.
struct ComparedCohort {
    /// Participant indices.
    let members: [Int]
    let levelOf: [Int: String]
    let reference: String
    /// The reference level, then the others in `Levels.sorted` order.
    let levels: [String]
    /// Group index → the levels of its members.
    let levelsOfGroup: [Int: Set<String>]

    /// Throws when the attribute is unknown, has too few or too many levels, or the
    /// chosen reference is not one of them.
    init(snapshot: ProgrammeSnapshot, to: CalendarDate, attributes: ParticipantAttributes, attribute: String, reference: String?)
        throws
    {
        let compared = attributes.banded(attribute)
        guard attributes.has(attribute) else {
            throw ComparisonError.unknownAttribute(attribute, known: attributes.known.sorted().joined(separator: ", "))
        }
        let cohort = Cohort(snapshot: snapshot, to: to).members.filter { compared.level(attribute, of: $0) != Levels.missing }
        let levelOf = Dictionary(uniqueKeysWithValues: cohort.map { ($0, compared.level(attribute, of: $0) ?? Levels.missing) })
        let levels = Levels.sorted(levelOf.values)
        guard levels.count <= Subgroups.maximumLevels else { throw ComparisonError.tooManyLevels(attribute, levels.count) }
        guard levels.count >= 2 else { throw ComparisonError.tooFewLevels(attribute, levels) }
        let referenceLevel = try Comparison.reference(reference, attribute: attribute, levels: levels)
        var levelsOfGroup: [Int: Set<String>] = [:]
        for i in cohort { levelsOfGroup[snapshot.participants[i].group, default: []].insert(levelOf[i] ?? "") }
        members = cohort
        self.levelOf = levelOf
        self.reference = referenceLevel
        self.levels = [referenceLevel] + levels.filter { $0 != referenceLevel }
        self.levelsOfGroup = levelsOfGroup
    }

    /// Groups with at least one member.
    var clusters: Int { levelsOfGroup.count }

    /// Whether every group's members share one level.
    var constantWithinGroups: Bool { levelsOfGroup.values.allSatisfy { $0.count == 1 } }

    /// Groups per level ("a level has a group when one of its members belongs to it").
    var groupsPerLevel: [String: Int] {
        var perLevel: [String: Int] = [:]
        for (_, set) in levelsOfGroup { for level in set { perLevel[level, default: 0] += 1 } }
        return perLevel
    }

    /// The outcomes' rows with their group and level index (0 = reference).
    func labelled(_ data: [OutcomeData], snapshot: ProgrammeSnapshot) -> [OutcomeData] {
        var data = data
        for k in data.indices {
            data[k].groups = data[k].participants.map { snapshot.participants[$0].group }
            data[k].levels = data[k].participants.map { levels.firstIndex(of: levelOf[$0] ?? "") ?? 0 }
        }
        return data
    }

    /// Each member's level and days observed (enrolment to the end of their observation).
    func observationDays(snapshot: ProgrammeSnapshot, window: ObservationWindow) -> [(level: String, days: Int)] {
        members.map { i in
            let p = snapshot.participants[i]
            return (levelOf[i] ?? "", p.enrolledOn.days(to: window.end(of: p)))
        }
    }
}
