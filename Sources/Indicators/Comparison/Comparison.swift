import EvaluationDomain
import Statistics
import Store

/// `evalrun compare` (METHODS §5): the levels of a group or participant
/// attribute compared on every outcome, with unadjusted differences, adjusted
/// models with model-based and cluster-robust (CR2, by group) errors, the
/// group-level randomization test, the ICC and a random-intercept model — and
/// plain warnings where few clusters or the data make a number fragile.
public struct Comparison: Sendable {
    public var attribute: String
    public var referenceLevel: String
    public var levels: [String]
    /// Cohort figures cover everyone enrolled by this date.
    public var to: CalendarDate
    /// Groups with at least one compared participant.
    public var clusters: Int
    /// Groups per level ("a level has a group when one of its members belongs to it").
    public var groupsPerLevel: [String: Int]
    public var adjust: [String]
    /// Reference level of each categorical covariate.
    public var covariateReferences: [String: String]
    /// Whether every group's members share one level (the group is then the unit of inference).
    public var constantWithinGroups: Bool
    public var outcomes: [OutcomeComparison]
    public var warnings: [ComparisonNote]
    /// What a reader must know before reading the comparison, each once.
    public var caveats: [ComparisonCaveat]
    /// How the levels differed at entry (METHODS §9 *Balance at entry*).
    public var balance: BalanceAtEntry
    /// The analysis data behind each outcome (for tests and exports).
    var data: [OutcomeData]

    public init(
        snapshot: ProgrammeSnapshot, to: CalendarDate, configuration: ProjectConfiguration, attribute name: String,
        reference: String? = nil, adjust names: [String] = [], jobs includeJobs: Bool = false,
        progress: (@Sendable (_ outcome: String, _ index: Int, _ count: Int) -> Void)? = nil
    ) throws {
        // Italian and survey-tool names as the exports accept them (`sede`, `sesso`, `età`).
        let attribute = ParticipantAttributes.canonical(name)
        let adjust = names.map(ParticipantAttributes.canonical)
        // The compared attribute banded when continuous; a covariate keeps its values.
        let attributes = ParticipantAttributes(snapshot: snapshot, to: to, only: Set([attribute] + adjust))
        let sample = try ComparedCohort(snapshot: snapshot, to: to, attributes: attributes, attribute: attribute, reference: reference)
        let cohort = sample.members
        let covariates = try CovariateDesign(attributes: attributes, names: adjust, participants: cohort)

        self.attribute = attribute
        referenceLevel = sample.reference
        levels = sample.levels
        self.to = to
        self.adjust = adjust
        covariateReferences = covariates.references
        clusters = sample.clusters
        constantWithinGroups = sample.constantWithinGroups
        groupsPerLevel = sample.groupsPerLevel
        warnings = constantWithinGroups ? [.constantWithinGroups(attribute: attribute, groups: clusters)] : []

        let analysis = OutcomeAnalysis(
            levels: levels, covariates: covariates, constantWithinGroups: constantWithinGroups)
        // Scored once: the wellbeing outcomes and the baseline scores of the balance at entry.
        let scores = WellbeingScores(snapshot: snapshot, members: cohort, to: to)
        data = sample.labelled(
            Self.outcomeData(
                snapshot: snapshot, cohort: cohort, to: to, configuration: configuration, scores: scores, jobs: includeJobs),
            snapshot: snapshot)
        outcomes = Self.holmAdjusted(Self.analysed(data, by: analysis, progress: progress))
        balance = BalanceAtEntry(
            snapshot: snapshot, cohort: cohort, levelOf: sample.levelOf, levels: levels, to: to, configuration: configuration,
            scores: scores)
        caveats = ComparisonCaveat.caveats(
            snapshot: snapshot, attribute: attribute, levels: levels, groupsPerLevel: groupsPerLevel,
            levelOfGroup: constantWithinGroups ? sample.levelsOfGroup.compactMapValues(\.first) : nil,
            observationDays: sample.observationDays(
                snapshot: snapshot, window: ObservationWindow(to: to, windowDays: configuration.windowDays)),
            outcomes: outcomes.count, contrasts: outcomes.count * max(0, levels.count - 1), balance: balance)
    }

    /// Each outcome analysed in turn, reporting progress before each.
    private static func analysed(
        _ data: [OutcomeData], by analysis: OutcomeAnalysis,
        progress: (@Sendable (_ outcome: String, _ index: Int, _ count: Int) -> Void)?
    ) -> [OutcomeComparison] {
        data.enumerated().map { index, outcome in
            progress?(outcome.name, index, data.count)
            return analysis.analyse(outcome)
        }
    }

