import EvaluationDomain
import Foundation
import Ingest

/// Generates a fictional programme shaped like the real ones (METHODS §1): two
/// phases of mutual-aid groups of 10–15 people meeting about 18 times a
/// fortnight apart, homogeneous and heterogeneous groups, dropout, WEMWBS and
/// RSES at baseline and end (missing items and waves), individual services and
/// job events of every type. Every person is fictional; the same parameters
/// give the same files byte for byte.
public struct ProgrammeSynthesizer {
    public let parameters: SynthesisParameters

    public init(_ parameters: SynthesisParameters) {
        self.parameters = parameters
    }

    private static let sites = ["Forlì", "Cesena", "Faenza", "Ravenna", "Rimini", "Lugo"]

    func generate() -> SyntheticProgramme {
        var rng = SynthesisRandom(seed: parameters.seed)
        var programme = SyntheticProgramme()
        let sizes = groupSizes(rng: &rng)
        let phases = Phases(parameters, groups: sizes.count)
        for index in sizes.indices {
            programme.groups.append(makeGroup(index, phases: phases, rng: &rng))
        }

        var serial = 0
        for g in programme.groups.indices {
            for _ in 0..<sizes[g] {
                serial += 1
                addParticipant(serial: serial, group: g, in: &programme, rng: &rng)
            }
        }
        return programme
    }

    /// Group sizes 10–15 until every participant has a group (a smaller last
    /// group is shared out among the others).
    private func groupSizes(rng: inout SynthesisRandom) -> [Int] {
        var sizes: [Int] = []
        var remaining = max(parameters.participants, 1)
        while remaining > 0 {
            let size = min(rng.integer(in: 10...15), remaining)
            sizes.append(size)
            remaining -= size
        }
        if sizes.count > 1, let last = sizes.last, last < 10 {
            sizes.removeLast()
            for k in 0..<last { sizes[k % sizes.count] += 1 }
        }
        return sizes
    }

    /// Two phases: the first 60% of groups start in the first half of the
    /// years, the others in the second, each group at a random point of its
    /// share of its phase.
    private struct Phases {
        let firstDay: CalendarDate
        /// Days in which groups may start.
        let span: Int
        let groups: Int
        /// The first group of the second phase.
        let split: Int

        init(_ parameters: SynthesisParameters, groups: Int) {
            firstDay = CalendarDate(year: parameters.firstYear, month: 1, day: 15) ?? parameters.exportDate
            span = max(1, (parameters.years * 365) - 300)
            self.groups = groups
            split = Int((Double(groups) * 0.6).rounded(.up))
        }

        func phase(of index: Int) -> Int { index < split ? 1 : 2 }

        /// The first meeting of group `index`.
        func start(of index: Int, rng: inout SynthesisRandom) -> CalendarDate {
            let phase = self.phase(of: index)
            let window = phase == 1 ? 0..<(span / 2) : (span / 2)..<span
            let offset =
                window.lowerBound
                + Int(
                    Double(window.count) * (Double(index % max(split, 1)) + rng.uniform())
                        / Double(phase == 1 ? max(split, 1) : max(groups - split, 1)))
            return firstDay.adding(days: min(offset, span))
        }
    }

    /// Group `index`: its start, planned and held meetings, composition, site and facilitator.
    private func makeGroup(_ index: Int, phases: Phases, rng: inout SynthesisRandom) -> SyntheticProgramme.Group {
        let start = phases.start(of: index, rng: &rng)
        let planned = rng.pick([(18, 0.7), (16, 0.15), (20, 0.15)])
        let sessions = meetings(from: start, planned: planned, rng: &rng)
        return SyntheticProgramme.Group(
            code: String(format: "G%03d", index + 1),
            composition: rng.chance(parameters.homogeneousShare) ? .homogeneous : .heterogeneous,
            programme: "AMALav fase \(phases.phase(of: index))", site: Self.sites[index % Self.sites.count],
            start: start, planned: planned, facilitator: "facilitatore \(index % 5 + 1)",
            sessions: sessions)
    }

    /// A group's meetings a fortnight apart up to the export date. A
    /// cancelled meeting is made up a fortnight later: the group holds its
    /// planned number of meetings, numbered in date order.
    private func meetings(
        from start: CalendarDate, planned: Int, rng: inout SynthesisRandom
    ) -> [(number: Int, date: CalendarDate, held: Bool)] {
        var sessions: [(number: Int, date: CalendarDate, held: Bool)] = []
        var held = 0
        var number = 0
        while held < planned {
            number += 1
            let date = start.adding(days: 14 * (number - 1))
            guard date <= parameters.exportDate else { break }
            let takesPlace = !(number > 1 && rng.chance(0.04))
            if takesPlace { held += 1 }
            sessions.append((number, date, takesPlace))
        }
        return sessions
    }

