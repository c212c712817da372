/// Every indicator of a report, computed once from a snapshot for a period
/// (DESIGN §4). The Report layer lays it out; it computes nothing statistical.
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
    public var retentionCurve: RetentionCurve
    public var services: [ServiceUptake]
    public var makeUp: [AttributeMakeUp]
    public var cost: Cost?
    public var attributes: ParticipantAttributes
    public var imports: [ImportRecord]

    public init(snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration) {
        self.period = period
        self.configuration = configuration
        reach = Reach(snapshot: snapshot, period: period)
        cohort = Cohort(snapshot: snapshot, to: period.to).members
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
        retentionCurve = RetentionCurve(attendance: attendance)
        services = ServiceUptake.compute(snapshot: snapshot, period: period)
        attributes = ParticipantAttributes(snapshot: snapshot, to: period.to)
        let enrolledInPeriod = snapshot.participants.indices.filter { period.contains(snapshot.participants[$0].enrolledOn) }
        makeUp = AttributeMakeUp.compute(attributes: attributes, names: ParticipantAttributes.makeUp, members: enrolledInPeriod)
        cost = Cost(
            snapshot: snapshot, period: period, configuration: configuration, enrolled: cohort.count,
            retained: retention.rate.numerator, reemployed: reemployment.rate.numerator)
        wellbeing = WellbeingAnalysis(snapshot: snapshot, members: cohort, to: period.to, configuration: configuration)
        imports = snapshot.imports
    }
}
