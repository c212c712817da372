/// The canonical name of a column of an export (METHODS §3): the one name the
/// schema, the decoders and the templates use, so a misspelt column is a
/// compile error rather than a value read as missing. `ColumnSchema` gives each
/// its aliases, whether it is required, and what it holds.
public enum ColumnName: String, CaseIterable, Sendable, CustomStringConvertible {
    case participantID = "participant_id"
    case groupID = "group_id"
    case composition = "composition"
    case programme = "programme"
    case site = "site"
    case startDate = "start_date"
    case plannedSessions = "planned_sessions"
    case facilitator = "facilitator"
    case enrolledOn = "enrolled_on"
    case leftOn = "left_on"
    case sex = "sex"
    case birthYear = "birth_year"
    case education = "education"
    case statusAtEntry = "status_at_entry"
    case referredBy = "referred_by"
    case unemployedSince = "unemployed_since"
    case followedUpUntil = "followed_up_until"
    case sessionNo = "session_no"
    case date = "date"
    case held = "held"
    case present = "present"
    case instrument = "instrument"
    case wave = "wave"
    case completedOn = "completed_on"
    case score = "score"
    case service = "service"
    case hours = "hours"
    case provider = "provider"
    case amount = "amount"
    case eventDate = "event_date"
    case outcome = "outcome"
    case source = "source"
    case endDate = "end_date"
    case personID = "person_id"
    case referenceDate = "reference_date"

    /// The name as the exports and messages write it (`session_no`).
    public var description: String { rawValue }
}