    /// Holm over every headline contrast of the comparison (METHODS §9 *Multiplicity*).
    private static func holmAdjusted(_ outcomes: [OutcomeComparison]) -> [OutcomeComparison] {
        var outcomes = outcomes
        let contrasts = outcomes.indices.flatMap { o in outcomes[o].headline.indices.map { (o, $0) } }
        let holm = HolmAdjustment.adjust(contrasts.map { outcomes[$0.0].headline[$0.1].pCR2 })
        for (k, c) in contrasts.enumerated() { outcomes[c.0].headline[c.1].pHolm = holm[k] }
        return outcomes
    }

    /// Every compared outcome's value per participant (METHODS §5): re-employed
    /// and retained (0/1), attendance rate, the change of each instrument
    /// baseline → end, and days to the first job (with whether it was observed).
    /// With `jobs` (`compare --jobs`), the jobs that last too (after the contract's six).
    static func outcomeData(
        snapshot: ProgrammeSnapshot, cohort: [Int], to: CalendarDate, configuration: ProjectConfiguration, scores: WellbeingScores,
        jobs includeJobs: Bool = false
    ) -> [OutcomeData] {
        var data: [OutcomeData] = []
        let work = Reemployment(snapshot: snapshot, members: cohort, to: to, configuration: configuration)
        data.append(
            OutcomeData(
                name: "reemployed", kind: .binary, participants: work.people.map(\.participant),
                values: work.people.map { $0.employed ? 1 : 0 }, events: []))
        let attendance = AttendanceRecord.compute(snapshot: snapshot, members: cohort, to: to).filter { $0.held > 0 }
        let threshold = configuration.retentionThreshold
        data.append(
            OutcomeData(
                name: "retained", kind: .binary, participants: attendance.map(\.participant),
                values: attendance.map { a in
                    let r = a.rate ?? 0
                    return (configuration.retentionInclusive ? r >= threshold : r > threshold) ? 1 : 0
                }, events: []))
        data.append(
            OutcomeData(
                name: "attendance_rate", kind: .continuous, participants: attendance.map(\.participant),
                values: attendance.map { $0.rate ?? 0 }, events: []))
        for instrument in scores.analysed(configuration) {
            let changes = scores.changes(instrument)
            guard !changes.isEmpty else { continue }
            data.append(
                OutcomeData(
                    name: "wellbeing_change:\(instrument.id)", kind: .continuous, participants: changes.map(\.participant),
                    values: changes.map(\.value), events: [], waves: [.baseline, .end]))
        }
        data.append(
            OutcomeData(
                name: "time_to_job", kind: .survival, participants: work.people.map(\.participant),
                values: work.people.map { Double($0.days) }, events: work.people.map(\.employed)))
        guard includeJobs else { return data }
        // Jobs that last (METHODS §9): in work six months after leaving (over those who left
        // and were observed that long), and the first period in work's length (ended or not).
        let jobs = JobsThatLast(snapshot: snapshot, members: cohort, to: to, configuration: configuration)
        let leavers = jobs.leavers.sorted { $0.participant < $1.participant }
        data.append(
            OutcomeData(
                name: "in_work_6m_after_leaving", kind: .binary, participants: leavers.map(\.participant),
                values: leavers.map { $0.inWork ? 1 : 0 }, events: []))
        let periods = jobs.firstPeriodLengths.sorted { $0.participant < $1.participant }
        data.append(
            OutcomeData(
                name: "first_spell_days", kind: .survival, participants: periods.map(\.participant),
                values: periods.map { Double($0.days) }, events: periods.map(\.ended)))
        return data
    }

    /// The reference level (METHODS §5 "Levels and terms"): `--reference` when
    /// given, else heterogeneous for composition, else the first level.
    static func reference(_ chosen: String?, attribute: String, levels: [String]) throws -> String {
        if var chosen {
            // `--reference eterogeneo` names the level the groups file may write in Italian.
            if attribute == "composition", let c = Composition(parsing: chosen) { chosen = c.rawValue }
            guard levels.contains(chosen) else { throw ComparisonError.unknownReference(chosen, levels: levels) }
            return chosen
        }
        if attribute == "composition", levels.contains(Composition.heterogeneous.rawValue) {
            return Composition.heterogeneous.rawValue
        }
        return levels[0]
    }
}
