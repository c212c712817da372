import EvaluationDomain

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
    }

    public struct Session: Sendable {
        public var group: Int
        public var number: Int
        public var date: CalendarDate?
        public var held: Bool
    }

    /// One attendance mark, in 16 bytes (a regional programme has millions).
    public struct Mark: Sendable {
        private var participantIndex: Int32
        private var groupIndex: Int32
        private var sessionNumber: Int32
        public var present: Bool

        public var participant: Int {
            get { Int(participantIndex) }
            set { participantIndex = Int32(newValue) }
        }
        public var group: Int {
            get { Int(groupIndex) }
            set { groupIndex = Int32(newValue) }
        }
        public var session: Int {
            get { Int(sessionNumber) }
            set { sessionNumber = Int32(clamping: newValue) }
        }

        /// Indices fit 32 bits (a snapshot holds fewer than 2³¹ rows); meeting numbers are 1–100,000 on import.
        public init(participant: Int, group: Int, session: Int, present: Bool) {
            participantIndex = Int32(participant)
            groupIndex = Int32(group)
            sessionNumber = Int32(clamping: session)
            self.present = present
        }
    }

    public struct Questionnaire: Sendable {
        public var participant: Int
        public var instrument: String
        public var wave: Wave
        public var completedOn: CalendarDate?
        public var items: ItemValues
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
    /// The participants files' other columns, by name: one value per participant
    /// (by index into `participants`; `nil` where not given). Columns rather than a
    /// dictionary per participant: a regional programme has a million of them.
    public var participantAttributes: [String: [String?]] = [:]
    public var sessions: [Session] = []
    public var marks: [Mark] = []
    public var questionnaires: [Questionnaire] = []
    public var services: [Service] = []
    public var outcomes: [Outcome] = []
    public var imports: [ImportRecord] = []

    public init() {}

    /// The latest date recorded in any date column of any table (METHODS §5).
    public var latestDate: CalendarDate? { recordedDates.max() }

    /// The data cut-off (METHODS §9 *Data cut-off*): the latest meeting (and so
    /// attendance), questionnaire, service or job date — not a job's `end_date`,
    /// which may lie in the future.
    public var cutoff: CalendarDate? { activityDates.max() }

    /// The day the programme's records begin: the earliest enrolment, meeting,
    /// questionnaire, service or job (not a birth year or an unemployment start,
    /// which precede the programme).
    public var earliestDate: CalendarDate? { (activityDates + participants.map(\.enrolledOn)).min() }

    /// The dates of what happened in the programme: meetings, questionnaires, services, jobs.
    var activityDates: [CalendarDate] {
        sessions.compactMap(\.date) + questionnaires.compactMap(\.completedOn) + services.map(\.date) + outcomes.map(\.eventDate)
    }

    /// Every date of every table.
    var recordedDates: [CalendarDate] {
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
        return dates
    }
}
