import EvaluationDomain
import Store

/// Outcomes by enrolment cohort (METHODS §9 *Period and cohort*): for the people
/// enrolled in each year (or quarter), how many were in work within 6 and 12 months
/// of enrolling, over those observed that long. In work = a counted employment event
/// on or after enrolment and at most h × 30.4375 days after it; observed = the
/// observation end (min of follow-up, period end, enrolment + window) at least
/// h × 30.4375 days after enrolment. The others are not yet observable: left out of
/// both the numerator and the denominator, never counted as failures.
public struct CohortOutcomes: Sendable {
    public struct Row: Sendable, Equatable {
        /// `2015`, or `2015Q3` by quarter.
        public var cohort: String
        public var enrolled: Int
        /// Months → (observed that long, in work within them).
        public var in6: Rate
        public var in12: Rate
    }

    public var rows: [Row]

    /// The horizons, in months.
    public static let horizons = [6, 12]

    public init(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate, configuration: ProjectConfiguration, byQuarter: Bool) {
        let window = ObservationWindow(to: to, windowDays: configuration.windowDays)
        let counted = Set(configuration.reemploymentEvents)
        let firstEvent = ObservationWindow.firstJobs(
            snapshot.outcomes.filter { counted.contains($0.outcome) && $0.eventDate <= to }.map { ($0.participant, $0.eventDate) }
        ) { snapshot.participants[$0].enrolledOn }
        var byCohort: [String: (enrolled: Int, observed: [Int], inWork: [Int])] = [:]
        for i in members {
            let p = snapshot.participants[i]
            let label = byQuarter ? "\(p.enrolledOn.year)Q\((p.enrolledOn.month - 1) / 3 + 1)" : "\(p.enrolledOn.year)"
            var row = byCohort[label] ?? (0, [0, 0], [0, 0])
            row.enrolled += 1
            for (k, months) in Self.horizons.enumerated() {
                let follow = window.inWork(
                    within: Double(months) * TimeToJob.daysPerMonth, start: p.enrolledOn, followedUpUntil: p.followedUpUntil,
                    firstJob: firstEvent[i])
                if follow.observed { row.observed[k] += 1 }
                if follow.inWork { row.inWork[k] += 1 }
            }
            byCohort[label] = row
        }
        rows = byCohort.keys.sorted().compactMap { label in
            byCohort[label].map {
                Row(
                    cohort: label, enrolled: $0.enrolled, in6: Rate(numerator: $0.inWork[0], denominator: $0.observed[0]),
                    in12: Rate(numerator: $0.inWork[1], denominator: $0.observed[1]))
            }
        }
    }
}
