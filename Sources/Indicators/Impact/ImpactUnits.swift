import EvaluationDomain
import Store

/// The people `impact` compares (METHODS §10), participants first, each side in the
/// order of its file: who they are, whether they are observed `horizon` months after
/// their reference date, and whether they were in work within it.
struct ImpactUnits {
    /// Snapshot indices of the participants enrolled by `to`, in import order.
    let treated: [Int]
    /// Indices of the comparison people whose reference date is by `to`.
    let controls: [Int]
    /// Per unit (participants, then comparison people).
    let observed: [Bool]
    let inWork: [Bool]

    var count: Int { treated.count + controls.count }
    func isTreated(_ unit: Int) -> Bool { unit < treated.count }

    init(
        snapshot: ProgrammeSnapshot, comparison: ComparisonGroupSnapshot, to: CalendarDate, configuration: ProjectConfiguration,
        horizonMonths: Int
    ) {
        let indexByCode = Dictionary(
            snapshot.participants.indices.map { (snapshot.participants[$0].code, $0) }, uniquingKeysWith: { a, _ in a })
        treated = comparison.participantCodesInImportOrder.compactMap { indexByCode[$0] }
            .filter { snapshot.participants[$0].enrolledOn <= to }
        controls = comparison.people.indices.filter { comparison.people[$0].referenceDate <= to }
        let counted = Set(configuration.reemploymentEvents)
        let firstJob = Self.firstJobs(
            snapshot.outcomes.filter { counted.contains($0.outcome) && $0.eventDate <= to }.map { ($0.participant, $0.eventDate) }
        ) { snapshot.participants[$0].enrolledOn }
        let firstControlJob = Self.firstJobs(
            comparison.outcomes.filter { counted.contains($0.outcome) && $0.eventDate <= to }.map { ($0.person, $0.eventDate) }
        ) { comparison.people[$0].referenceDate }
        let follow = Follow(to: to, windowDays: configuration.windowDays, horizon: Double(horizonMonths) * TimeToJob.daysPerMonth)
        let follows =
            treated.map { i in
                follow(snapshot.participants[i].enrolledOn, snapshot.participants[i].followedUpUntil, firstJob[i])
            }
            + controls.map { i in
                follow(comparison.people[i].referenceDate, comparison.people[i].followedUpUntil, firstControlJob[i])
            }
        observed = follows.map(\.observed)
        inWork = follows.map(\.inWork)
    }

    /// Each person's first counted job on or after their reference date.
    static func firstJobs(_ events: [(person: Int, date: CalendarDate)], start: (Int) -> CalendarDate) -> [Int: CalendarDate] {
        var first: [Int: CalendarDate] = [:]
        for event in events where event.date >= start(event.person) {
            if first[event.person].map({ event.date < $0 }) ?? true { first[event.person] = event.date }
        }
        return first
    }

    /// Observation as for the cohort outcomes: the end is `followed_up_until`, `to` or the
    /// re-employment window, whichever comes first; observed = at least the horizon after the start.
    struct Follow {
        let to: CalendarDate
        let windowDays: Int
        let horizon: Double

        func callAsFunction(_ start: CalendarDate, _ followed: CalendarDate?, _ job: CalendarDate?) -> (observed: Bool, inWork: Bool) {
            var end = min(followed ?? to, to)
            if windowDays > 0 { end = min(end, start.adding(days: windowDays)) }
            guard Double(start.days(to: end)) >= horizon else { return (false, false) }
            guard let job else { return (true, false) }
            return (true, Double(start.days(to: job)) <= horizon && job <= end)
        }
    }
}
