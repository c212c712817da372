import EvaluationDomain
import Foundation
import Statistics
import Store

/// Cross-file checks (METHODS §3, `evalrun check`, run before every report):
/// what no single file can show. Each finding is an error or a warning, named
/// by the table it concerns; none is silently dropped. The evaluator sees
/// participant codes here (this is not a funder output).
public struct ConsistencyCheck: Sendable {
    public var problems: [Problem]
    /// The check behind each problem (same order as `problems`).
    public var kinds: [Kind]
    /// What each problem is about (same order as `problems`).
    public var subjects: [Subject]

    /// The group, participant, meeting and date a finding concerns, when it has them.
    public struct Subject: Sendable, Equatable {
        public var group: String?
        public var participant: String?
        public var meeting: Int?
        public var date: CalendarDate?

        public init(group: String? = nil, participant: String? = nil, meeting: Int? = nil, date: CalendarDate? = nil) {
            self.group = group
            self.participant = participant
            self.meeting = meeting
            self.date = date
        }
    }

    /// Which check found a problem: what a report counts in its "Data checks"
    /// section, without naming anyone.
    public enum Kind: String, Sendable, CaseIterable {
        case meetingWithoutDate = "meeting_without_date"
        case groupWithoutMeetings = "group_without_meetings"
        case markInAnotherGroup = "mark_in_another_group"
        case presentAtCancelledMeeting = "present_at_cancelled_meeting"
        case presentBeforeEnrolment = "present_before_enrolment"
        case presentAfterLeaving = "present_after_leaving"
        case outcomeOutOfRange = "outcome_out_of_range"
        case outcomeBeforeEnrolment = "outcome_before_enrolment"
        case undeclaredInstrument = "undeclared_instrument"
        case itemOutOfRange = "item_out_of_range"
        case wrongItemCount = "wrong_item_count"
        case serviceBeforeEnrolment = "service_before_enrolment"
        case serviceInFuture = "service_in_future"
        case questionnaireBeforeEnrolment = "questionnaire_before_enrolment"
        case blankItems = "blank_items"
        case lowAlpha = "low_alpha"
        case jobEndsBeforeStart = "job_ends_before_start"
        case overlappingJobs = "overlapping_jobs"
    }

