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
        end(start: p.enrolledOn, followedUpUntil: p.followedUpUntil)
    }

    /// The last day outcomes are observed for someone whose outcomes count from `start`
    /// (enrolment; a comparison person's reference date): min(`followed_up_until`,
    /// period end, `start` + `window_days`).
    func end(start: CalendarDate, followedUpUntil: CalendarDate?) -> CalendarDate {
        guard let cap = Self.cap(start: start, followedUpUntil: followedUpUntil, windowDays: windowDays) else { return to }
        return min(cap, to)
    }

    /// In work within `horizon` days of `start` (METHODS §9 *Period and cohort*): observed
    /// when the observation end is at least `horizon` days after `start`, in work when the
    /// first counted job (on or after `start`) is at most `horizon` days after it and observed.
    func inWork(within horizon: Double, start: CalendarDate, followedUpUntil: CalendarDate?, firstJob: CalendarDate?)
        -> (observed: Bool, inWork: Bool)
    {
        let end = end(start: start, followedUpUntil: followedUpUntil)
        guard Double(start.days(to: end)) >= horizon else { return (false, false) }
        guard let firstJob else { return (true, false) }
        return (true, Double(start.days(to: firstJob)) <= horizon && firstJob <= end)
    }

    /// Each person's first counted job (`events` already of counted types) on or after
    /// the day their outcomes count from.
    static func firstJobs(_ events: [(person: Int, date: CalendarDate)], start: (Int) -> CalendarDate) -> [Int: CalendarDate] {
        var first: [Int: CalendarDate] = [:]
        for event in events where event.date >= start(event.person) {
            if first[event.person].map({ event.date < $0 }) ?? true { first[event.person] = event.date }
        }
        return first
    }

    /// The last day outcomes of `p` are observed whatever the period end:
    /// min(`followed_up_until`, enrolment + `window_days`); nil when neither applies.
    static func cap(of p: ProgrammeSnapshot.Participant, windowDays: Int) -> CalendarDate? {
        cap(start: p.enrolledOn, followedUpUntil: p.followedUpUntil, windowDays: windowDays)
    }

    static func cap(start: CalendarDate, followedUpUntil: CalendarDate?, windowDays: Int) -> CalendarDate? {
        let closes = windowDays > 0 ? start.adding(days: windowDays) : nil
        switch (followedUpUntil, closes) {
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
