import Evaluation
import Foundation
import Testing

@testable import Indicators

@Suite("Indicator edge cases")
struct IndicatorEdgeCaseTests {
    func evaluation(_ f: ImportFixture, _ period: String = "2016") throws -> ProgrammeEvaluation {
        guard let p = Period(parsing: period) else { throw Fixture.Missing(path: period) }
        return ProgrammeEvaluation(snapshot: try f.store.snapshot(), period: p, configuration: f.configuration)
    }

    @Test("a participants file's own age column wins over the age derived from birth_year")
    func ownAgeColumn() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .participants,
            f.write(
                "with-age.csv", "participant_id,group_id,enrolled_on,age\nP1,G1,2016-01-10,51\nP2,G1,2016-01-10,\nP3,G2,2016-01-12,33\n"))
        let snapshot = try f.store.snapshot()
        let attributes = ParticipantAttributes(snapshot: snapshot, to: try #require(CalendarDate(year: 2016, month: 12, day: 31)))
        let byCode = Dictionary(uniqueKeysWithValues: snapshot.participants.indices.map { (snapshot.participants[$0].code, $0) })
        // P1 was born in 1970 (46 at enrolment): the file's 51 is what counts; a blank is missing, not derived.
        #expect(attributes.level("age", of: try #require(byCode["P1"])) == "51")
        #expect(attributes.level("age", of: try #require(byCode["P2"])) == Levels.missing)
        #expect(attributes.level("age", of: try #require(byCode["P3"])) == "33")
    }

    @Test("cost without a budget: the cohort's service amounts up to the period end, whatever its start")
    func costOfTheCohort() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .services,
            f.write(
                "s.csv",
                """
                participant_id,service,date,hours,amount
                P1,counselling,2016-02-01,1,100
                P2,counselling,2016-05-02,1,40
                P3,counselling,2016-07-01,1,1000
                """))
        // The second quarter spent 40, but its cohort (enrolled by 30 June) cost 140 up to then;
        // the July amount is after the period.
        let quarter = try #require(try evaluation(f, "2016Q2").cost)
        #expect(quarter.total == 140 && !quarter.declared && quarter.enrolled == 3)
        expectClose(quarter.perEnrolled, 140.0 / 3, rtol: 1e-15)
        #expect(try evaluation(f, "2016Q1").cost?.total == 100)
        var budgeted = f.configuration
        budgeted.budget = 9000
        let quarter2 = try #require(Period(parsing: "2016Q2"))
        let declared = try #require(ProgrammeEvaluation(snapshot: try f.store.snapshot(), period: quarter2, configuration: budgeted).cost)
        #expect(declared.total == 9000 && declared.declared)
    }

    @Test("a group with no meetings yet: its members are not started and its group is not active")
    func groupWithoutMeetings() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(.groups, f.write("g.csv", "group_id\nG3\n"))
        _ = try f.importFile(.participants, f.write("p.csv", "participant_id,group_id,enrolled_on\nP4,G3,2016-05-01\n"))
        let e = try evaluation(f)
        #expect(e.retention.notStarted == 1)
        #expect(e.reach.groups == 2)
        let check = ConsistencyCheck(snapshot: try f.store.snapshot(), configuration: f.configuration, today: .today)
        #expect(check.problems.contains { $0.reason.contains("group G3 has no meetings") })
    }

    @Test("a participant with no questionnaire and an instrument with all items missing add no pair")
    func questionnaires() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .questionnaires,
            f.write(
                "q.csv",
                """
                participant_id,instrument,wave,item_1,item_2,item_3,item_4,item_5,item_6,item_7
                P1,SWEMWBS,baseline,1,2,3,4,5,4,3
                P1,SWEMWBS,end,2,3,3,4,5,4,3
                P2,SWEMWBS,baseline,,,,,,,
                P2,SWEMWBS,end,2,3,3,4,5,4,3
                """))
        let e = try evaluation(f)
        let change = e.wellbeing.changes.first { $0.instrument.id == "SWEMWBS" && $0.wave == .end }
        #expect(change?.pairedT.n == 1)
        // SWEMWBS raw 22 → 19.98, raw 24 → 21.54 (metric conversion)
        expectClose(change?.pairedT.meanChange, 21.54 - 19.98, rtol: 1e-12)
        #expect(change?.pairedT.inference == nil)
        #expect(change?.cohenDz.estimate == nil)
    }

    @Test("nobody employed, then everybody employed")
    func nobodyAndEverybody() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        var e = try evaluation(f)
        #expect(e.reemployment.rate.numerator == 0 && e.reemployment.rate.denominator == 3)
        #expect(e.timeToJob.median?.estimate == nil)
        expectClose(e.reemployment.rate.interval?.lower, 0, atol: 1e-15)
        _ = try f.importFile(
            .outcomes,
            f.write(
                "o.csv",
                """
                participant_id,event_date,outcome
                P1,2016-04-01,TD
                P2,2016-05-01,TI
                P3,2016-06-01,tirocinio
                """))
        e = try evaluation(f)
        #expect(e.reemployment.rate.numerator == 3)
        expectClose(e.reemployment.rate.interval?.upper, 1, atol: 1e-15)
        #expect(e.reemployment.byType.map(\.count) == [1, 1, 1, 0])
        #expect(e.timeToJob.median?.estimate != nil)
    }

    @Test("a period with no activity reports zeros, not errors")
    func emptyPeriod() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let e = try evaluation(f, "2019Q1")
        #expect(e.reach.groups == 0 && e.reach.meetingsHeld == 0 && e.reach.enrolled == 0 && e.reach.attendedOnce == 0)
        #expect(e.retention.rate.denominator == 3)
        let json = SummaryJSON(ReleasedEvaluation(e, policy: Disclosure(threshold: 5, roundingBase: 0))).document.serialised()
        #expect(json.contains("\"groups\": 0"))
    }

    @Test("a window caps observation and counts the lost to follow-up")
    func windowAndFollowUp() throws {
        var f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .participants,
            f.write(
                "p.csv",
                """
                participant_id,group_id,enrolled_on,left_on,sex,birth_year,children,followed_up_until
                P1,G1,2016-01-10,,donna,1970,2,
                P2,G1,2016-01-10,2016-03-01,M,1980,0,2016-04-01
                P3,G2,2016-01-12,,uomo,1965,,
                """))
        _ = try f.importFile(.outcomes, f.write("o.csv", "participant_id,event_date,outcome\nP1,2016-12-01,TD\nP2,2016-05-01,TD\n"))
        f.configuration.windowDays = 180
        let e = try evaluation(f)
        // P1's job is after enrolment + 180 days; P2's after their last follow-up.
        #expect(e.reemployment.rate.numerator == 0)
        #expect(e.reemployment.lostToFollowUp == 1)
        expectClose(e.reemployment.rateUpperBound, 1.0 / 3, rtol: 1e-15)
    }
}

@Suite("Report guardrails")
struct ReportGuardrailTests {
    @Test("a report of a database with no participants is an error and writes no folder")
    func emptyDatabase() throws {
        let f = try ImportFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-empty-\(UUID().uuidString)")
        let report = FunderReport(period: try #require(Period(parsing: "2016")), configuration: ProjectConfiguration())
        #expect(throws: FunderReportError.noParticipants) {
            try report.write(from: try f.store.snapshot(), to: try OutputFolder(folder.path, command: "report"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
