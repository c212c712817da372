/// The moment a questionnaire was taken.
public enum Wave: String, Sendable, Codable, CaseIterable, Comparable {
    case baseline, end, followup

    /// Parses a wave as written in exports: `baseline`/`T0`/`pre`/`ingresso`,
    /// `end`/`T1`/`post`/`fine`, `followup`/`T2`/`follow-up` (any case; spaces,
    /// `_` and `-` alike).
    public init?(parsing text: String) {
        switch Vocabulary.key(text) {
        case "baseline", "t0", "pre", "ingresso", "iniziale", "inizio": self = .baseline
        case "end", "t1", "post", "fine", "finale": self = .end
        case "followup", "t2", "follow up", "richiamo": self = .followup
        default: return nil
        }
    }

    /// Chronological order: baseline, end, follow-up.
    public var order: Int {
        switch self {
        case .baseline: return 0
        case .end: return 1
        case .followup: return 2
        }
    }

    public static func < (a: Wave, b: Wave) -> Bool { a.order < b.order }
}
