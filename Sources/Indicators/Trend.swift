import EvaluationDomain
import Store

/// The trend by quarter (DESIGN §6 "Trend"): for each quarter end inside a
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
    public init?(snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration) {
        let ends = Self.quarterEnds(from: period.from, to: period.to)
        guard Self.quarterIndex(period.from) != Self.quarterIndex(period.to), !ends.isEmpty else { return nil }
        quarters = ends.compactMap { end in
            let index = Self.quarterIndex(end)
            guard let quarter = Period(parsing: "\(index / 4)Q\(index % 4 + 1)") else { return nil }
            let span = Period(label: quarter.label, from: max(quarter.from, period.from), to: end)
            let cohort = Cohort(snapshot: snapshot, to: end, filter: nil).members
            let attendance = AttendanceRecord.compute(snapshot: snapshot, members: cohort, to: end)
            let retention = Retention(
                attendance: attendance, threshold: configuration.retentionThreshold, inclusive: configuration.retentionInclusive)
            let work = Reemployment(snapshot: snapshot, members: cohort, to: end, configuration: configuration)
            let reach = Reach(snapshot: snapshot, period: span)
            return Quarter(
                period: span, cohort: cohort.count, retention: retention.rate, reemployment: work.rate,
                meetingsHeld: reach.meetingsHeld, attendedOnce: reach.attendedOnce)
        }
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