    private func addParticipant(serial: Int, group g: Int, in programme: inout SyntheticProgramme, rng: inout SynthesisRandom) {
        let export = parameters.exportDate
        let group = programme.groups[g]
        let code = String(format: "P%05d", serial)
        let homogeneous = group.composition == .homogeneous
        // Most enrol before the first meeting; some join at the second or third.
        let joinAt = rng.pick([(1, 0.85), (2, 0.1), (3, 0.05)])
        let anchor = group.sessions.first(where: { $0.number == joinAt })?.date ?? group.start
        let enrolled = anchor.adding(days: -rng.integer(in: 0...20))

        let engagement = rng.normal()
        let dropsOut = rng.chance(homogeneous ? 0.18 : 0.26)
        let dropAt = dropsOut ? rng.integer(in: 2...12) : Int.max
        var attendance: [(Int, Bool)] = []
        var lastPresent: CalendarDate?
        for session in group.sessions where session.held && session.date >= enrolled {
            let p = 1 / (1 + exp(-(2.0 + 0.9 * engagement + (homogeneous ? 0.3 : 0))))
            let present = session.number < dropAt && rng.chance(p)
            attendance.append((session.number, present))
            if present { lastPresent = session.date }
        }
        var left: CalendarDate?
        if dropsOut, let last = lastPresent ?? group.sessions.first?.date, rng.chance(0.6) {
            let candidate = last.adding(days: rng.integer(in: 1...20))
            left = max(candidate, enrolled) <= export ? max(candidate, enrolled) : nil
        }
        var followed: CalendarDate?
        if rng.chance(0.1) {
            let earliest = enrolled.adding(days: 60)
            if earliest < export {
                followed = earliest.adding(days: rng.integer(in: 0...max(0, earliest.days(to: export))))
            }
        }
        programme.participants.append(
            SyntheticProgramme.Participant(
                code: code, group: g, enrolled: enrolled, left: left,
                sex: rng.chance(homogeneous ? 0.35 : 0.5) ? "F" : "M",
                birthYear: rng.integer(in: 1955...1992),
                education: rng.pick([("licenza media", 0.35), ("diploma", 0.45), ("laurea", 0.2)]),
                status: rng.pick([("disoccupato", 0.5), ("cassa integrazione", 0.2), ("mobilità", 0.2), ("mai occupato", 0.1)]),
                referredBy: rng.pick([("centro per l'impiego", 0.68), ("sindacato", 0.14), ("servizi sociali", 0.1), ("passaparola", 0.08)]
                ),
                unemployedSince: enrolled.adding(days: -rng.integer(in: 30...1000)),
                followedUpUntil: followed, children: rng.pick([(0, 0.4), (1, 0.3), (2, 0.25), (3, 0.05)]),
                attendance: attendance))

        let observedUntil = min(followed ?? export, export)
        let groupEnded = group.sessions.filter(\.held).count == group.planned
        let groupEnd = group.sessions.last?.date ?? group.start
        let attendedShare = attendance.isEmpty ? 0 : Double(attendance.filter(\.1).count) / Double(attendance.count)
        addQuestionnaires(
            code: code, enrolled: enrolled, groupEnded: groupEnded, groupEnd: groupEnd, observedUntil: observedUntil,
            dropsOut: dropsOut, homogeneous: homogeneous, attendedShare: attendedShare, into: &programme, rng: &rng)
        addServices(code: code, enrolled: enrolled, observedUntil: observedUntil, into: &programme, rng: &rng)
        addOutcomes(
            code: code, enrolled: enrolled, groupEnd: groupEnd, observedUntil: observedUntil,
            engagement: engagement + attendedShare, into: &programme, rng: &rng)
    }

