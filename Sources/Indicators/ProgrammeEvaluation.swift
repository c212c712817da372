import EvaluationDomain
import Store

/// Every indicator of a report, computed once from a snapshot for a period
/// (METHODS §4). The Report layer lays it out; it computes nothing statistical.
public struct ProgrammeEvaluation: Sendable {
    public var period: Period
    public var configuration: ProjectConfiguration
    public var reach: Reach
    public var cohort: [Int]
    public var attendance: [AttendanceRecord]
    public var retention: Retention
    public var reemployment: Reemployment
    /// Re-employment over retained participants only.
    public var reemploymentRetained: Reemployment
    public var wellbeing: WellbeingAnalysis
    public var timeToJob: TimeToJob
    public var monthsGroupEndToJob: MonthsGroupEndToJob
    /// Whether the jobs found lasted (METHODS §9 *Jobs that last*).
    public var jobs: JobsThatLast
    public var retentionCurve: RetentionCurve
    public var services: [ServiceUptake]
    public var makeUp: [AttributeMakeUp]
    public var cost: Cost?
    /// By quarter, when the period spans more than one (not for a `--by` level).
    public var trend: Trend?
    public var attributes: ParticipantAttributes
    public var imports: [ImportRecord]
    /// The records the figures were computed from (shared, not copied).
    public let snapshot: ProgrammeSnapshot

    /// - Parameters:
    ///   - members: restrict every figure to these participants (a `--by` level).
    ///   - groups: restrict group counts (groups active, meetings) to these groups.
    public init(
        snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration,
        members: Set<Int>? = nil, groups: Set<Int>? = nil
    ) {
        self.period = period
        self.configuration = configuration
        self.snapshot = snapshot
        reach = Reach(snapshot: snapshot, period: period, participants: members.map { Array($0).sorted() }, groups: groups)
        cohort = Cohort(snapshot: snapshot, to: period.to, filter: members.map { set in { set.contains($0) } }).members
        attendance = AttendanceRecord.compute(snapshot: snapshot, members: cohort, to: period.to)
        retention = Retention(
            attendance: attendance, threshold: configuration.retentionThreshold,
            inclusive: configuration.retentionInclusive)
        reemployment = Reemployment(snapshot: snapshot, members: cohort, to: period.to, configuration: configuration)
        let kept = retention.retained
        let retained = cohort.filter { kept.contains($0) }
        reemploymentRetained = Reemployment(snapshot: snapshot, members: retained, to: period.to, configuration: configuration)
        timeToJob = TimeToJob(reemployment)
        monthsGroupEndToJob = MonthsGroupEndToJob(snapshot: snapshot, reemployment: reemployment, to: period.to)
        jobs = JobsThatLast(snapshot: snapshot, members: cohort, to: period.to, configuration: configuration)
        retentionCurve = RetentionCurve(attendance: attendance)
        services = ServiceUptake.compute(snapshot: snapshot, period: period, members: members)
        attributes = ParticipantAttributes(snapshot: snapshot, to: period.to, only: Set(ParticipantAttributes.makeUp))
        let enrolledInPeriod = snapshot.participants.indices.filter {
            period.contains(snapshot.participants[$0].enrolledOn) && (members?.contains($0) ?? true)
        }
        makeUp = AttributeMakeUp.compute(
            attributes: attributes, names: ParticipantAttributes.makeUp, members: enrolledInPeriod,
            universe: snapshot.participants.indices)
        cost = Cost(
            snapshot: snapshot, period: period, configuration: configuration, enrolled: cohort.count,
            retained: retention.rate.numerator, reemployed: reemployment.rate.numerator)
        wellbeing = WellbeingAnalysis(snapshot: snapshot, members: cohort, to: period.to, configuration: configuration)
        imports = snapshot.imports
        trend = members == nil ? Trend(snapshot: snapshot, period: period, configuration: configuration) : nil
    }
}
