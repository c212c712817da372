import Statistics

/// The retention curve (METHODS §4): the share still attending at meeting k
/// (attended meeting k or a later one), as a Kaplan–Meier curve over the
/// group's meeting numbers. A participant's time is one past the last meeting
/// they attended (S(k) = P(last attended ≥ k)); it is censored at their
/// group's last meeting held when they attended that meeting (they were still
/// attending when the record ends, whether the group has finished or is still
/// running). Someone who never attended stops at their first meeting.
public struct RetentionCurve: Sendable {
    public var fit: KaplanMeierFit?

    public init(attendance: [AttendanceRecord]) {
        var times: [Double] = []
        var events: [Bool] = []
        for record in attendance where record.held > 0 {
            guard let last = record.meetings.last?.number, let first = record.meetings.first?.number else { continue }
            if let attended = record.meetings.last(where: \.present)?.number {
                if attended == last {
                    times.append(Double(last))
                    events.append(false)
                } else {
                    times.append(Double(attended + 1))
                    events.append(true)
                }
            } else {
                times.append(Double(first))
                events.append(true)
            }
        }
        fit = times.isEmpty ? nil : try? KaplanMeier(time: times, event: events).fit()
    }
}
