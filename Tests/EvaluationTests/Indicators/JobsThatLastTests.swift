import Evaluation
import Foundation
import Testing

@testable import Indicators

/// Jobs that last (METHODS §9 *Jobs that last*) on eight people built by hand, 2016,
/// gap_days 30. Everyone enrolled on 5 Jan 2016 in G1, whose two planned meetings
/// (10 and 24 Jan) were held: the group ended on 24 Jan, so leaving + 183 days is
/// 25 Jul and the 182 days after leaving run 25 Jan to 24 Jul.
///
/// - A: traineeship 1 Feb–31 Mar, fixed-term from 30 Apr (a gap of 30 days: bridged) to
///   30 Jun, permanent from 1 Aug (32 days after: a new period), ongoing.
/// - B: fixed-term 1–31 Mar, self-employed 29 Apr (29 days: bridged) to 31 May.
/// - C: permanent from 15 Feb, ongoing.
/// - D: fixed-term 1 Feb–1 May, the day before its 3-month checkpoint (2 May).
/// - E: traineeship from 1 Feb, ongoing, followed up only until 30 Apr: lost.
/// - F: traineeship 1–31 Mar, permanent from 1 May (31 days after: not bridged).
/// - G: no job; left the programme on 15 Jan, before the group ended.
/// - H: a fixed-term job before enrolling (not counted); traineeship 1 Jun–31 Aug with
///   a fixed-term job 1–15 Jul inside it (overlapping, of another type).
///
/// Worked out by hand (checkpoints: first start + 91, 183, 365 days):
///
/// | person | +91 (3m)       | +183 (6m)        | first period      | 25 Jul | days, 182 after leaving |
/// | ------ | -------------- | ---------------- | ----------------- | ------ | ----------------------- |
/// | A      | 2 May: in, cont| 2 Aug: in, broken| 150 days, ended   | no     | 151                     |
/// | B      | 31 May: in, cont| 31 Aug: out     | 91, ended         | no     | 92                      |
/// | C      | 16 May: in, cont| 16 Aug: in, cont| 320, ongoing     | yes    | 161                     |
/// | D      | 2 May: out     | 2 Aug: out       | 90, ended         | no     | 91                      |
/// | E      | lost           | lost             | 89, censored 30 Apr| lost  | not observed            |
/// | F      | 31 May: in, broken | 31 Aug: in, broken | 30, ended  | yes    | 31 + 85 = 116           |
/// | G      | –              | –                | –                 | no (16 Jul) | 0                  |
/// | H      | 31 Aug: in, cont | 1 Dec: out     | 91, ended         | yes    | 54                      |
///
/// The 12-month checkpoints all fall in 2017: not yet observable, and not lost.
@Suite("Jobs that last, by hand")
struct JobsThatLastTests {
    static func jobs(gapDays: Int = 30) throws -> JobsThatLast {
        let snapshot = try programme()
        var configuration = ProjectConfiguration()
        configuration.jobGapDays = gapDays
        let to = try #require(CalendarDate(iso8601: "2016-12-31"))
        return JobsThatLast(snapshot: snapshot, members: Array(snapshot.participants.indices), to: to, configuration: configuration)
    }

    static func programme() throws -> ProgrammeSnapshot {
        let f = try ImportFixture()
        for (kind, name, text) in [
            (FileKind.groups, "g.csv", "group_id,composition,planned_sessions\nG1,homogeneous,2\n"),
            (.sessions, "s.csv", "group_id,session_no,date,held\nG1,1,2016-01-10,1\nG1,2,2016-01-24,1\n"),
            (
                .participants, "p.csv",
                """
                participant_id,group_id,enrolled_on,left_on,followed_up_until
                A,G1,2016-01-05,,
                B,G1,2016-01-05,,
                C,G1,2016-01-05,,
                D,G1,2016-01-05,,
                E,G1,2016-01-05,,2016-04-30
                F,G1,2016-01-05,,
                G,G1,2016-01-05,2016-01-15,
                H,G1,2016-01-05,,

                """
            ),
            (
                .outcomes, "o.csv",
                """
                participant_id,event_date,outcome,end_date
                A,2016-02-01,traineeship,2016-03-31
                A,2016-04-30,fixed_term,2016-06-30
                A,2016-08-01,permanent,
                B,2016-03-01,fixed_term,2016-03-31
                B,2016-04-29,self_employment,2016-05-31
                C,2016-02-15,permanent,
                D,2016-02-01,fixed_term,2016-05-01
                E,2016-02-01,traineeship,
                F,2016-03-01,traineeship,2016-03-31
                F,2016-05-01,permanent,
                H,2015-12-01,fixed_term,2016-01-31
                H,2016-06-01,traineeship,2016-08-31
                H,2016-07-01,fixed_term,2016-07-15

                """
            ),
        ] {
            _ = try f.importFile(kind, f.write(name, text))
        }
        return try f.store.snapshot()
    }

    static func counts(_ r: JobsThatLast.ObservedRate?) -> [Int] {
        [r?.rate.numerator ?? -1, r?.rate.denominator ?? -1, r?.lost ?? -1]
    }

