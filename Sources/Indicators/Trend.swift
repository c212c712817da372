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
        let first = Self.quarterIndex(ends[0])
        /// The first quarter whose end is on or after `day`; nil after the last.
        func quarter(of day: CalendarDate) -> Int? { day > last ? nil : max(0, Self.quarterIndex(day) - first) }

        let sessions = SessionIndex(snapshot)
        let attendance = PresentMarks(snapshot)
        let firstJob = Self.firstCountedEvents(snapshot, configuration: configuration)
        var cohort = [Int](repeating: 0, count: ends.count)
        var started = cohort
        var retained = cohort
        var employed = cohort
        var held = cohort
        var attended = cohort
        for (i, p) in snapshot.participants.enumerated() {
            guard let enrolled = quarter(of: p.enrolledOn) else { continue }
            for k in enrolled..<ends.count {
                held[k] = 0
                attended[k] = 0
            }
            let mine = attendance.sessions(of: i)
            for s in sessions.meetings(of: p.group) where s.held {
                guard let date = s.date, date >= p.enrolledOn, let k = quarter(of: date) else { continue }
                held[k] += 1
                if mine.contains(s.number) { attended[k] += 1 }
            }
            var heldSoFar = 0
            var attendedSoFar = 0
            for k in enrolled..<ends.count {
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
                if let job = firstJob[i], job <= ends[k] { employed[k] += 1 }
            }
        }
        // Reach in each quarter's span (from the period start in the first): meetings held, people present at one.
        var meetings = [Int](repeating: 0, count: ends.count)
        var present = meetings
        func heldQuarter(_ s: ProgrammeSnapshot.Session) -> Int? {
            guard s.held, let date = s.date, date >= period.from else { return nil }
            return quarter(of: date)
        }
        for g in snapshot.groups.indices {
            for s in sessions.meetings(of: g) { if let k = heldQuarter(s) { meetings[k] += 1 } }
        }
        var seen = [Bool](repeating: false, count: snapshot.participants.count * ends.count)
        for m in snapshot.marks where m.present {
            guard let s = sessions.meeting(m.session, of: m.group), let k = heldQuarter(s) else { continue }
            let flag = m.participant * ends.count + k
            if !seen[flag] {
                seen[flag] = true
                present[k] += 1
            }
        }
        quarters = ends.enumerated().compactMap { k, end in
            let index = Self.quarterIndex(end)
            guard let label = Period(parsing: "\(index / 4)Q\(index % 4 + 1)") else { return nil }
            return Quarter(
                period: Period(label: label.label, from: max(label.from, period.from), to: end), cohort: cohort[k],
                retention: Rate(numerator: retained[k], denominator: started[k]),
                reemployment: Rate(numerator: employed[k], denominator: cohort[k]), meetingsHeld: meetings[k],
                attendedOnce: present[k])
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
