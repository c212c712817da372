import EvaluationDomain
import Store

/// Uptake of individual services (METHODS §5 "Services"): rows dated in the
/// period, of participants enrolled by its end. `sessions` counts rows,
/// `participants` distinct people, `hours` sums the non-blank hours (`nil`
/// when no row has hours).
public struct ServiceUptake: Sendable, Equatable {
    public var service: String
    public var participants: Int
    public var sessions: Int
    public var hours: Double?

    public static func compute(snapshot: ProgrammeSnapshot, period: Period, members: Set<Int>? = nil) -> [ServiceUptake] {
        var rows: [String: (people: Set<Int>, sessions: Int, hours: Double?)] = [:]
        for s in snapshot.services where period.contains(s.date) {
            let p = snapshot.participants[s.participant]
            guard p.enrolledOn <= period.to, members?.contains(s.participant) ?? true else { continue }
            // Mutated in place through the dictionary: a copy taken out and put back would
            // share the set's storage and copy it on every insert (quadratic in the rows).
            rows[s.service, default: ([], 0, nil)].people.insert(s.participant)
            rows[s.service, default: ([], 0, nil)].sessions += 1
            if let h = s.hours { rows[s.service, default: ([], 0, nil)].hours = (rows[s.service]?.hours ?? 0) + h }
        }
        return rows.keys.sorted(by: Levels.codePointOrder).compactMap { name in
            rows[name].map { ServiceUptake(service: name, participants: $0.people.count, sessions: $0.sessions, hours: $0.hours) }
        }
    }
}