    /// Findings per check, in the order of `Kind`: (kind, severity, count).
    public var summary: [(kind: Kind, severity: Problem.Severity, count: Int)] {
        Kind.allCases.compactMap { kind in
            let found = zip(kinds, problems).filter { $0.0 == kind }.map(\.1)
            guard let first = found.first else { return nil }
            return (kind, first.severity, found.count)
        }
    }

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }
    public var warningCount: Int { problems.filter { $0.severity == .warning }.count }

    public init(snapshot s: ProgrammeSnapshot, configuration: ProjectConfiguration, today: CalendarDate) {
        let found =
            Self.sessions(s) + Self.attendance(s) + Self.outcomes(s, today: today) + Self.jobSpells(s)
            + Self.questionnaires(s, configuration: configuration) + Self.services(s, today: today)
        problems = found.map(\.problem)
        kinds = found.map(\.kind)
        subjects = found.map(\.subject)
    }

    typealias Finding = (kind: Kind, problem: Problem, subject: Subject)

    /// A finding about a whole table (cross-file findings have no line).
    static func finding(
        _ kind: Kind, _ severity: Problem.Severity, _ table: String, _ reason: String, hint: String? = nil,
        about subject: Subject = Subject()
    ) -> Finding {
        (kind, Problem(severity, file: table, line: 0, reason: reason, hint: hint), subject)
    }

    /// Meetings without a date; groups without meetings.
    static func sessions(_ s: ProgrammeSnapshot) -> [Finding] {
        var found: [Finding] = []
        var groupsWithSessions = Set<Int>()
        for session in s.sessions {
            groupsWithSessions.insert(session.group)
            if session.date == nil {
                found.append(
                    finding(
                        .meetingWithoutDate, .warning, "sessions",
                        "meeting \(session.number) of group \(s.groups[session.group].code) has no date, so no period or attendance rate can count it",
                        about: Subject(group: s.groups[session.group].code, meeting: session.number)))
            }
        }
        for (g, group) in s.groups.enumerated() where !groupsWithSessions.contains(g) {
            found.append(
                finding(
                    .groupWithoutMeetings, .warning, "sessions", "group \(group.code) has no meetings recorded",
                    hint: "import its sessions, or ignore if it has not started", about: Subject(group: group.code)))
        }
        return found
    }

    /// Marks for a participant of another group, on a cancelled meeting, before enrolment or after leaving.
    static func attendance(_ s: ProgrammeSnapshot) -> [Finding] {
        let sessions = SessionIndex(s)
        var found: [Finding] = []
        for mark in s.marks {
            let p = s.participants[mark.participant]
            if p.group != mark.group {
                let groupCode = s.groups[mark.group].code
                found.append(
                    finding(
                        .markInAnotherGroup, .error, "attendance",
                        "participant \(p.code) has a mark for meeting \(mark.session) of group \(groupCode) but belongs to group \(s.groups[p.group].code)",
                        about: Subject(group: groupCode, participant: p.code, meeting: mark.session)))
                continue
            }
            guard let session = sessions.meeting(mark.session, of: mark.group) else { continue }
            let groupCode = s.groups[mark.group].code
            if !session.held && mark.present {
                found.append(
                    finding(
                        .presentAtCancelledMeeting, .warning, "attendance",
                        "participant \(p.code) is marked present at meeting \(mark.session) of group \(groupCode), which was cancelled",
                        about: Subject(group: groupCode, participant: p.code, meeting: mark.session, date: session.date)))
            }
            guard mark.present, let date = session.date else { continue }
            if date < p.enrolledOn {
                found.append(
                    finding(
                        .presentBeforeEnrolment, .error, "attendance",
                        "participant \(p.code) is marked present on \(date.iso8601) (meeting \(mark.session) of \(groupCode)), before enrolling on \(p.enrolledOn.iso8601)",
                        about: Subject(group: groupCode, participant: p.code, meeting: mark.session, date: date)))
            }
            if let left = p.leftOn, date > left {
                found.append(
                    finding(
                        .presentAfterLeaving, .warning, "attendance",
                        "participant \(p.code) is marked present on \(date.iso8601) (meeting \(mark.session) of \(groupCode)), after leaving on \(left.iso8601)",
                        about: Subject(group: groupCode, participant: p.code, meeting: mark.session, date: date)))
            }
        }
        return found
    }

    /// Events dated before 1990 or after today; events before the participant enrolled
    /// (kept, but not counted as re-employment).
    static func outcomes(_ s: ProgrammeSnapshot, today: CalendarDate) -> [Finding] {
        let earliest = CalendarDate(year: 1990, month: 1, day: 1) ?? today
        let beforeEnrolment = s.outcomes.filter { o in
            o.eventDate >= earliest && o.eventDate <= today && o.eventDate < s.participants[o.participant].enrolledOn
        }.map { o in
            finding(
                .outcomeBeforeEnrolment, .warning, "outcomes",
                "participant \(s.participants[o.participant].code) has a \(o.outcome.rawValue) event dated \(o.eventDate.iso8601), before enrolling on \(s.participants[o.participant].enrolledOn.iso8601): it does not count as re-employment",
                hint: "check the date, or whether the job came before the programme",
                about: Subject(participant: s.participants[o.participant].code, date: o.eventDate))
        }
        return beforeEnrolment
            + s.outcomes.filter { $0.eventDate < earliest || $0.eventDate > today }.map { o in
                finding(
                    .outcomeOutOfRange, .error, "outcomes",
                    "participant \(s.participants[o.participant].code) has a \(o.outcome.rawValue) event dated \(o.eventDate.iso8601), \(o.eventDate > today ? "in the future" : "before 1990")",
                    about: Subject(participant: s.participants[o.participant].code, date: o.eventDate))
            }
    }

    /// Jobs whose end date precedes their start (read as one-day jobs), and a person's
    /// jobs of different types that overlap (two contracts at once, or a date wrong).
    static func jobSpells(_ s: ProgrammeSnapshot) -> [Finding] {
        var found: [Finding] = []
        var byPerson: [Int: [ProgrammeSnapshot.Outcome]] = [:]
        for o in s.outcomes where JobSpell.employmentTypes.contains(o.outcome) {
            byPerson[o.participant, default: []].append(o)
            if let end = o.endDate, end < o.eventDate {
                let code = s.participants[o.participant].code
                found.append(
                    finding(
                        .jobEndsBeforeStart, .warning, "outcomes",
                        "participant \(code) has a \(o.outcome.rawValue) job from \(o.eventDate.iso8601) ending on \(end.iso8601), before it starts: it counts as a one-day job",
                        hint: "check the two dates (swapped, or a year typed wrong)", about: Subject(participant: code, date: o.eventDate)))
            }
        }
        for participant in byPerson.keys.sorted() {
            let jobs = (byPerson[participant] ?? []).sorted { $0.eventDate < $1.eventDate }
            for (k, job) in jobs.enumerated() {
                for later in jobs[(k + 1)...] where later.outcome != job.outcome {
                    guard job.endDate.map({ later.eventDate <= $0 }) ?? true else { break }
                    let code = s.participants[participant].code
                    found.append(
                        finding(
                            .overlappingJobs, .warning, "outcomes",
                            "participant \(code) has a \(job.outcome.rawValue) job from \(job.eventDate.iso8601)\(job.endDate.map { " to \($0.iso8601)" } ?? " (ongoing)") and a \(later.outcome.rawValue) job starting on \(later.eventDate.iso8601) while it lasts: they count as one period in work",
                            hint: "two jobs at once are possible; otherwise give the first its end date",
                            about: Subject(participant: code, date: later.eventDate)))
                }
            }
        }
        return found
    }

    /// Questionnaires of an instrument no longer declared, with items outside its range or of the wrong number.
    static func questionnaires(_ s: ProgrammeSnapshot, configuration: ProjectConfiguration) -> [Finding] {
        var found: [Finding] = []
        // Instruments by the id as written: one case-folded lookup per distinct id, not per questionnaire.
        var declared: [String: Instrument?] = [:]
        // Complete questionnaires by instrument and wave, keyed, for Cronbach's α.
        var complete: [String: [Wave: [[Double?]]]] = [:]
        for q in s.questionnaires {
            let p = s.participants[q.participant]
            let subject = Subject(participant: p.code, date: q.completedOn)
            if let before = questionnaireBeforeEnrolment(q, of: p, about: subject) { found.append(before) }
            guard let instrument = declaredInstrument(q.instrument, configuration: configuration, seen: &declared) else {
                found.append(
                    finding(
                        .undeclaredInstrument, .error, "questionnaires", "instrument \(q.instrument) is no longer declared in evalrun.toml",
                        about: subject)
                )
                continue
            }
            if let bad = itemOutOfRange(q, instrument: instrument, of: p, about: subject) { found.append(bad) }
            if q.items.count == instrument.items && instrument.items >= 2 && !q.items.contains(where: { $0 == nil }) {
                complete[instrument.id, default: [:]][q.wave, default: []].append(instrument.keyed(q.items))
            }
            if let blanks = blankItems(q, instrument: instrument, of: p, about: subject) { found.append(blanks) }
            if let count = wrongItemCount(q, instrument: instrument, of: p, about: subject) { found.append(count) }
        }
        return found + lowAlpha(complete)
    }

    /// The instrument declared under `id` as written, looked up once per distinct id (`nil`: not declared).
    private static func declaredInstrument(
        _ id: String, configuration: ProjectConfiguration, seen: inout [String: Instrument?]
    ) -> Instrument? {
        if let known = seen[id] { return known }
        let known = configuration.instrument(id)
        seen[id] = known
        return known
    }

    /// A questionnaire completed before the participant enrolled.
    private static func questionnaireBeforeEnrolment(
        _ q: ProgrammeSnapshot.Questionnaire, of p: ProgrammeSnapshot.Participant, about subject: Subject
    ) -> Finding? {
        guard let completed = q.completedOn, completed < p.enrolledOn else { return nil }
        return finding(
            .questionnaireBeforeEnrolment, .warning, "questionnaires",
            "participant \(p.code): \(q.instrument) \(q.wave.rawValue) completed on \(completed.iso8601), before enrolling on \(p.enrolledOn.iso8601)",
            about: subject)
    }

    /// The first item value outside the instrument's range.
    private static func itemOutOfRange(
        _ q: ProgrammeSnapshot.Questionnaire, instrument: Instrument, of p: ProgrammeSnapshot.Participant, about subject: Subject
    ) -> Finding? {
        guard let bad = q.items.lazy.compactMap({ $0 }).first(where: { !instrument.accepts(itemValue: $0) }) else { return nil }
        return finding(
            .itemOutOfRange, .error, "questionnaires",
            "participant \(p.code): \(instrument.id) \(q.wave.rawValue) has item value \(bad) outside \(instrument.min)–\(instrument.max)",
            about: subject)
    }

    /// More blank items than the instrument tolerates (the questionnaire is then not scored).
    private static func blankItems(
        _ q: ProgrammeSnapshot.Questionnaire, instrument: Instrument, of p: ProgrammeSnapshot.Participant, about subject: Subject
    ) -> Finding? {
        guard !q.items.isEmpty && q.items.count == instrument.items && instrument.tooManyBlanks(q.items) else { return nil }
        let blanks = q.items.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        return finding(
            .blankItems, .warning, "questionnaires",
            "participant \(p.code): \(instrument.id) \(q.wave.rawValue) has \(blanks) blank item(s), more than the \(instrument.maxMissing) the instrument tolerates (max_missing): left out of scoring",
            about: subject)
    }

    /// Items given, but not as many as the instrument has.
    private static func wrongItemCount(
        _ q: ProgrammeSnapshot.Questionnaire, instrument: Instrument, of p: ProgrammeSnapshot.Participant, about subject: Subject
    ) -> Finding? {
        guard !q.items.isEmpty && q.items.count != instrument.items else { return nil }
        return finding(
            .wrongItemCount, .error, "questionnaires",
            "participant \(p.code): \(instrument.id) \(q.wave.rawValue) has \(q.items.count) items, the instrument \(instrument.items)",
            about: subject)
    }

    /// An α below 0.5 (or negative) on complete questionnaires: usually a data problem.
    private static func lowAlpha(_ complete: [String: [Wave: [[Double?]]]]) -> [Finding] {
        var found: [Finding] = []
        for id in complete.keys.sorted() {
            for wave in Wave.allCases {
                guard let rows = complete[id]?[wave], rows.count >= 3, let alpha = CronbachAlpha(rows: rows).alpha, alpha < 0.5 else {
                    continue
                }
                found.append(
                    finding(
                        .lowAlpha, .warning, "questionnaires",
                        "\(id) \(wave.rawValue): Cronbach's α is \(String(format: "%.3f", alpha)) over \(rows.count) complete questionnaires"
                            + (alpha < 0 ? ", below zero" : ", below 0.5"),
                        hint:
                            "a negative or very low α usually means a reverse-keyed item not declared in evalrun.toml, or answers entered in the wrong columns"
                    ))
            }
        }
        return found
    }

    /// Services dated before enrolment or in the future.
    static func services(_ s: ProgrammeSnapshot, today: CalendarDate) -> [Finding] {
        s.services.compactMap { service in
            let p = s.participants[service.participant]
            if service.date < p.enrolledOn {
                return finding(
                    .serviceBeforeEnrolment, .warning, "services",
                    "participant \(p.code) received \(service.service) on \(service.date.iso8601), before enrolling on \(p.enrolledOn.iso8601)",
                    about: Subject(participant: p.code, date: service.date))
            }
            if service.date > today {
                return finding(
                    .serviceInFuture, .warning, "services",
                    "participant \(p.code) has \(service.service) dated \(service.date.iso8601), in the future",
                    about: Subject(participant: p.code, date: service.date))
            }
            return nil
        }
    }
}
