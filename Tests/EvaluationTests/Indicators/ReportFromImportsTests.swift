import Evaluation
import Foundation
import Testing

@testable import Indicators

@Suite("Indicators and report on a small programme")
struct ReportFromImportsTests {
    /// G1 meets 1, 2, (3 cancelled), 4; G2 meets 1–4. P1 attends all of G1's (3/3), P2 one (1/3),
    /// P3 three of four (3/4 = 75%, not above 75%).
    func fixture() throws -> ImportFixture {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .attendance,
            f.write(
                "attendance.csv",
                """
                group_id,participant_id,session_no,present
                G1,P1,1,1
                G1,P1,2,1
                G1,P1,4,1
                G1,P2,1,1
                G2,P3,1,1
                G2,P3,2,1
                G2,P3,3,1
                G2,P3,4,0
                """))
        _ = try f.importFile(
            .outcomes,
            f.write(
                "outcomes.csv",
                """
                participant_id,event_date,outcome
                P1,2016-05-01,tirocinio
                P1,2016-09-01,TI
                P3,2015-12-01,TD
                P2,2016-04-01,formazione
                """))
        return f
    }

    @Test("attendance, retention (strict and inclusive) and re-employment by best type follow the definitions")
    func indicators() throws {
        let f = try fixture()
        let snapshot = try f.store.snapshot()
        let period = try #require(Period(parsing: "2016"))
        var e = ProgrammeEvaluation(snapshot: snapshot, period: period, configuration: f.configuration)
        #expect(e.attendance.map(\.held) == [3, 3, 4])
        #expect(e.attendance.map(\.attended) == [3, 1, 3])
        #expect(e.retention.rate.numerator == 1 && e.retention.rate.denominator == 3)
        #expect(e.reach.groups == 2 && e.reach.meetingsHeld == 7 && e.reach.enrolled == 3 && e.reach.attendedOnce == 3)
        // P1 employed (best: permanent); P3's event precedes enrolment; P2's training does not count.
        #expect(e.reemployment.rate.numerator == 1)
        #expect(e.reemployment.byType.first { $0.type == .permanent }?.count == 1)
        #expect(
            e.reemployment.people.first?.days
                == CalendarDate(year: 2016, month: 1, day: 10)?.days(to: CalendarDate(year: 2016, month: 5, day: 1) ?? .today))

        var inclusive = f.configuration
        inclusive.retentionInclusive = true
        e = ProgrammeEvaluation(snapshot: snapshot, period: period, configuration: inclusive)
        #expect(e.retention.rate.numerator == 2)
    }

    @Test("a period before any meeting leaves everyone not started")
    func notStarted() throws {
        let f = try fixture()
        let early = Period(
            label: "early", from: try #require(CalendarDate(year: 2016, month: 1, day: 1)),
            to: try #require(CalendarDate(year: 2016, month: 1, day: 14)))
        let e = ProgrammeEvaluation(snapshot: try f.store.snapshot(), period: early, configuration: f.configuration)
        #expect(e.retention.notStarted == 3 && e.retention.rate.denominator == 0)
        #expect(e.retention.rate.value == nil)
    }

    // Byte-identical runs are checked across processes (each with its own hash
    // seed) and OpenBLAS kernels by CPUIndependenceTests.
    @Test("the report never names a participant")
    func privacy() throws {
        let f = try fixture()
        let period = try #require(Period(parsing: "2016"))
        let report = FunderReport(period: period, configuration: f.configuration, suppress: false)
        let first = try report.files(from: f.store.snapshot())
        #expect(first.contains { $0.0 == "report.xlsx" })
        for (name, data) in first {
            let text = try OutputText.of(name, data)
            for code in ["P1", "P2", "P3"] {
                #expect(!text.contains(code), "\(name) contains \(code)")
            }
        }
        let markdown = String(decoding: first.first { $0.0 == "report.md" }?.1 ?? Data(), as: UTF8.self)
        #expect(markdown.contains("NOT FOR DISTRIBUTION"))
    }

    @Test("a programme of three people: every count, rate and interval of summary.json is withheld")
    func suppression() throws {
        let d = Disclosure(threshold: 5, roundingBase: 0)
        let f = try fixture()
        let period = try #require(Period(parsing: "2016"))
        let e = ProgrammeEvaluation(snapshot: try f.store.snapshot(), period: period, configuration: f.configuration)
        #expect(e.retention.rate.denominator == 3 && e.reemployment.rate.denominator == 3)
        let json = SummaryJSON(ReleasedEvaluation(e, policy: d)).document
        for block in ["retention", "reemployment"] {
            for key in ["n", "rate", "ci_low", "ci_high"] {
                #expect(json[path: [block, key]]?.isNull == true, "\(block).\(key)")
            }
        }
        #expect(json[path: ["retention", "retained"]]?.isNull == true)
        #expect(json[path: ["reemployment", "employed"]]?.isNull == true)
        #expect(json[path: ["reemployment", "by_type"]]?.serialised().contains(":") == true)
        #expect(json[path: ["reemployment", "by_type", "traineeship"]]?.isNull == true)
        // The same report without suppression shows them.
        let open = SummaryJSON(ReleasedEvaluation(e, policy: Disclosure(threshold: 0, roundingBase: 0))).document
        #expect(open[path: ["retention", "n"]] == .int(3))
    }

    @Test("cross-file checks find marks outside the participant's group, before enrolment and outcomes in the future")
    func consistency() throws {
        let f = try fixture()
        _ = try f.importFile(.attendance, f.write("extra.csv", "group_id,participant_id,session_no,present\nG2,P1,1,1\n"))
        _ = try f.importFile(.outcomes, f.write("late.csv", "participant_id,event_date,outcome\nP2,2030-01-01,TD\n"))
        let check = ConsistencyCheck(
            snapshot: try f.store.snapshot(), configuration: f.configuration,
            today: CalendarDate(year: 2026, month: 11, day: 23) ?? .today)
        #expect(check.errorCount == 2)
        #expect(check.problems.contains { $0.reason.contains("belongs to group G1") })
        #expect(check.problems.contains { $0.reason.contains("in the future") })
    }
}