    @Test("in work on the day and continuously, at 3, 6 and 12 months after the first job began")
    func checkpoints() throws {
        let j = try Self.jobs()
        #expect(j.reemployed == 7)
        #expect(Self.counts(j.inWorkAt[3]) == [5, 6, 1])  // A B C F H of six observed; E lost
        #expect(Self.counts(j.continuous[3]) == [4, 6, 1])  // A B C H
        #expect(Self.counts(j.inWorkAt[6]) == [3, 6, 1])  // A (second period) C F
        #expect(Self.counts(j.continuous[6]) == [1, 6, 1])  // C
        #expect(Self.counts(j.inWorkAt[12]) == [0, 0, 0])  // all in 2017: not yet observable
        #expect(j.inWorkAt[3]?.rateIfAllLostEmployed == 6.0 / 7.0)
    }

    @Test("the ESF+ indicator over everyone who left, moves to a permanent contract, days in work after leaving")
    func afterLeaving() throws {
        let j = try Self.jobs()
        #expect(Self.counts(j.inWorkSixMonthsAfterLeaving) == [3, 7, 1])  // C F H of seven observed; E lost
        #expect(Self.counts(j.movedToPermanent) == [2, 6, 0])  // A F of A B D E F H
        #expect(j.daysInWorkAfterLeaving[182]?.days.sorted() == [0, 54, 91, 92, 116, 151, 161])
        #expect(j.daysInWorkAfterLeaving[182]?.mean == 95)
        #expect(j.daysInWorkAfterLeaving[182]?.median == 92)
        #expect(j.daysInWorkAfterLeaving[365]?.days.isEmpty == true)  // 365 days after 24 Jan is in 2017
    }

    @Test("the first period in work: lengths, censoring and the Kaplan–Meier read by hand")
    func firstPeriod() throws {
        let j = try Self.jobs()
        let lengths = j.firstPeriodLengths.map { "\($0.days)\($0.ended ? "" : "+")" }.sorted()
        #expect(lengths == ["150", "30", "320+", "89+", "90", "91", "91"])
        // 30: 6/7; 89 censored; 90: ×4/5; 91: ×2/4 = 12/35; 150: ×1/2 = 6/35; 320 censored.
        #expect(j.firstPeriodMedian?.estimate == 91)
        let still = j.stillInFirstPeriod
        #expect(abs((still[0].estimate?.survival ?? -1) - 12.0 / 35.0) < 1e-12)
        #expect(abs((still[1].estimate?.survival ?? -1) - 6.0 / 35.0) < 1e-12)
        #expect(still[2].estimate == nil)  // beyond the longest observed (320 days)
    }

    @Test("gap_days decides what is bridged: 28 splits B's jobs and A's, 31 joins F's")
    func gapDays() throws {
        let narrow = try Self.jobs(gapDays: 28)
        #expect(narrow.firstPeriodLengths.map(\.days).sorted() == [30, 30, 59, 89, 90, 91, 320])  // A: 1 Feb–31 Mar, B: 1–31 Mar
        let wide = try Self.jobs(gapDays: 31)
        #expect(Self.counts(wide.continuous[3]) == [5, 6, 1])  // F's two jobs now one period
    }

    @Test("the trend's figure alone (InWorkAt) equals the full count at every date and checkpoint, for every cohort by then")
    func inWorkAtAlone() throws {
        for snapshot in [try Self.programme(), try DisclosureAttackTests.programme("demo").snapshot] {
            let configuration = ProjectConfiguration()
            let alone = JobsThatLast.InWorkAt(snapshot: snapshot, configuration: configuration)
            let dates = stride(from: 0, through: 1_500, by: 91).compactMap { CalendarDate(year: 2014, month: 1, day: 1)?.adding(days: $0) }
            for to in dates {
                let members = snapshot.participants.indices.filter { snapshot.participants[$0].enrolledOn <= to }
                let full = JobsThatLast(snapshot: snapshot, members: members, to: to, configuration: configuration)
                for months in [3, 6, 12] {
                    #expect(alone.rate(months: months, members: members, to: to) == full.inWorkAt[months], "\(months) months at \(to)")
                }
            }
        }
    }

    @Test("check flags H's overlapping jobs of two types, and a job ending before it starts reads as one day")
    func checks() throws {
        let snapshot = try Self.programme()
        let today = try #require(CalendarDate(iso8601: "2026-12-07"))
        let check = ConsistencyCheck(snapshot: snapshot, configuration: ProjectConfiguration(), today: today)
        let overlapping = zip(check.kinds, check.subjects).filter { $0.0 == .overlappingJobs }.map(\.1.participant)
        #expect(overlapping == ["H"])
        #expect(!check.kinds.contains(.jobEndsBeforeStart))
        let start = try #require(CalendarDate(iso8601: "2016-05-10"))
        let spell = JobSpell(start: start, end: CalendarDate(iso8601: "2016-05-01"), type: .fixedTerm)
        #expect(spell.end == start)
        #expect(WorkPeriod.merge([spell], gapDays: 30) == [WorkPeriod(start: start, end: start)])
    }
}
