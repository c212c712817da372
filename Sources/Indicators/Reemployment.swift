import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// Re-employment over a cohort (METHODS §4 "Re-employment", §5 "Window and
/// follow-up"): a participant is re-employed when they have an event of a
/// counted type on or after enrolment and on or before their observation end.
public struct Reemployment: Sendable {
    /// One participant's outcome.
    public struct Person: Sendable, Equatable {
        public var participant: Int
        /// Days from enrolment to the first counted event, or to the observation end (censored).
        public var days: Int
        public var employed: Bool
        /// The type that classifies the person (best or first event).
        public var type: OutcomeType?
        /// Date of the first counted event.
        public var firstEvent: CalendarDate?
        /// Where the first counted event was recorded from (the outcomes file's `source`).
        public var firstSource: String? = nil
        /// Observation ended before it was meant to, with no event.
        public var lostToFollowUp: Bool
    }

    public var people: [Person]
    public var rate: Rate
    /// Each person counted once by their best (or first) event type.
    public var byType: [(type: OutcomeType, count: Int)]
    public var lostToFollowUp: Int

    public init(
        snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate, configuration: ProjectConfiguration
    ) {
        let window = ObservationWindow(to: to, windowDays: configuration.windowDays)
        let counted = Set(configuration.reemploymentEvents)
        var events: [Int: [ProgrammeSnapshot.Outcome]] = [:]
        for o in snapshot.outcomes where counted.contains(o.outcome) { events[o.participant, default: []].append(o) }
        people = members.map { i in
            let p = snapshot.participants[i]
            let end = window.end(of: p)
            let mine = (events[i] ?? []).filter { $0.eventDate >= p.enrolledOn && $0.eventDate <= end }
                .sorted { ($0.eventDate, -$0.outcome.employmentRank) < ($1.eventDate, -$1.outcome.employmentRank) }
            guard let first = mine.first else {
                return Person(
                    participant: i, days: p.enrolledOn.days(to: end), employed: false, type: nil, firstEvent: nil,
                    lostToFollowUp: end < window.intendedEnd(of: p))
            }
            let type: OutcomeType
            switch configuration.breakdown {
            case .first: type = first.outcome
            case .best:
                type =
                    mine.max { ($0.outcome.employmentRank, $1.eventDate) < ($1.outcome.employmentRank, $0.eventDate) }?.outcome
                    ?? first.outcome
            }
            return Person(
                participant: i, days: p.enrolledOn.days(to: first.eventDate), employed: true, type: type,
                firstEvent: first.eventDate, firstSource: first.source, lostToFollowUp: false)
        }
        let employed = people.filter(\.employed)
        rate = Rate(numerator: employed.count, denominator: people.count)
        let order: [OutcomeType] = [.traineeship, .fixedTerm, .permanent, .selfEmployment, .training, .other]
        byType = order.filter { counted.contains($0) }.map { t in (t, employed.filter { $0.type == t }.count) }
        lostToFollowUp = people.filter(\.lostToFollowUp).count
    }

    /// The rate if everyone lost to follow-up had been employed.
    public var rateUpperBound: Double? {
        people.isEmpty ? nil : Double(rate.numerator + lostToFollowUp) / Double(people.count)
    }
}
