import EvaluationDomain
import Store

/// The participants an outcome figure covers: everyone enrolled on or before
/// the period end, whatever the period start (METHODS §5 "Periods").
public struct Cohort: Sendable {
    /// Indices into `snapshot.participants`, in code order.
    public let members: [Int]

    public init(snapshot: ProgrammeSnapshot, to: CalendarDate, filter: ((Int) -> Bool)? = nil) {
        members = snapshot.participants.indices.filter { i in
            snapshot.participants[i].enrolledOn <= to && (filter?(i) ?? true)
        }
    }
}
