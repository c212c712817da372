import EvaluationDomain
import Statistics
import Store

/// The questionnaires of a cohort up to a date, scored: instrument → wave →
/// the questionnaires in participant order (METHODS §5 "Wellbeing": nothing
/// completed after `to` is used; a pre-scored `score` column serves when there
/// are no items).
///
/// Lists in participant order rather than dictionaries by participant: the
/// pairs of two waves are then a merge of two sorted lists, with no hashing
/// or sorting of keys per instrument and wave.
public struct WellbeingScores: Sendable {
    /// A participant's score at one wave.
    public struct Score: Sendable, Equatable {
        public var participant: Int
        public var value: Double
    }

    /// Upper-cased instrument id → wave → questionnaires, one per participant, in participant order.
    public var questionnaires: [String: [Wave: [ProgrammeSnapshot.Questionnaire]]] = [:]

    public init(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate) {
        var isMember = [Bool](repeating: false, count: snapshot.participants.count)
        for i in members { isMember[i] = true }
        var positions: [String: [Wave: [Int]]] = [:]
        var upper: [String: String] = [:]
        for (position, q) in snapshot.questionnaires.enumerated() where isMember[q.participant] {
            if let done = q.completedOn, done > to { continue }
            let id = upper[q.instrument] ?? q.instrument.uppercased()
            upper[q.instrument] = id
            positions[id, default: [:]][q.wave, default: []].append(position)
        }
        let all = snapshot.questionnaires
        questionnaires = positions.mapValues { waves in
            waves.mapValues { list in
                // Participant order; of two questionnaires of one person (ids differing only in
                // case), the later in the snapshot wins, as a later import row would.
                let sorted = list.sorted { (all[$0].participant, $0) < (all[$1].participant, $1) }
                var kept: [ProgrammeSnapshot.Questionnaire] = []
                kept.reserveCapacity(sorted.count)
                for position in sorted {
                    if let last = kept.last, last.participant == all[position].participant {
                        kept[kept.count - 1] = all[position]
                    } else {
                        kept.append(all[position])
                    }
                }
                return kept
            }
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

    /// Scores of one instrument at one wave, in participant order.
    public func scores(_ instrument: Instrument, _ wave: Wave) -> [Score] {
        (questionnaires[instrument.answersID.uppercased()]?[wave] ?? []).compactMap { q in
            (q.items.isEmpty ? q.score : instrument.score(items: q.items)).map { Score(participant: q.participant, value: $0) }
        }
    }

    /// Questionnaires of one instrument at one wave left out of scoring because more of
    /// their items are blank than the instrument tolerates (`max_missing`; METHODS §9
    /// *Missing questionnaire items*). A questionnaire with the wrong number of items is
    /// a `check` error, not counted here.
    public func leftOutForBlankItems(_ instrument: Instrument, _ wave: Wave) -> Int {
        (questionnaires[instrument.answersID.uppercased()]?[wave] ?? []).reduce(0) { count, q in
            guard !q.items.isEmpty, q.items.count == instrument.items else { return count }
            return count + (instrument.tooManyBlanks(q.items) ? 1 : 0)
        }
    }

    /// Baseline scores split by whether the same person has a score at the later wave
    /// (both lists in participant order): the pairs, and the baseline of the others.
    public static func pair(baseline: [Score], later: [Score]) -> (
        pairs: [(participant: Int, before: Double, after: Double)], unpaired: [Score]
    ) {
        var pairs: [(participant: Int, before: Double, after: Double)] = []
        var unpaired: [Score] = []
        var j = 0
        for b in baseline {
            while j < later.count && later[j].participant < b.participant { j += 1 }
            if j < later.count && later[j].participant == b.participant {
                pairs.append((b.participant, b.value, later[j].value))
            } else {
                unpaired.append(b)
            }
        }
        return (pairs, unpaired)
    }

    /// Change (wave − baseline) of those with both scores, in participant order.
    public func changes(_ instrument: Instrument, to wave: Wave = .end) -> [Score] {
        Self.pair(baseline: scores(instrument, .baseline), later: scores(instrument, wave)).pairs.map {
            Score(participant: $0.participant, value: $0.after - $0.before)
        }
    }
}
