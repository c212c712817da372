import EvaluationDomain
import Foundation
import Testing

@testable import Indicators
@testable import Statistics
@testable import Store

/// The retention curve, the group end, the time to a first job and the make-up,
/// each on a handful of people worked out by hand (METHODS §4, §9 *Group end*).
@Suite("Indicators, directly")
struct IndicatorDirectTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso8601: iso) ?? CalendarDate(daysSince1970: 0) }

    static func record(_ participant: Int, _ marks: [Bool]) -> AttendanceRecord {
        AttendanceRecord(
            participant: participant, held: marks.count, attended: marks.filter { $0 }.count,
            meetings: marks.enumerated().map { AttendanceRecord.Meeting(number: $0.offset + 1, present: $0.element) })
    }

    @Test("retention curve: one past the last meeting attended; censored when the last held was attended")
    func retentionCurve() throws {
        // A attends 1–5 of 5: censored at 5. B attends 1–2: leaves at 3. C never attends: stops at 1.
        // D attends 1 and 3: leaves at 4. E's group has held nothing: not counted.
        // Times 5+, 3, 1, 4: S(1) = 3/4; S(3) = 3/4 · 2/3 = 1/2; S(4) = 1/2 · 1/2 = 1/4; S(5) = 1/4.
        let curve = RetentionCurve(attendance: [
            Self.record(0, [true, true, true, true, true]), Self.record(1, [true, true, false, false, false]),
            Self.record(2, [false, false, false, false, false]), Self.record(3, [true, false, true, false, false]),
            AttendanceRecord(participant: 4, held: 0, attended: 0, meetings: []),
        ])
        let fit = try #require(curve.fit)
        let s = fit.survival(at: [1, 2, 3, 4, 5]).map { $0?.survival }
        #expect(s == [0.75, 0.75, 0.5, 0.25, 0.25])
        #expect(fit.survival(at: [1])[0]?.atRisk == 4)
        #expect(RetentionCurve(attendance: []).fit == nil)
    }

    static func group(_ code: String, planned: Int?) -> ProgrammeSnapshot.Group {
        ProgrammeSnapshot.Group(
            code: code, composition: nil, programme: nil, site: nil, startDate: nil, plannedSessions: planned, facilitator: nil,
            attributes: [:])
    }

    static func session(_ group: Int, _ number: Int, _ date: String?, held: Bool = true) -> ProgrammeSnapshot.Session {
        ProgrammeSnapshot.Session(group: group, number: number, date: date.map(day), held: held)
    }

    @Test("group end: every planned meeting held or cancelled by the period end; without a plan, none dated later")
    func groupEnd() {
        var s = ProgrammeSnapshot()
        s.groups = [
            Self.group("all held", planned: 3), Self.group("one cancelled", planned: 3), Self.group("still running", planned: 3),
            Self.group("no plan, over", planned: nil), Self.group("no plan, one to come", planned: nil),
            Self.group("held after the period", planned: 2),
        ]
        s.sessions = [
            Self.session(0, 1, "2016-01-10"), Self.session(0, 2, "2016-01-24"), Self.session(0, 3, "2016-02-07"),
            Self.session(1, 1, "2016-01-10"), Self.session(1, 2, "2016-01-24", held: false), Self.session(1, 3, "2016-02-07"),
            Self.session(2, 1, "2016-01-10"), Self.session(2, 2, "2016-01-24"),
            Self.session(3, 1, "2016-01-10"), Self.session(3, 2, "2016-01-24"),
            Self.session(4, 1, "2016-01-10"), Self.session(4, 2, "2016-07-24", held: false),
            Self.session(5, 1, "2016-01-10"), Self.session(5, 2, "2016-07-24"),
        ]
        let ends = GroupEnd.ends(snapshot: s, to: Self.day("2016-06-30"))
        #expect(ends == [0: Self.day("2016-02-07"), 1: Self.day("2016-02-07"), 3: Self.day("2016-01-24")])
        // By the year's end the last group's second meeting is held: it has ended then.
        #expect(GroupEnd.ends(snapshot: s, to: Self.day("2016-12-31"))[5] == Self.day("2016-07-24"))
    }

    @Test("time to a first job: days from enrolment, censored at the observation end; employed by 3, 6, 12 months")
    func timeToJob() throws {
        var s = ProgrammeSnapshot()
        s.groups = [Self.group("G", planned: nil)]
        func person(_ code: String, _ enrolled: String, followed: String? = nil) -> ProgrammeSnapshot.Participant {
            ProgrammeSnapshot.Participant(
                code: code, group: 0, enrolledOn: Self.day(enrolled), leftOn: nil, sex: nil, birthYear: nil, education: nil,
                statusAtEntry: nil, referredBy: nil, unemployedSince: nil, followedUpUntil: followed.map(Self.day))
        }
        s.participants = [
            person("A", "2016-01-01"), person("B", "2016-01-01"), person("C", "2016-01-01", followed: "2016-03-01"),
            person("D", "2016-01-01"),
        ]
        // A: a job on day 60; B: on day 200 (training on day 10 does not count); C: followed 60 days, no job;
        // D: none by the period end (365 days).
        s.outcomes = [
            ProgrammeSnapshot.Outcome(participant: 0, eventDate: Self.day("2016-03-01"), outcome: .fixedTerm, source: nil, endDate: nil),
            ProgrammeSnapshot.Outcome(participant: 1, eventDate: Self.day("2016-01-11"), outcome: .training, source: nil, endDate: nil),
            ProgrammeSnapshot.Outcome(participant: 1, eventDate: Self.day("2016-07-19"), outcome: .permanent, source: nil, endDate: nil),
        ]
        let reemployment = Reemployment(
            snapshot: s, members: [0, 1, 2, 3], to: Self.day("2016-12-31"), configuration: ProjectConfiguration())
        #expect(reemployment.people.map(\.days) == [60, 200, 60, 365])
        #expect(reemployment.people.map(\.employed) == [true, true, false, false])
        #expect(reemployment.lostToFollowUp == 1)
        let time = TimeToJob(reemployment)
        // S(60) = 3/4 (A's job; C censored at 60 after it); S(200) = 3/4 · 1/2 (B, of B and D at risk).
        let by = time.employedBy
        #expect(by.map(\.months) == [3, 6, 12])
        #expect(abs((by[0].share ?? 0) - 0.25) < 1e-12)  // 91.3 days: A only
        #expect(abs((by[1].share ?? 0) - 0.25) < 1e-12)  // 182.6 days: still A only
        #expect(by[2].share == nil)  // 365.25 days is beyond the longest follow-up (365): not observed
        #expect(time.median?.estimate == 200)  // S falls to 3/8, below 1/2, at B's job
    }

    @Test("make-up: every level of the programme listed, zeros included, shares of the members")
    func makeUp() {
        let attributes = ParticipantAttributes(values: ["sex": ["F", "M", nil, "F"]])
        let rows = AttributeMakeUp.compute(attributes: attributes, names: ["sex", "absent"], members: [0, 3], universe: 0..<4)
        #expect(rows.map(\.level) == ["F", "M", Levels.missing])
        #expect(rows.map(\.n) == [2, 0, 0] && rows.allSatisfy { $0.denominator == 2 })
        #expect(rows.first?.share == 1)
        #expect(
            AttributeMakeUp.compute(attributes: attributes, names: ["sex"], members: [], universe: 0..<4).allSatisfy { $0.share == nil })
    }
}
