/// The kind of a job or training event in `outcomes.csv`.
public enum OutcomeType: String, Sendable, Codable, CaseIterable {
    case traineeship
    case fixedTerm = "fixed_term"
    case permanent
    case selfEmployment = "self_employment"
    case training
    case other

    /// Parses English or Italian names: `tirocinio`, `tempo_determinato` (`TD`),
    /// `tempo_indeterminato` (`TI`), `autoimpiego` (`lavoro_autonomo`),
    /// `formazione`, `altro` — any case, spaces and `_` alike.
    public init?(parsing text: String) {
        switch Vocabulary.key(text) {
        case "traineeship", "tirocinio", "stage", "internship": self = .traineeship
        case "fixed term", "tempo determinato", "td", "contratto a tempo determinato": self = .fixedTerm
        case "permanent", "tempo indeterminato", "ti", "contratto a tempo indeterminato": self = .permanent
        case "self employment", "self employed", "autoimpiego", "lavoro autonomo", "partita iva": self = .selfEmployment
        case "training", "formazione", "corso": self = .training
        case "other", "altro": self = .other
        default: return nil
        }
    }

    /// Rank for the "best event" breakdown: permanent > self_employment >
    /// fixed_term > traineeship (METHODS §4); non-employment events rank below.
    public var employmentRank: Int {
        switch self {
        case .permanent: return 4
        case .selfEmployment: return 3
        case .fixedTerm: return 2
        case .traineeship: return 1
        case .training, .other: return 0
        }
    }
}
