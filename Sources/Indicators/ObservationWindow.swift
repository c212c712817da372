import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// When each participant's outcomes stop being observed (DESIGN §5 "Window and
/// follow-up"): min(`followed_up_until`, period end, enrolment + `window_days`),
/// all inclusive.
struct ObservationWindow {
    let to: CalendarDate
    let windowDays: Int

    /// The last day outcomes of `p` are observed.
    func end(of p: ProgrammeSnapshot.Participant) -> CalendarDate {
        var end = to
        if let followed = p.followedUpUntil, followed < end { end = followed }
        if windowDays > 0 {
            let closes = p.enrolledOn.adding(days: windowDays)
            if closes < end { end = closes }
        }
        return end
    }

    /// The day observation was meant to last until: min(period end, enrolment + window).
    func intendedEnd(of p: ProgrammeSnapshot.Participant) -> CalendarDate {
        guard windowDays > 0 else { return to }
        return min(to, p.enrolledOn.adding(days: windowDays))
    }
}
