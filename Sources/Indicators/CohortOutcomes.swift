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
        var firstEvent: [Int: CalendarDate] = [:]
        for o in snapshot.outcomes where counted.contains(o.outcome) && o.eventDate <= to {
            let p = snapshot.participants[o.participant]
            guard o.eventDate >= p.enrolledOn else { continue }
            if firstEvent[o.participant].map({ o.eventDate < $0 }) ?? true { firstEvent[o.participant] = o.eventDate }
        }
        var byCohort: [String: (enrolled: Int, observed: [Int], inWork: [Int])] = [:]
        for i in members {
            let p = snapshot.participants[i]
            let label = byQuarter ? "\(p.enrolledOn.year)Q\((p.enrolledOn.month - 1) / 3 + 1)" : "\(p.enrolledOn.year)"
            var row = byCohort[label] ?? (0, [0, 0], [0, 0])
            row.enrolled += 1
            let observedDays = Double(p.enrolledOn.days(to: window.end(of: p)))
            for (k, months) in Self.horizons.enumerated() {
                let horizon = Double(months) * TimeToJob.daysPerMonth
                guard observedDays >= horizon else { continue }
                row.observed[k] += 1
                if let job = firstEvent[i], Double(p.enrolledOn.days(to: job)) <= horizon, job <= window.end(of: p) {
                    row.inWork[k] += 1
                }
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
