import Evaluation
import Foundation
import GRDB
import Testing

@testable import Indicators
@testable import Store

/// Direct tests of the indicators the report tests only reached through whole
/// reports: group end, the retention curve, service uptake, time to first job,
/// subgroups and the participants' make-up, on a programme small enough to work
/// out by hand (the expected values below are that hand computation).
///
/// G1 plans 3 meetings (10 Jan, 24 Jan, 7 Feb 2016); G2 plans none and meets on
/// 12 Jan and 9 Feb, with 26 Jan cancelled. P1 (F) attends all of G1; P2 (M) only
/// G1's first; P3 (F) G2's first and last; P4 (sex blank) none of G2's.
@Suite("Indicators, one by one")
struct IndicatorUnitTests {
    static func programme() throws -> ImportFixture {
        let f = try ImportFixture()
        for (kind, name, text) in [
            (FileKind.groups, "g.csv", "group_id,composition,site,planned_sessions\nG1,homogeneous,Forlì,3\nG2,heterogeneous,Lugo,\n"),
            (
                .participants, "p.csv",
                """
                participant_id,group_id,enrolled_on,sex,followed_up_until
                P1,G1,2016-01-05,F,
                P2,G1,2016-01-05,M,2016-02-15
                P3,G2,2016-01-05,F,
                P4,G2,2016-01-05,,

                """
            ),
            (
                .sessions, "s.csv",
                "group_id,session_no,date,held\nG1,1,2016-01-10,1\nG1,2,2016-01-24,1\nG1,3,2016-02-07,1\nG2,1,2016-01-12,1\nG2,2,2016-01-26,0\nG2,3,2016-02-09,1\n"
            ),
            (
                .attendance, "a.csv",
                """
                group_id,participant_id,session_no,present
                G1,P1,1,1
                G1,P1,2,1
                G1,P1,3,1
                G1,P2,1,1
                G1,P2,2,0
                G1,P2,3,0
                G2,P3,1,1
                G2,P3,3,1
                G2,P4,1,0
                G2,P4,3,0

                """
            ),
            (
                .services, "sv.csv",
                """
                participant_id,service,date,hours,amount
                P1,counselling,2016-01-15,1.5,
                P1,counselling,2016-02-01,,
                P2,support_pact,2016-01-20,,500
                P3,counselling,2016-03-01,2,
                P4,workshop,2015-12-01,3,

                """
            ),
            (.outcomes, "o.csv", "participant_id,event_date,outcome\nP1,2016-03-01,fixed_term\nP3,2016-01-20,traineeship\n"),
        ] {
            _ = try f.importFile(kind, f.write(name, text))
        }
        return f
    }

