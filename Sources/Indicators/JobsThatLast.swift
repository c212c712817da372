import EvaluationDomain
import Statistics
import Store

/// Jobs that last (METHODS §9 *Jobs that last*): whether the people who found work
/// were still in work 3, 6 and 12 months after their first job started (on the day,
/// and without a break longer than `gap_days`), the ESF+ common result indicator "in
/// employment six months after leaving", moves to a permanent contract, days in work
/// in the 182 and 365 days after leaving, and the Kaplan–Meier of the first period in
/// work's length. People not observed long enough are never failures: lost to
/// follow-up (counted for the bound) or not yet observable (left out).
public struct JobsThatLast: Sendable {
    /// A rate over the people observed long enough, with those lost to follow-up.
    public struct ObservedRate: Sendable, Equatable {
        public var rate: Rate
        /// People whose follow-up ended before the checkpoint, which the period reaches.
        public var lost: Int

        public init(rate: Rate, lost: Int) {
            self.rate = rate
            self.lost = lost
        }

        /// The rate had every lost person been in work; `nil` with no one to count.
        public var rateIfAllLostEmployed: Double? {
            let n = rate.denominator + lost
            return n > 0 ? Double(rate.numerator + lost) / Double(n) : nil
        }
    }

    /// Days in work in a window after leaving, over the people observed to its end.
    public struct DaysInWork: Sendable, Equatable {
        public var days: [Int]
        public var mean: Double? { days.isEmpty ? nil : Double(days.reduce(0, +)) / Double(days.count) }
        public var median: Double? { Median.of(days.map(Double.init)) }
    }

    /// Months → days from the first job's start to a checkpoint: round(h × 30.4375).
    public static let checkpoints: [(months: Int, days: Int)] = [(3, 91), (6, 183), (12, 365)]
    /// The windows after leaving, in days.
    public static let windowsAfterLeaving = [182, 365]

    /// People whose first job started after enrolment (within their observation).
    public var reemployed: Int
    public var inWorkAt: [Int: ObservedRate]
    public var continuous: [Int: ObservedRate]
    public var inWorkSixMonthsAfterLeaving: ObservedRate
    public var movedToPermanent: ObservedRate
    public var daysInWorkAfterLeaving: [Int: DaysInWork]
    /// The first period in work's length in days (ended: event; ongoing at the
    /// observation end: censored there).
    public var firstPeriod: KaplanMeierFit?
    /// Per person re-employed, the first period's length and whether it ended.
    public var firstPeriodLengths: [(participant: Int, days: Int, ended: Bool)]
    /// Per person who left and was observed six months after, whether they were in work then.
    public var leavers: [(participant: Int, inWork: Bool)]

    public init(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate, configuration: ProjectConfiguration) {
        let tally = Tally(snapshot: snapshot, members: members, to: to, configuration: configuration)
        reemployed = tally.reemployed
        var inWorkAt: [Int: ObservedRate] = [:]
        var continuous: [Int: ObservedRate] = [:]
        for (k, checkpoint) in Self.checkpoints.enumerated() {
            let c = tally.atCheckpoint[k]
            inWorkAt[checkpoint.months] = ObservedRate(rate: Rate(numerator: c.inWork, denominator: c.observed), lost: c.lost)
            continuous[checkpoint.months] = ObservedRate(rate: Rate(numerator: c.continuous, denominator: c.observed), lost: c.lost)
        }
        self.inWorkAt = inWorkAt
        self.continuous = continuous
        let leavers = tally.leavers
        inWorkSixMonthsAfterLeaving = ObservedRate(
            rate: Rate(numerator: leavers.filter(\.inWork).count, denominator: leavers.count), lost: tally.lostAfterLeaving)
        movedToPermanent = ObservedRate(rate: Rate(numerator: tally.permanent.moved, denominator: tally.permanent.could), lost: 0)
        daysInWorkAfterLeaving = Dictionary(
            uniqueKeysWithValues: Self.windowsAfterLeaving.map { ($0, DaysInWork(days: tally.days[$0] ?? [])) })
        let lengths = tally.lengths
        firstPeriodLengths = lengths
        self.leavers = leavers
        firstPeriod = try? KaplanMeier(time: lengths.map { Double($0.days) }, event: lengths.map(\.ended)).fit()
    }

