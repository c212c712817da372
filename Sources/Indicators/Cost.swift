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
    /// Without a budget, what the total is made of: each service's amounts, by name.
    public var byService: [(service: String, amount: Double, people: Int)] = []
    /// The part of the total dated in the period itself (service amounts; `nil` with a budget).
    public var inPeriod: Double?

    public static func == (a: Cost, b: Cost) -> Bool {
        a.currency == b.currency && a.total == b.total && a.enrolled == b.enrolled && a.retained == b.retained
            && a.reemployed == b.reemployed && a.declared == b.declared && a.inPeriod == b.inPeriod
            && a.byService.map(\.service) == b.byService.map(\.service) && a.byService.map(\.amount) == b.byService.map(\.amount)
    }

    public init?(
        snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration, enrolled: Int, retained: Int, reemployed: Int
    ) {
        var total = configuration.budget
        declared = total > 0
        if !declared {
            var sum: Double?
            var byService: [String: (amount: Double, people: Set<Int>)] = [:]
            var inPeriod = 0.0
            for s in snapshot.services where s.date <= period.to && snapshot.participants[s.participant].enrolledOn <= period.to {
                if let amount = s.amount {
                    sum = (sum ?? 0) + amount
                    byService[s.service, default: (0, [])].amount += amount
                    byService[s.service, default: (0, [])].people.insert(s.participant)
                    if s.date >= period.from { inPeriod += amount }
                }
            }
            guard let sum else { return nil }
            total = sum
            self.byService = byService.keys.sorted(by: Levels.codePointOrder).map {
                ($0, byService[$0]?.amount ?? 0, byService[$0]?.people.count ?? 0)
            }
            self.inPeriod = inPeriod
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
