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
        let firstJob = ObservationWindow.firstJobs(
            snapshot.outcomes.filter { counted.contains($0.outcome) && $0.eventDate <= to }.map { ($0.participant, $0.eventDate) }
        ) { snapshot.participants[$0].enrolledOn }
        let firstControlJob = ObservationWindow.firstJobs(
            comparison.outcomes.filter { counted.contains($0.outcome) && $0.eventDate <= to }.map { ($0.person, $0.eventDate) }
        ) { comparison.people[$0].referenceDate }
        let window = ObservationWindow(to: to, windowDays: configuration.windowDays)
        let horizon = Double(horizonMonths) * TimeToJob.daysPerMonth
        let follows =
            treated.map { i in
                window.inWork(
                    within: horizon, start: snapshot.participants[i].enrolledOn,
                    followedUpUntil: snapshot.participants[i].followedUpUntil, firstJob: firstJob[i])
            }
            + controls.map { i in
                window.inWork(
                    within: horizon, start: comparison.people[i].referenceDate,
                    followedUpUntil: comparison.people[i].followedUpUntil, firstJob: firstControlJob[i])
            }
        observed = follows.map(\.observed)
        inWork = follows.map(\.inWork)
    }
}
