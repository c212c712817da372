import Evaluation
import Foundation
import Testing

@testable import Report

/// The data cut-off (METHODS §9): the latest meeting, questionnaire, service or job
/// date, never a job's end date or an enrolment, on page 1 and in `summary.json`.
@Suite("Report unit: data cut-off")
struct DataCutoffUnitTests {
    static func summary(_ period: String, _ snapshot: ProgrammeSnapshot) throws -> (json: [String: Any], markdown: String) {
        let report = FunderReport(period: try #require(Period(parsing: period)), configuration: ProjectConfiguration(), suppress: false)
        let files = try report.files(from: snapshot)
        let data = try #require(files.first { $0.0 == "summary.json" }?.1)
        let markdown = String(decoding: try #require(files.first { $0.0 == "report.md" }?.1), as: UTF8.self)
        return (try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]), markdown)
    }

    @Test("the latest of the meetings, services and job events; on page 1 with the period's end when earlier")
    func cutoff() throws {
        // The four-person programme: meetings to 9 Feb, a service and a job on 1 Mar 2016.
        let snapshot = try IndicatorUnitTests.programme().store.snapshot()
        #expect(snapshot.cutoff == CalendarDate(iso8601: "2016-03-01"))
        let year = try Self.summary("2016", snapshot)
        #expect(year.json["cutoff"] as? String == "2016-03-01")
        #expect(year.markdown.contains("Records up to 1 March 2016, before the period's end (31 December 2016)"))
        let earlier = try Self.summary("2015", snapshot)
        #expect(earlier.markdown.contains("Records up to 1 March 2016: the latest meeting"))
    }

    @Test("an ongoing job's end date in the future does not move the cut-off")
    func endDatesDoNotCount() throws {
        let f = try IndicatorUnitTests.programme()
        _ = try f.importFile(
            .outcomes, f.write("late.csv", "participant_id,event_date,outcome,end_date\nP2,2016-02-20,permanent,2030-12-31\n"))
        #expect(try f.store.snapshot().cutoff == CalendarDate(iso8601: "2016-03-01"))
    }
}
