import EvaluationDomain
import Foundation
import Ingest

/// A fictional comparison group beside a synthetic programme (METHODS §10): people
/// registered at the job centre over the programme's years who did not take part.
/// They are drawn from their own stream of the seed, so a programme's files are the
/// same with or without them.
///
/// Who they are differs from the participants on purpose (selection): older (born
/// 1950–1990 against 1955–1992), more often men (40% women), more often without a
/// diploma and more often unemployed at registration. Without any programme their
/// chance of a job (a traineeship or contract) within 12 months of registering is
///
///     logit p = −1.35 − 0.03 (age − 45) + 0.3 [graduate]
///
/// (about 0.21 at 45 without a degree), the job starting 20–365 days after the
/// reference date; a further 15% find one later (366–700 days). `PARAMETERS.md`
/// of the demo states the same.
struct ComparisonGroupSynthesizer {
    let parameters: SynthesisParameters

    /// The chance of a job within 12 months of registering, by age and degree.
    static func jobChance(age: Int, graduate: Bool) -> Double {
        1 / (1 + exp(-(-1.35 - 0.03 * Double(age - 45) + (graduate ? 0.3 : 0))))
    }

    struct Person {
        var code: String
        var reference: CalendarDate
        var followedUpUntil: CalendarDate?
        var sex: String
        var birthYear: Int
        var education: String
        var status: String
        var children: Int
    }

    func generate() -> (people: [Person], outcomes: [SyntheticProgramme.Outcome]) {
        // Its own stream: the programme's draws are untouched.
        var rng = SynthesisRandom(seed: parameters.seed ^ 0x9E37_79B9_7F4A_7C15)
        let export = parameters.exportDate
        let first = CalendarDate(year: parameters.firstYear, month: 1, day: 15) ?? export
        let span = max(1, first.days(to: export) - 120)
        var people: [Person] = []
        var outcomes: [SyntheticProgramme.Outcome] = []
        for serial in 1...max(parameters.comparisonPeople, 1) where parameters.comparisonPeople > 0 {
            let code = String(format: "C%05d", serial)
            let reference = first.adding(days: rng.integer(in: 0...span))
            var followed: CalendarDate?
            if rng.chance(0.1) {
                let earliest = reference.adding(days: 60)
                if earliest < export { followed = earliest.adding(days: rng.integer(in: 0...max(0, earliest.days(to: export)))) }
            }
            let education = rng.pick([("licenza media", 0.45), ("diploma", 0.4), ("laurea", 0.15)])
            let person = Person(
                code: code, reference: reference, followedUpUntil: followed, sex: rng.chance(0.4) ? "F" : "M",
                birthYear: rng.integer(in: 1950...1990), education: education,
                status: rng.pick([("disoccupato", 0.6), ("cassa integrazione", 0.15), ("mobilità", 0.15), ("mai occupato", 0.1)]),
                children: rng.pick([(0, 0.4), (1, 0.3), (2, 0.25), (3, 0.05)]))
            people.append(person)
            let observedUntil = min(followed ?? export, export)
            let age = reference.year - person.birthYear
            let date: CalendarDate?
            if rng.chance(Self.jobChance(age: age, graduate: education == "laurea")) {
                date = reference.adding(days: rng.integer(in: 20...365))
            } else if rng.chance(0.15) {
                date = reference.adding(days: rng.integer(in: 366...700))
            } else {
                date = nil
            }
            guard let date, date <= observedUntil else { continue }
            let type = rng.pick([(OutcomeType.traineeship, 0.25), (.fixedTerm, 0.55), (.permanent, 0.15), (.selfEmployment, 0.05)])
            outcomes.append(
                SyntheticProgramme.Outcome(
                    participant: code, date: date, outcome: type, source: "comunicazioni obbligatorie",
                    end: type == .permanent ? nil : date.adding(days: rng.pick([(90, 0.3), (180, 0.5), (365, 0.2)]))))
        }
        return (people, outcomes)
    }

    /// Writes `confronto.csv` and `esiti_confronto.csv` (`comparison.csv`,
    /// `comparison_outcomes.csv` in the plain style), in the office's own style.
    func write(into files: inout SyntheticFiles) throws {
        let (people, outcomes) = generate()
        let italian = files.italian
        try files.save(
            italian ? "confronto.csv" : "comparison.csv", files.local,
            italian
                ? [
                    "codice_persona", "data_riferimento", "seguito_fino_al", "sesso", "anno_nascita", "titolo_di_studio",
                    "condizione_ingresso", "children",
                ]
                : ["person_id", "reference_date", "followed_up_until", "sex", "birth_year", "education", "status_at_entry", "children"],
            people.map { p in
                [
                    .text(p.code), .date(p.reference), p.followedUpUntil.map { .date($0) } ?? .empty, .text(p.sex),
                    .integer(p.birthYear), .text(p.education), .text(p.status), .integer(p.children),
                ]
            })
        try files.save(
            italian ? "esiti_confronto.csv" : "comparison_outcomes.csv", files.local,
            italian
                ? ["codice_persona", "data_evento", "tipo_contratto", "fonte", "data_fine"]
                : ["person_id", "event_date", "outcome", "source", "end_date"],
            outcomes.map { o in
                [
                    .text(o.participant), .date(o.date),
                    .text(italian ? ProgrammeSynthesizer.italianOutcome[o.outcome] ?? o.outcome.rawValue : o.outcome.rawValue),
                    .text(o.source), o.end.map { .date($0) } ?? .empty,
                ]
            })
    }
}