    private func addQuestionnaires(
        code: String, enrolled: CalendarDate, groupEnded: Bool, groupEnd: CalendarDate, observedUntil: CalendarDate,
        dropsOut: Bool, homogeneous: Bool, attendedShare: Double, into programme: inout SyntheticProgramme,
        rng: inout SynthesisRandom
    ) {
        let wellbeing = rng.normal()
        let esteem = 0.6 * wellbeing + 0.8 * rng.normal()
        let gain = (homogeneous ? 0.55 : 0.4) * attendedShare + 0.25 * rng.normal()
        let instruments: [(String, Int, ClosedRange<Int>, Double, [Int], Double)] = [
            ("WEMWBS", 14, 1...5, 2.9, [], wellbeing),
            ("RSES", 10, 0...3, 1.7, [2, 5, 6, 8, 9], esteem),
        ]
        var waves: [(Wave, CalendarDate, Double)] = []
        if rng.chance(0.93) { waves.append((.baseline, enrolled.adding(days: rng.integer(in: 0...7)), 0)) }
        if groupEnded, groupEnd <= observedUntil, rng.chance(dropsOut ? 0.3 : 0.82) {
            waves.append((.end, groupEnd.adding(days: rng.integer(in: 0...5)), gain))
        }
        let followDate = groupEnd.adding(days: 180)
        if groupEnded, followDate <= observedUntil, rng.chance(0.45) {
            waves.append((.followup, followDate.adding(days: rng.integer(in: 0...20)), gain * 0.7))
        }
        for (wave, date, shift) in waves where date <= parameters.exportDate {
            for (name, count, range, centre, reverse, latent) in instruments {
                var items: [Int?] = []
                for item in 1...count {
                    if rng.chance(0.015) {
                        items.append(nil)
                        continue
                    }
                    let signal = 0.75 * (latent + shift) + 0.55 * rng.normal()
                    let keyed = centre + signal
                    let raw = reverse.contains(item) ? Double(range.lowerBound + range.upperBound) - keyed : keyed
                    items.append(min(max(Int(raw.rounded()), range.lowerBound), range.upperBound))
                }
                programme.questionnaires.append(
                    SyntheticProgramme.Questionnaire(
                        participant: code, instrument: name, wave: wave, completed: date,
                        completedSeconds: rng.integer(in: 32_400...64_800), items: items))
            }
        }
    }

    private func addServices(
        code: String, enrolled: CalendarDate, observedUntil: CalendarDate, into programme: inout SyntheticProgramme,
        rng: inout SynthesisRandom
    ) {
        if rng.chance(0.75) {
            var date = enrolled.adding(days: rng.integer(in: 3...30))
            for _ in 0..<rng.integer(in: 1...6) where date <= observedUntil {
                programme.services.append(
                    SyntheticProgramme.Service(
                        participant: code, service: "counselling", date: date, hours: rng.chance(0.7) ? 1 : 1.5,
                        provider: "sportello lavoro", amount: nil))
                date = date.adding(days: rng.integer(in: 14...45))
            }
        }
        if rng.chance(0.25) {
            let date = enrolled.adding(days: rng.integer(in: 20...120))
            if date <= observedUntil {
                programme.services.append(
                    SyntheticProgramme.Service(
                        participant: code, service: "support_pact", date: date, hours: nil, provider: "comune",
                        amount: Double(rng.integer(in: 8...15)) * 100))
            }
        }
        if rng.chance(0.3) {
            let date = enrolled.adding(days: rng.integer(in: 30...150))
            if date <= observedUntil {
                programme.services.append(
                    SyntheticProgramme.Service(
                        participant: code, service: "workshop", date: date, hours: 2.5, provider: "ente di formazione",
                        amount: nil))
            }
        }
    }

    private func addOutcomes(
        code: String, enrolled: CalendarDate, groupEnd: CalendarDate, observedUntil: CalendarDate, engagement: Double,
        into programme: inout SyntheticProgramme, rng: inout SynthesisRandom
    ) {
        let p = 1 / (1 + exp(-(-0.45 + 0.5 * engagement)))
        if rng.chance(p) {
            let after = rng.chance(0.85)
            let date =
                after
                ? groupEnd.adding(days: rng.integer(in: 31...213))
                : enrolled.adding(days: rng.integer(in: 30...200))
            let type = rng.pick([
                (OutcomeType.traineeship, 0.28), (.fixedTerm, 0.47), (.permanent, 0.2), (.selfEmployment, 0.05),
            ])
            if date <= observedUntil {
                let end: CalendarDate? = type == .permanent ? nil : date.adding(days: rng.pick([(90, 0.3), (180, 0.5), (365, 0.2)]))
                programme.outcomes.append(
                    SyntheticProgramme.Outcome(
                        participant: code, date: date, outcome: type,
                        source: rng.chance(0.7) ? "comunicazioni obbligatorie" : "colloquio", end: end))
                if type == .traineeship, rng.chance(0.35) {
                    let next = (end ?? date).adding(days: rng.integer(in: 1...40))
                    if next <= observedUntil {
                        programme.outcomes.append(
                            SyntheticProgramme.Outcome(
                                participant: code, date: next, outcome: rng.chance(0.7) ? .fixedTerm : .permanent,
                                source: "comunicazioni obbligatorie", end: nil))
                    }
                }
            }
        }
        if rng.chance(0.1) {
            let date = enrolled.adding(days: rng.integer(in: 20...300))
            if date <= observedUntil {
                programme.outcomes.append(
                    SyntheticProgramme.Outcome(
                        participant: code, date: date, outcome: .training, source: "colloquio", end: date.adding(days: 60)))
            }
        }
    }
}
