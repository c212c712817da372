import EvaluationDomain

/// The comparison group as recorded (METHODS §9 *Comparison group files*): people
/// who did not take part and their job events, in the order they were first
/// imported (the order of the files), with the participants' codes in that same
/// order, since matching breaks ties by the order of the data as MatchIt does.
public struct ComparisonGroupSnapshot: Sendable {
    public struct Person: Sendable {
        /// Export code (or pseudonym): never written to any output.
        public var code: String
        public var referenceDate: CalendarDate
        public var followedUpUntil: CalendarDate?
        public var sex: String?
        public var birthYear: Int?
        public var education: String?
        public var statusAtEntry: String?
    }

    public struct Outcome: Sendable {
        public var person: Int
        public var eventDate: CalendarDate
        public var outcome: OutcomeType
        public var endDate: CalendarDate?
    }

    public var people: [Person] = []
    /// The comparison file's other columns, by name: one value per person (`nil` where not given).
    public var attributes: [String: [String?]] = [:]
    public var outcomes: [Outcome] = []
    /// The participants' codes in the order they were first imported.
    public var participantCodesInImportOrder: [String] = []

    public init() {}

    /// Whether anyone is in the comparison group.
    public var isEmpty: Bool { people.isEmpty }

    /// The latest date recorded for the comparison group.
    public var latestDate: CalendarDate? {
        (people.map(\.referenceDate) + people.compactMap(\.followedUpUntil) + outcomes.map(\.eventDate)).max()
    }
}