    /// Days from `from` to `to` (inclusive) in work: the periods are disjoint once merged.
    static func daysCovered(by periods: [WorkPeriod], from: CalendarDate, to: CalendarDate) -> Int {
        periods.reduce(0) { sum, p in
            let first = max(p.start, from)
            let last = min(p.end ?? to, to)
            return sum + max(0, first.days(to: last) + 1)
        }
    }

    /// The median length of the first period in work, with its interval (`survfit`).
    public var firstPeriodMedian: SurvivalQuantile? { firstPeriod?.median }

    /// The share still in their first period of work 3, 6 and 12 months after it began
    /// (S at 91.3125, 182.625 and 365.25 days; `nil` beyond the longest observed).
    public var stillInFirstPeriod: [(months: Int, estimate: SurvivalEstimate?)] {
        let months = [3, 6, 12]
        let estimates = firstPeriod?.survival(at: months.map { Double($0) * TimeToJob.daysPerMonth })
        return months.enumerated().map { k, m in (m, estimates?[k] ?? nil) }
    }
}

extension JobsThatLast {
    /// Each participant's jobs (employment events only), in the outcomes' order.
    static func jobSpells(_ snapshot: ProgrammeSnapshot) -> [Int: [JobSpell]] {
        var spells: [Int: [JobSpell]] = [:]
        for o in snapshot.outcomes where JobSpell.employmentTypes.contains(o.outcome) {
            spells[o.participant, default: []].append(JobSpell(start: o.eventDate, end: o.endDate, type: o.outcome))
        }
        return spells
    }

    /// Whether one of the periods covers day `d`.
    static func inWork(_ periods: [WorkPeriod], on d: CalendarDate) -> Bool {
        periods.contains { $0.covers(d) }
    }

    /// A person's state at a checkpoint `days` after their first job began.
    enum CheckpointStatus {
        /// The observation reaches it: in work on the day, and still in the first period.
        case observed(inWork: Bool, continuous: Bool)
        /// Follow-up ended before it, though the period reaches it.
        case lost
        /// The period ends before it: left out.
        case notObservable
    }

    static func status(days: Int, first: WorkPeriod, periods: [WorkPeriod], end: CalendarDate, intended: CalendarDate)
        -> CheckpointStatus
    {
        let day = first.start.adding(days: days)
        if end >= day { return .observed(inWork: inWork(periods, on: day), continuous: first.covers(day)) }
        return day <= intended ? .lost : .notObservable
    }

    /// A person's periods in work counted for the programme: their jobs that began
    /// between enrolling and the end of their observation, merged across short gaps.
    static func periods(_ spells: [JobSpell]?, enrolledOn: CalendarDate, end: CalendarDate, gapDays: Int) -> (
        counted: [JobSpell], periods: [WorkPeriod]
    ) {
        let counted = (spells ?? []).filter { $0.start >= enrolledOn && $0.start <= end }
        return (counted, WorkPeriod.merge(counted, gapDays: gapDays))
    }

    /// "In work h months after the first job began" alone, at several dates: the trend's
    /// figure (METHODS §9 *Jobs that last*), the same count as `inWorkAt[h]` of a full
    /// `JobsThatLast` at that date, without the rest of it (the jobs read once).
    public struct InWorkAt: Sendable {
        let snapshot: ProgrammeSnapshot
        let configuration: ProjectConfiguration
        let spells: [Int: [JobSpell]]

        public init(snapshot: ProgrammeSnapshot, configuration: ProjectConfiguration) {
            self.snapshot = snapshot
            self.configuration = configuration
            spells = JobsThatLast.jobSpells(snapshot)
        }

        /// Over `members`, observed to `to`: in work `months` after their first job began.
        public func rate(months: Int, members: [Int], to: CalendarDate) -> ObservedRate {
            guard let days = JobsThatLast.checkpoints.first(where: { $0.months == months })?.days else {
                return ObservedRate(rate: Rate(numerator: 0, denominator: 0), lost: 0)
            }
            let window = ObservationWindow(to: to, windowDays: configuration.windowDays)
            var (inWork, observed, lost) = (0, 0, 0)
            for i in members {
                let p = snapshot.participants[i]
                let end = window.end(of: p)
                let found = JobsThatLast.periods(spells[i], enrolledOn: p.enrolledOn, end: end, gapDays: configuration.jobGapDays)
                guard let first = found.periods.first else { continue }
                switch JobsThatLast.status(days: days, first: first, periods: found.periods, end: end, intended: window.intendedEnd(of: p))
                {
                case .observed(let isInWork, _):
                    observed += 1
                    if isInWork { inWork += 1 }
                case .lost: lost += 1
                case .notObservable: break
                }
            }
            return ObservedRate(rate: Rate(numerator: inWork, denominator: observed), lost: lost)
        }
    }

