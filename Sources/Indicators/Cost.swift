import EvaluationDomain
import Store

/// Cost per outcome (METHODS §4 and §5 "Cost"): the total is the declared
/// budget; without one, the sum of service amounts dated on or before the
/// period's end of participants enrolled by then (the cohort), whatever the
/// period's start: a quarter's spend is never divided by outcomes accumulated
/// over years. Ratios divide by the cohort's enrolled, retained and
/// re-employed counts (`nil` for a zero denominator).
public struct Cost: Sendable, Equatable {
    public var currency: String
    public var total: Double
    public var enrolled: Int
    public var retained: Int
    public var reemployed: Int
    /// Whether the total is the declared budget (else summed service amounts).
    public var declared: Bool

    public init?(
        snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration, enrolled: Int, retained: Int, reemployed: Int
    ) {
        var total = configuration.budget
        declared = total > 0
        if !declared {
            var sum: Double?
            for s in snapshot.services where s.date <= period.to && snapshot.participants[s.participant].enrolledOn <= period.to {
                if let amount = s.amount { sum = (sum ?? 0) + amount }
            }
            guard let sum else { return nil }
            total = sum
        }
        currency = configuration.currency
        self.total = total
        self.enrolled = enrolled
        self.retained = retained
        self.reemployed = reemployed
    }

    static func ratio(_ total: Double, _ n: Int) -> Double? { n > 0 ? total / Double(n) : nil }
    public var perEnrolled: Double? { Self.ratio(total, enrolled) }
    public var perRetained: Double? { Self.ratio(total, retained) }
    public var perReemployed: Double? { Self.ratio(total, reemployed) }
}
