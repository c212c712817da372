import EvaluationDomain
import Store

/// When each participant's outcomes stop being observed (METHODS §5 "Window and
/// follow-up"): min(`followed_up_until`, period end, enrolment + `window_days`),
/// all inclusive.
struct ObservationWindow {
    let to: CalendarDate
    let windowDays: Int

    /// The last day outcomes of `p` are observed.
    func end(of p: ProgrammeSnapshot.Participant) -> CalendarDate {
        guard let cap = Self.cap(of: p, windowDays: windowDays) else { return to }
        return min(cap, to)
    }

    /// The last day outcomes of `p` are observed whatever the period end:
    /// min(`followed_up_until`, enrolment + `window_days`); nil when neither applies.
    static func cap(of p: ProgrammeSnapshot.Participant, windowDays: Int) -> CalendarDate? {
        let closes = windowDays > 0 ? p.enrolledOn.adding(days: windowDays) : nil
        switch (p.followedUpUntil, closes) {
        case (let followed?, let closes?): return min(followed, closes)
        case (let followed?, nil): return followed
        case (nil, let closes?): return closes
        case (nil, nil): return nil
        }
    }

    /// The day observation was meant to last until: min(period end, enrolment + window).
    func intendedEnd(of p: ProgrammeSnapshot.Participant) -> CalendarDate {
        guard windowDays > 0 else { return to }
        return min(to, p.enrolledOn.adding(days: windowDays))
    }
}
