import EvaluationDomain

/// A generated programme in memory, before it is written as exports.
struct SyntheticProgramme {
    struct Group {
        var code: String
        var composition: Composition
        var programme: String
        var site: String
        var start: CalendarDate
        var planned: Int
        var facilitator: String
        /// Meetings up to the export date: (number, date, held).
        var sessions: [(number: Int, date: CalendarDate, held: Bool)]
    }

    struct Participant {
        var code: String
        var group: Int
        var enrolled: CalendarDate
        var left: CalendarDate?
        var sex: String
        var birthYear: Int
        var education: String
        var status: String
        var referredBy: String
        var unemployedSince: CalendarDate
        var followedUpUntil: CalendarDate?
        var children: Int
        /// Presence per meeting number (only meetings held after enrolment).
        var attendance: [(number: Int, present: Bool)]
    }

    struct Questionnaire {
        var participant: String
        var instrument: String
        var wave: Wave
        var completed: CalendarDate
        var completedSeconds: Int
        var items: [Int?]
    }

    struct Service {
        var participant: String
        var service: String
        var date: CalendarDate
        var hours: Double?
        var provider: String
        var amount: Double?
    }

    struct Outcome {
        var participant: String
        var date: CalendarDate
        var outcome: OutcomeType
        var source: String
        var end: CalendarDate?
    }

    var groups: [Group] = []
    var participants: [Participant] = []
    var questionnaires: [Questionnaire] = []
    var services: [Service] = []
    var outcomes: [Outcome] = []
}
