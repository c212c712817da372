import Evaluation
import Foundation
import Testing

/// The snapshot reads the large tables in their keys' order and puts the rows
/// in participant-code order itself (a counting sort, marks placed straight
/// into their participant's range): whatever order the ids were given in, every
/// array must come out as a sort of all its rows by the documented keys.
@Suite("Snapshot order and values, whatever the order of the ids")
struct SnapshotOrderTests {
    @Test("participants imported in reverse code order: marks, questionnaires, services and outcomes in code order")
    func order() throws {
        let f = try ImportFixture()
        _ = try f.importFile(
            .groups,
            f.write("groups.csv", "group_id,composition\nGB,homogeneous\nGA,heterogeneous\n"))
        _ = try f.importFile(
            .participants,
            f.write(
                "participants.csv",
                """
                participant_id,group_id,enrolled_on,extra
                P3,GB,2016-01-10,c
                P2,GA,2016-01-10,
                P1,GB,2016-01-12,a
                """))
        _ = try f.importFile(
            .sessions,
            f.write("sessions.csv", "group_id,session_no,date\nGB,2,2016-02-01\nGB,1,2016-01-20\nGA,1,2016-01-21\nGA,2,2016-02-02\n"))
        _ = try f.importFile(
            .attendance,
            f.write(
                "attendance.csv",
                "group_id,participant_id,session_no,present\nGB,P3,2,1\nGB,P3,1,0\nGA,P2,2,1\nGB,P1,2,0\nGA,P2,1,1\nGB,P1,1,1\n"))
        _ = try f.importFile(
            .questionnaires,
            f.write(
                "questionnaires.csv",
                "participant_id,instrument,wave,completed_on,score\nP3,RSES,end,2016-03-01,20\nP1,RSES,baseline,,\nP3,RSES,baseline,2016-01-10,18\nP2,SWEMWBS,baseline,2016-01-11,21.5\n"
            ))
        _ = try f.importFile(
            .services,
            f.write(
                "services.csv",
                "participant_id,service,date,hours\nP3,workshop,2016-01-05,2\nP3,counselling,2016-02-05,1\nP3,counselling,2016-01-05,\nP1,workshop,2016-01-30,3\n"
            ))
        _ = try f.importFile(
            .outcomes,
            f.write(
                "outcomes.csv",
                "participant_id,event_date,outcome\nP3,2016-06-01,permanent\nP3,2016-04-01,fixed_term\nP1,2016-05-01,traineeship\n"))
        let s = try f.store.snapshot()

        #expect(s.participants.map(\.code) == ["P1", "P2", "P3"])
        #expect(s.groups.map(\.code) == ["GA", "GB"])
        #expect(s.participantAttributes["extra"] == ["a", nil, "c"])
        #expect(
            s.marks.map { "\(s.participants[$0.participant].code) \(s.groups[$0.group].code) \($0.session) \($0.present)" } == [
                "P1 GB 1 true", "P1 GB 2 false", "P2 GA 1 true", "P2 GA 2 true", "P3 GB 1 false", "P3 GB 2 true",
            ])
        #expect(
            s.questionnaires.map { "\(s.participants[$0.participant].code) \($0.instrument) \($0.wave.rawValue)" } == [
                "P1 RSES baseline", "P2 SWEMWBS baseline", "P3 RSES baseline", "P3 RSES end",
            ])
        #expect(s.questionnaires.map(\.score) == [nil, 21.5, 18, 20])
        #expect(s.questionnaires.map { $0.completedOn?.iso8601 } == [nil, "2016-01-11", "2016-01-10", "2016-03-01"])
        #expect(s.questionnaires.allSatisfy { $0.items.isEmpty })
        #expect(
            s.services.map { "\(s.participants[$0.participant].code) \($0.date.iso8601) \($0.service)" } == [
                "P1 2016-01-30 workshop", "P3 2016-01-05 counselling", "P3 2016-01-05 workshop", "P3 2016-02-05 counselling",
            ])
        #expect(s.services.map(\.hours) == [3, nil, 2, 1])
        #expect(
            s.outcomes.map { "\(s.participants[$0.participant].code) \($0.eventDate.iso8601)" } == [
                "P1 2016-05-01", "P3 2016-04-01", "P3 2016-06-01",
            ])
    }

    @Test("item answers: a blank item stays blank, numbers as imported, each questionnaire its own range")
    func items() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        _ = try f.importFile(
            .questionnaires,
            f.write(
                "questionnaires.csv",
                """
                participant_id,instrument,wave,completed_on,item_1,item_2,item_3,item_4,item_5,item_6,item_7
                P2,SWEMWBS,baseline,2016-01-10,1,2,3,4,5,4,3
                P1,SWEMWBS,baseline,2016-01-10,5,,4,3,2,1,1
                """))
        let s = try f.store.snapshot()
        #expect(s.questionnaires.map { Array($0.items) } == [[5, nil, 4, 3, 2, 1, 1], [1, 2, 3, 4, 5, 4, 3]])
    }
}