    /// The counts of one pass over the members, before they become rates.
    private struct Tally {
        var reemployed = 0
        var atCheckpoint = JobsThatLast.checkpoints.map { _ in (inWork: 0, continuous: 0, observed: 0, lost: 0) }
        var lostAfterLeaving = 0
        var permanent = (moved: 0, could: 0)
        var days: [Int: [Int]] = [:]
        var lengths: [(participant: Int, days: Int, ended: Bool)] = []
        var leavers: [(participant: Int, inWork: Bool)] = []

        init(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate, configuration: ProjectConfiguration) {
            let window = ObservationWindow(to: to, windowDays: configuration.windowDays)
            let spells = JobsThatLast.jobSpells(snapshot)
            let groupEnds = GroupEnd.ends(snapshot: snapshot, to: to)
            for i in members {
                let p = snapshot.participants[i]
                let end = window.end(of: p)
                let intended = window.intendedEnd(of: p)
                let (counted, periods) = JobsThatLast.periods(
                    spells[i], enrolledOn: p.enrolledOn, end: end, gapDays: configuration.jobGapDays)

                // Leaving: the group's end, or leaving the programme when earlier.
                let leaving = [groupEnds[p.group], p.leftOn].compactMap { $0 }.min()
                if let leaving, leaving <= to {
                    countAfterLeaving(i, leaving: leaving, periods: periods, end: end, intended: intended)
                }

                guard let first = periods.first else { continue }
                reemployed += 1
                countCheckpoints(first: first, periods: periods, end: end, intended: intended)
                countMoveToPermanent(counted)
                addFirstPeriodLength(i, first: first, end: end)
            }
        }

        /// In work six months (183 days) after leaving, or lost to follow-up before then;
        /// the days in work in each window after leaving that the observation reaches.
        mutating func countAfterLeaving(_ i: Int, leaving: CalendarDate, periods: [WorkPeriod], end: CalendarDate, intended: CalendarDate) {
            let checkpoint = leaving.adding(days: 183)
            if end >= checkpoint {
                leavers.append((i, JobsThatLast.inWork(periods, on: checkpoint)))
            } else if checkpoint <= intended {
                lostAfterLeaving += 1
            }
            for n in JobsThatLast.windowsAfterLeaving where end >= leaving.adding(days: n) {
                days[n, default: []].append(
                    JobsThatLast.daysCovered(by: periods, from: leaving.adding(days: 1), to: leaving.adding(days: n)))
            }
        }

        /// At each checkpoint after the first job's start: observed (in work, still in the
        /// first period), or lost to follow-up when the period reaches it.
        mutating func countCheckpoints(first: WorkPeriod, periods: [WorkPeriod], end: CalendarDate, intended: CalendarDate) {
            for (k, checkpoint) in JobsThatLast.checkpoints.enumerated() {
                switch JobsThatLast.status(days: checkpoint.days, first: first, periods: periods, end: end, intended: intended) {
                case .observed(let inWork, let continuous):
                    atCheckpoint[k].observed += 1
                    if inWork { atCheckpoint[k].inWork += 1 }
                    if continuous { atCheckpoint[k].continuous += 1 }
                case .lost: atCheckpoint[k].lost += 1
                case .notObservable: break
                }
            }
        }

        /// Someone with a traineeship or fixed-term job could move to a permanent one;
        /// they moved when a permanent job starts after their first such job.
        mutating func countMoveToPermanent(_ counted: [JobSpell]) {
            let temporary = counted.filter { $0.type == .traineeship || $0.type == .fixedTerm }.map(\.start).min()
            if let temporary {
                permanent.could += 1
                if counted.contains(where: { $0.type == .permanent && $0.start > temporary }) { permanent.moved += 1 }
            }
        }

        /// The first period's length: to its end when it ended before the observation
        /// end, else censored there.
        mutating func addFirstPeriodLength(_ i: Int, first: WorkPeriod, end: CalendarDate) {
            if let stop = first.end, stop < end {
                lengths.append((i, first.start.days(to: stop), true))
            } else {
                lengths.append((i, first.start.days(to: end), false))
            }
        }
    }
}
