import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// The questionnaires of a cohort up to a date, scored: instrument → wave →
/// participant → questionnaire and score (DESIGN §5 "Wellbeing": nothing
/// completed after `to` is used; a pre-scored `score` column serves when there
/// are no items).
public struct WellbeingScores: Sendable {
    /// Upper-cased instrument id → wave → participant → questionnaire.
    public var questionnaires: [String: [Wave: [Int: ProgrammeSnapshot.Questionnaire]]] = [:]

    public init(snapshot: ProgrammeSnapshot, members: Set<Int>, to: CalendarDate) {
        for q in snapshot.questionnaires where members.contains(q.participant) {
            if let done = q.completedOn, done > to { continue }
            questionnaires[q.instrument.uppercased(), default: [:]][q.wave, default: [:]][q.participant] = q
        }
    }

    /// Instrument keys in order.
    public var instruments: [String] { questionnaires.keys.sorted() }

    /// The instruments to analyse: each one answered, and every alternative
    /// scoring of it (GHQ12 → GHQ12 and GHQ12-GHQ), in id order.
    public func analysed(_ configuration: ProjectConfiguration) -> [Instrument] {
        let answered = Set(instruments)
        return configuration.instruments.values
            .filter { answered.contains($0.answersID.uppercased()) }
            .sorted { Levels.codePointOrder($0.id.uppercased(), $1.id.uppercased()) }
    }

    /// Scores of one instrument at one wave, by participant.
    public func scores(_ instrument: Instrument, _ wave: Wave) -> [Int: Double] {
        (questionnaires[instrument.answersID.uppercased()]?[wave] ?? [:]).compactMapValues { q in
            q.items.isEmpty ? q.score : instrument.score(items: q.items)
        }
    }

    /// Change (wave − baseline) by participant, for those with both scores.
    public func changes(_ instrument: Instrument, to wave: Wave = .end) -> [Int: Double] {
        let before = scores(instrument, .baseline)
        let after = scores(instrument, wave)
        var out: [Int: Double] = [:]
        for (p, b) in before { if let a = after[p] { out[p] = a - b } }
        return out
    }
}
