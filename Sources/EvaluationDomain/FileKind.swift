/// The kinds of export evalrun imports (METHODS §3), in dependency order: the
/// programme's files, then the comparison group's (people who did not take
/// part, and their job events; METHODS §9).
public enum FileKind: String, Sendable, Codable, CaseIterable, Comparable {
    case groups, participants, sessions, attendance, questionnaires, services, outcomes
    case comparison
    case comparisonOutcomes = "comparison_outcomes"

    /// Import order: groups before participants before everything that names them.
    public var dependencyOrder: Int {
        switch self {
        case .groups: return 0
        case .participants: return 1
        case .sessions: return 2
        case .attendance: return 3
        case .questionnaires: return 4
        case .services: return 5
        case .outcomes: return 6
        case .comparison: return 7
        case .comparisonOutcomes: return 8
        }
    }

    public static func < (a: FileKind, b: FileKind) -> Bool { a.dependencyOrder < b.dependencyOrder }

    /// Parses a kind name as given on the command line (English or Italian).
    public init?(name: String) {
        switch Vocabulary.key(name) {
        case "groups", "group", "gruppi": self = .groups
        case "participants", "participant", "partecipanti": self = .participants
        case "sessions", "meetings", "incontri": self = .sessions
        case "attendance", "presenze", "registro": self = .attendance
        case "questionnaires", "questionnaire", "questionari": self = .questionnaires
        case "services", "servizi": self = .services
        case "outcomes", "esiti": self = .outcomes
        case "comparison", "confronto", "comparison group", "gruppo di confronto": self = .comparison
        case "comparison outcomes", "esiti confronto": self = .comparisonOutcomes
        default: return nil
        }
    }

    /// Recognises a file by its name: `groups`/`gruppi`, `participants`/`partecipanti`,
    /// `sessions`/`incontri`, `attendance`/`presenze`/`registro`,
    /// `questionnaires`/`questionari`, `outcomes`/`esiti`, `services`/`servizi`,
    /// `comparison`/`confronto`, `comparison_outcomes`/`esiti_confronto`,
    /// with any suffix such as a date (`presenze_2016Q2.csv`). Only `.csv`/`.txt`/`.tsv`
    /// exports and `.xlsx` workbooks.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard [".csv", ".txt", ".tsv", ".xlsx"].contains(where: { lower.hasSuffix($0) }) else { return nil }
        self.init(sheetName: fileName)
    }

    /// Recognises a workbook's sheet by its name, as ``init(fileName:)`` recognises a file
    /// (`presenze`, `Partecipanti 2016`), whatever follows the kind's name.
    public init?(sheetName: String) {
        let lower = sheetName.lowercased()
        // The comparison group's outcomes first: their names begin with another kind's.
        let prefixes: [(String, FileKind)] = [
            ("comparison_outcomes", .comparisonOutcomes), ("comparison outcomes", .comparisonOutcomes),
            ("esiti_confronto", .comparisonOutcomes), ("esiti confronto", .comparisonOutcomes),
            ("comparison", .comparison), ("confronto", .comparison),
            ("groups", .groups), ("gruppi", .groups),
            ("participants", .participants), ("partecipanti", .participants),
            ("sessions", .sessions), ("incontri", .sessions), ("meetings", .sessions),
            ("attendance", .attendance), ("presenze", .attendance), ("registro", .attendance),
            ("questionnaires", .questionnaires), ("questionari", .questionnaires),
            ("outcomes", .outcomes), ("esiti", .outcomes),
            ("services", .services), ("servizi", .services),
        ]
        for (prefix, kind) in prefixes where lower.hasPrefix(prefix) {
            self = kind
            return
        }
        return nil
    }
}
