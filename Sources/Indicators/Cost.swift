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
    /// Service amounts paid to some people: a service's, or the period's.
    public struct Spend: Sendable, Equatable {
        public var service: String
        public var amount: Double
        /// The people paid it (amounts over fewer than the threshold are withheld).
        public var people: Int
    }

    /// Without a budget, what the total is made of: each service's amounts, by name.
    public var byService: [Spend] = []
    /// The part of the total dated in the period itself (service amounts; `nil` with a budget).
    public var inPeriod: Spend?

    public init?(
        snapshot: ProgrammeSnapshot, period: Period, configuration: ProjectConfiguration, enrolled: Int, retained: Int, reemployed: Int
    ) {
        var total = configuration.budget
        declared = total > 0
        if !declared {
            var sum: Double?
            var byService: [String: (amount: Double, people: Set<Int>)] = [:]
            var inPeriod = (amount: 0.0, people: Set<Int>())
            for s in snapshot.services where s.date <= period.to && snapshot.participants[s.participant].enrolledOn <= period.to {
                if let amount = s.amount {
                    sum = (sum ?? 0) + amount
                    byService[s.service, default: (0, [])].amount += amount
                    byService[s.service, default: (0, [])].people.insert(s.participant)
                    if s.date >= period.from {
                        inPeriod.amount += amount
                        inPeriod.people.insert(s.participant)
                    }
                }
            }
            guard let sum else { return nil }
            total = sum
            self.byService = byService.keys.sorted(by: Levels.codePointOrder).map {
                Spend(service: $0, amount: byService[$0]?.amount ?? 0, people: byService[$0]?.people.count ?? 0)
            }
            self.inPeriod = Spend(service: "", amount: inPeriod.amount, people: inPeriod.people.count)
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