    static func evaluation(_ period: String = "2016Q1") throws -> (ProgrammeSnapshot, ProgrammeEvaluation) {
        let snapshot = try programme().store.snapshot()
        let p = try #require(Period(parsing: period))
        return (snapshot, ProgrammeEvaluation(snapshot: snapshot, period: p, configuration: ProjectConfiguration()))
    }

    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso8601: text)) }

    @Test("group end: all planned meetings held, or (without a plan) none dated after the last held")
    func groupEnd() throws {
        let (snapshot, _) = try Self.evaluation()
        let g1 = try #require(snapshot.groups.firstIndex { $0.code == "G1" })
        let g2 = try #require(snapshot.groups.firstIndex { $0.code == "G2" })
        let march = GroupEnd.ends(snapshot: snapshot, to: try Self.date("2016-03-31"))
        #expect(march[g1] == (try Self.date("2016-02-07")))
        #expect(march[g2] == (try Self.date("2016-02-09")))
        // At the end of January G1 has held 2 of 3, and G2 has a meeting dated after its last held one.
        let january = GroupEnd.ends(snapshot: snapshot, to: try Self.date("2016-01-31"))
        #expect(january[g1] == nil && january[g2] == nil)
    }

    @Test("group end: a planned meeting recorded as cancelled counts as done; the end is the last meeting held")
    func groupEndWithCancelledMeeting() throws {
        let f = try Self.programme()
        _ = try f.importFile(.attendance, f.write("a3.csv", "group_id,participant_id,session_no,present\nG1,P1,3,0\n"))
        _ = try f.importFile(.sessions, f.write("s3.csv", "group_id,session_no,date,held\nG1,3,2016-02-07,0\n"))
        let snapshot = try f.store.snapshot()
        let g1 = try #require(snapshot.groups.firstIndex { $0.code == "G1" })
        // G1 planned 3: two held, the third cancelled on 7 Feb. Ended, at its last meeting held (24 Jan).
        #expect(GroupEnd.ends(snapshot: snapshot, to: try Self.date("2016-03-31"))[g1] == (try Self.date("2016-01-24")))
        #expect(GroupEnd.ends(snapshot: snapshot, to: try Self.date("2016-01-31"))[g1] == nil)
    }

    @Test("retention curve: one past the last meeting attended, censored when that is the group's last held")
    func retentionCurve() throws {
        let (_, e) = try Self.evaluation()
        let fit = try #require(e.retentionCurve.fit)
        // P4 never attends: an event at G2's first meeting (1); P2 stops after 1: an event at 2;
        // P1 and P3 attend their group's last meeting held (3): censored there.
        #expect(fit.time == [1, 2, 3])
        #expect(fit.events == [1, 1, 0] && fit.censored == [0, 0, 2])
        #expect(fit.survival == [0.75, 0.5, 0.5])
    }

    @Test("service uptake: rows dated in the period, people enrolled by its end; hours only where given")
    func serviceUptake() throws {
        let (_, e) = try Self.evaluation()
        #expect(
            e.services == [
                ServiceUptake(service: "counselling", participants: 2, sessions: 3, hours: 3.5),
                ServiceUptake(service: "support_pact", participants: 1, sessions: 1, hours: nil),
            ])
    }

    @Test("time to first job: days from enrolment, censored at the observation end (follow-up or period end)")
    func timeToJob() throws {
        let (_, e) = try Self.evaluation()
        let fit = try #require(e.timeToJob.fit)
        // P3 15 days (job), P2 41 (followed up to 15 Feb), P1 56 (job), P4 86 (period end).
        #expect(fit.time == [15, 41, 56, 86])
        #expect(fit.events == [1, 0, 1, 0])
        #expect(abs(fit.survival[2] - 0.375) < 1e-15)  // 3/4 × 1/2
        #expect(e.timeToJob.median?.estimate == 56)
        // 3 months (91.3 days) lie beyond the last time observed: no share (R drops the row).
        #expect(e.timeToJob.employedBy.first?.share == nil)
        // P1's job (1 Mar) comes after G1's end (7 Feb): 23 days = 0.756 months; P3's is before G2 ends.
        #expect(e.monthsGroupEndToJob.months.count == 1)
        #expect(abs((e.monthsGroupEndToJob.months.first ?? 0) - 23 / 30.4375) < 1e-12)
    }

    @Test("subgroups: a level per value, blank values as (missing), a group attribute's levels with their groups")
    func subgroups() throws {
        let (snapshot, _) = try Self.evaluation()
        let period = try #require(Period(parsing: "2016Q1"))
        let bySite = try Subgroups(snapshot: snapshot, period: period, configuration: ProjectConfiguration(), attribute: "sede")
        #expect(bySite.attribute == "site" && bySite.isGroupAttribute)
        #expect(bySite.levels.map(\.level) == ["Forlì", "Lugo"])
        #expect(bySite.groupCodes == [["G1"], ["G2"]])
        #expect(bySite.levels.map { $0.evaluation.cohort.count } == [2, 2])
        let bySex = try Subgroups(snapshot: snapshot, period: period, configuration: ProjectConfiguration(), attribute: "sex")
        #expect(bySex.levels.map(\.level) == ["F", "M", Levels.missing])
        #expect(bySex.levels.map { $0.evaluation.reemployment.rate.numerator } == [2, 0, 0])
        #expect(bySex.groupCodes == [[], [], []])
    }

    @Test("make-up: every level known in the programme is listed, with 0 where no member has it")
    func makeUp() throws {
        let (snapshot, e) = try Self.evaluation()
        let sex = e.makeUp.filter { $0.attribute == "sex" }
        #expect(sex.map(\.level) == ["F", "M", Levels.missing] && sex.map(\.n) == [2, 1, 1])
        #expect(sex.allSatisfy { $0.denominator == 4 })
        let onlyP1 = AttributeMakeUp.compute(
            attributes: e.attributes, names: ["sex"], members: [0], universe: snapshot.participants.indices)
        #expect(onlyP1.map(\.level) == ["F", "M", Levels.missing] && onlyP1.map(\.n) == [1, 0, 0])
        #expect(onlyP1.first?.share == 1)
    }
}

@Suite("Snapshot of a database changed by another program")
struct UnreadableRowTests {
    @Test("a row the importer would not write stops the snapshot with its table and row, instead of being left out")
    func unreadableRows() throws {
        for (sql, words) in [
            ("UPDATE participants SET enrolled_on = '31/02/2016' WHERE code = 'P2'", "table participants, participant"),
            ("UPDATE outcomes SET outcome = 'lottery'", "'lottery' is not an outcome type"),
            ("UPDATE sessions SET date = 'soon' WHERE session_no = 2", "'soon' is not a date"),
        ] {
            let f = try IndicatorUnitTests.programme()
            _ = try f.store.snapshot()
            try f.store.write { db in try db.execute(sql: sql) }
            let error = try #require(throws: StoreError.self) { try f.store.snapshot() }
            #expect(error.description.contains(words), "\(error)")
            #expect(error.description.contains("changed by another program"))
        }
    }
}
