import EvaluationDomain
import Store

/// The trend by quarter (METHODS §6 "Trend"): for each quarter end inside a
/// period that spans more than one quarter, the cohort enrolled by then, how
/// many of them were retained and re-employed as observed at that date, and
/// the meetings held and participants attending in that quarter (its part
/// inside the period).
public struct Trend: Sendable {
    public struct Quarter: Sendable {
        /// The quarter (`2016Q2`), its activity span inside the report's period.
        public var period: Period
        public var cohort: Int
        public var retention: Rate
        public var reemployment: Rate
        public var meetingsHeld: Int
        public var attendedOnce: Int
    }

    public var quarters: [Quarter]

    /// `nil` when the period lies within one calendar quarter.
    ///
    /// Each quarter's figures are those of `Cohort`, `AttendanceRecord` +
    /// `Retention`, `Reemployment` and `Reach` at its end (a test holds them
    /// equal), but computed in one pass over the participants: each person's
    /// meetings and first counted event are put in the quarter they fall in,
    /// and the quarters are accumulated, instead of recomputing every figure
    /// from the whole programme at each quarter end.
    public init?(snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration) {
        let ends = Self.quarterEnds(from: period.from, to: period.to)
        guard Self.quarterIndex(period.from) != Self.quarterIndex(period.to), let last = ends.last else { return nil }
        let slots = QuarterSlots(ends: ends, first: Self.quarterIndex(ends[0]), last: last)
        let sessions = SessionIndex(snapshot)
        let cohorts = CohortCounts(snapshot: snapshot, slots: slots, sessions: sessions, configuration: configuration)
        let reach = ReachCounts(snapshot: snapshot, periodStart: period.from, slots: slots, sessions: sessions)
        quarters = ends.enumerated().compactMap { k, end in
            let index = Self.quarterIndex(end)
            guard let label = Period(parsing: "\(index / 4)Q\(index % 4 + 1)") else { return nil }
            return Quarter(
                period: Period(label: label.label, from: max(label.from, period.from), to: end), cohort: cohorts.cohort[k],
                retention: Rate(numerator: cohorts.retained[k], denominator: cohorts.started[k]),
                reemployment: Rate(numerator: cohorts.employed[k], denominator: cohorts.cohort[k]), meetingsHeld: reach.meetings[k],
                attendedOnce: reach.present[k])
        }
    }

    /// Each participant's first event of a counted type on or after enrolment,
    /// when it falls before their observation stops whatever the period end
    /// (`followed_up_until`, enrolment + window): they count as re-employed
    /// at every quarter end on or after it (`Reemployment`'s definition).
    static func firstCountedEvents(_ snapshot: ProgrammeSnapshot, configuration: ProjectConfiguration) -> [CalendarDate?] {
        let counted = Set(configuration.reemploymentEvents)
        var first = [CalendarDate?](repeating: nil, count: snapshot.participants.count)
        for o in snapshot.outcomes where counted.contains(o.outcome) {
            let p = snapshot.participants[o.participant]
            guard o.eventDate >= p.enrolledOn else { continue }
            if let seen = first[o.participant], seen <= o.eventDate { continue }
            first[o.participant] = o.eventDate
        }
        for (i, p) in snapshot.participants.enumerated() {
            if let day = first[i], let cap = ObservationWindow.cap(of: p, windowDays: configuration.windowDays), day > cap {
                first[i] = nil
            }
        }
        return first
    }

    /// year × 4 + quarter − 1.
    static func quarterIndex(_ d: CalendarDate) -> Int { d.year * 4 + (d.month - 1) / 3 }

    /// The last days of the quarters that end on or after `from` and on or before `to`.
    static func quarterEnds(from: CalendarDate, to: CalendarDate) -> [CalendarDate] {
        guard from <= to else { return [] }
        return (quarterIndex(from)...quarterIndex(to)).compactMap { index in
            let month = (index % 4) * 3 + 3
            guard let day = CalendarDate.daysInMonth(month, year: index / 4),
                let end = CalendarDate(year: index / 4, month: month, day: day), end <= to
            else { return nil }
            return end
        }
    }
}

extension Trend {
    /// The quarters of the period by their ends, and the one a day falls in.
    private struct QuarterSlots {
        let ends: [CalendarDate]
        /// `quarterIndex` of the first end.
        let first: Int
        let last: CalendarDate

        /// The first quarter whose end is on or after `day`; nil after the last.
        func quarter(of day: CalendarDate) -> Int? { day > last ? nil : max(0, Trend.quarterIndex(day) - first) }
    }

    /// Per quarter end, the cohort enrolled by then, those with a meeting held since
    /// enrolling (the retention rate's denominator), the retained among them and the
    /// re-employed.
    private struct CohortCounts {
        var cohort: [Int]
        var started: [Int]
        var retained: [Int]
        var employed: [Int]

        init(snapshot: ProgrammeSnapshot, slots: QuarterSlots, sessions: SessionIndex, configuration: ProjectConfiguration) {
            let count = slots.ends.count
            let attendance = PresentMarks(snapshot)
            let firstJob = Trend.firstCountedEvents(snapshot, configuration: configuration)
            cohort = [Int](repeating: 0, count: count)
            started = cohort
            retained = cohort
            employed = cohort
            var held = cohort
            var attended = cohort
            for (i, p) in snapshot.participants.enumerated() {
                guard let enrolled = slots.quarter(of: p.enrolledOn) else { continue }
                for k in enrolled..<count {
                    held[k] = 0
                    attended[k] = 0
                }
                let mine = attendance.sessions(of: i)
                for s in sessions.meetings(of: p.group) where s.held {
                    guard let date = s.date, date >= p.enrolledOn, let k = slots.quarter(of: date) else { continue }
                    held[k] += 1
                    if mine.contains(s.number) { attended[k] += 1 }
                }
                var heldSoFar = 0
                var attendedSoFar = 0
                for k in enrolled..<count {
                    heldSoFar += held[k]
                    attendedSoFar += attended[k]
                    cohort[k] += 1
                    if heldSoFar > 0 {
                        started[k] += 1
                        let rate = Double(attendedSoFar) / Double(heldSoFar)
                        if configuration.retentionInclusive
                            ? rate >= configuration.retentionThreshold : rate > configuration.retentionThreshold
                        {
                            retained[k] += 1
                        }
                    }
                    if let job = firstJob[i], job <= slots.ends[k] { employed[k] += 1 }
                }
            }
        }
    }

    /// Reach in each quarter's span (from the period start in the first): meetings held,
    /// people present at one.
    private struct ReachCounts {
        var meetings: [Int]
        var present: [Int]

        init(snapshot: ProgrammeSnapshot, periodStart: CalendarDate, slots: QuarterSlots, sessions: SessionIndex) {
            let count = slots.ends.count
            meetings = [Int](repeating: 0, count: count)
            present = meetings
            func heldQuarter(_ s: ProgrammeSnapshot.Session) -> Int? {
                guard s.held, let date = s.date, date >= periodStart else { return nil }
                return slots.quarter(of: date)
            }
            for g in snapshot.groups.indices {
                for s in sessions.meetings(of: g) { if let k = heldQuarter(s) { meetings[k] += 1 } }
            }
            var seen = [Bool](repeating: false, count: snapshot.participants.count * count)
            for m in snapshot.marks where m.present {
                guard let s = sessions.meeting(m.session, of: m.group), let k = heldQuarter(s) else { continue }
                let flag = m.participant * count + k
                if !seen[flag] {
                    seen[flag] = true
                    present[k] += 1
                }
            }
        }
    }
}
