import EvaluationDomain
import Statistics
import Store

/// Time to first job (METHODS §4, §5 "Months"): Kaplan–Meier of days from
/// enrolment to the first counted event, censored at the observation end;
/// median with 95% CI as R's `survfit` defaults, and the share employed by 3,
/// 6 and 12 months (1 − S(t) at 91.3125, 182.625 and 365.25 days; `nil`
/// beyond the largest observed time).
public struct TimeToJob: Sendable {
    /// Days in a month: 365.25 / 12.
    public static let daysPerMonth = 30.4375
    public var fit: KaplanMeierFit?
    public var median: SurvivalQuantile?
    /// Months (3, 6, 12) → share employed, with its 95% interval (1 − the
    /// limits of S(t), R's `summary(fit, times =)`).
    public var employedBy: [(months: Int, share: Double?, low: Double?, high: Double?, eventsBefore: Int, atRisk: Int)]

    public init(_ reemployment: Reemployment) {
        let fit = try? KaplanMeier(
            time: reemployment.people.map { Double($0.days) }, event: reemployment.people.map(\.employed)
        ).fit()
        self.fit = fit
        median = fit?.median
        let months = [3, 6, 12]
        let estimates = fit?.survival(at: months.map { Double($0) * Self.daysPerMonth })
        employedBy = months.enumerated().map { k, m in
            let e = estimates?[k]
            return (
                m, e.map { 1 - $0.survival }, e?.upper.map { 1 - $0 }, e?.lower.map { 1 - $0 }, e?.cumulativeEvents ?? 0, e?.atRisk ?? 0
            )
        }
    }
}

/// Months from group end to the first job, for participants of ended groups
/// whose first counted event is after the group's end ("1 to 7 months").
public struct MonthsGroupEndToJob: Sendable {
    public var months: [Double]

    public init(snapshot: ProgrammeSnapshot, reemployment: Reemployment, to: CalendarDate) {
        let ends = GroupEnd.ends(snapshot: snapshot, to: to)
        months = reemployment.people.compactMap { person in
            guard let first = person.firstEvent, let end = ends[snapshot.participants[person.participant].group],
                first > end
            else { return nil }
            return Double(end.days(to: first)) / TimeToJob.daysPerMonth
        }.sorted()
    }

    public var n: Int { months.count }
    public var min: Double? { months.first }
    public var max: Double? { months.last }
    /// The sample median (mean of the two middle values for even n), as R's `median`.
    public var median: Double? { Median.of(months) }
}
