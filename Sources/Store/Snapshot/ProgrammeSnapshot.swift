import EvaluationDomain
import Ingest

/// Everything recorded about a programme up to a date, as plain values for the
/// indicators (which know nothing of SQL). Indices link the arrays: a
/// participant's `group` is an index into `groups`, and so on.
public struct ProgrammeSnapshot: Sendable {
    public struct Group: Sendable {
        public var code: String
        public var composition: Composition?
        public var programme: String?
        public var site: String?
        public var startDate: CalendarDate?
        public var plannedSessions: Int?
        public var facilitator: String?
        public var attributes: [String: String]
    }

    public struct Participant: Sendable {
        /// Export code: never written to any output.
        public var code: String
        public var group: Int
        public var enrolledOn: CalendarDate
        public var leftOn: CalendarDate?
        public var sex: String?
        public var birthYear: Int?
        public var education: String?
        public var statusAtEntry: String?
        public var referredBy: String?
        public var unemployedSince: CalendarDate?
        public var followedUpUntil: CalendarDate?
        public var attributes: [String: String]
    }

    public struct Session: Sendable {
        public var group: Int
        public var number: Int
        public var date: CalendarDate?
        public var held: Bool
    }

    public struct Mark: Sendable {
        public var participant: Int
        public var group: Int
        public var session: Int
        public var present: Bool
    }

    public struct Questionnaire: Sendable {
        public var participant: Int
        public var instrument: String
        public var wave: Wave
        public var completedOn: CalendarDate?
        public var items: [Double?]
        public var score: Double?
    }

    public struct Service: Sendable {
        public var participant: Int
        public var service: String
        public var date: CalendarDate
        public var hours: Double?
        public var provider: String?
        public var amount: Double?
    }

    public struct Outcome: Sendable {
        public var participant: Int
        public var eventDate: CalendarDate
        public var outcome: OutcomeType
        public var source: String?
        public var endDate: CalendarDate?
    }

    public var groups: [Group] = []
    public var participants: [Participant] = []
    public var sessions: [Session] = []
    public var marks: [Mark] = []
    public var questionnaires: [Questionnaire] = []
    public var services: [Service] = []
    public var outcomes: [Outcome] = []
    public var imports: [ImportRecord] = []

    public init() {}

    /// The latest date recorded in any date column of any table (DESIGN §5).
    public var latestDate: CalendarDate? {
        var dates: [CalendarDate] = []
        dates += groups.compactMap(\.startDate)
        for p in participants {
            dates.append(p.enrolledOn)
            dates += [p.leftOn, p.unemployedSince, p.followedUpUntil].compactMap { $0 }
        }
        dates += sessions.compactMap(\.date)
        dates += questionnaires.compactMap(\.completedOn)
        dates += services.map(\.date)
        for o in outcomes { dates += [o.eventDate, o.endDate].compactMap { $0 } }
        return dates.max()
    }
}
