import Evaluation
import Foundation
import Testing

@testable import Ingest
@testable import Store

@Suite("Import")
struct ImportTests {
    @Test("a file with five different errors reports all five with line and column and changes nothing")
    func fiveErrors() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let before = try f.store.dump()
        let path = try f.write(
            "attendance.csv",
            """
            group_id,participant_id,session_no,present
            G1,P1,1,1
            G1,P1,2,forse
            G1,P9,1,1
            G1,P2,-1,1
            G2,P3,7,1
            G1,P2,1,1,1
            """)
        do {
            _ = try f.importFile(.attendance, path)
            Issue.record("the import should have been rejected")
        } catch let error as ImportError {
            let places = error.problems.errors.map { "\($0.line):\($0.column ?? 0)" }.sorted()
            #expect(places == ["3:4", "4:2", "5:3", "6:3", "7:5"], "\(error.problems.errors.map(\.description))")
            #expect(error.problems.errorCount == 5)
            #expect(error.description.contains("attendance.csv:3:4: error: 'forse' is not a presence mark"))
        }
        #expect(try f.store.dump() == before)
    }

    @Test("re-importing the same file changes nothing; a corrected export updates by natural key")
    func reimportAndCorrection() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let original = """
            group_id,participant_id,session_no,present
            G1,P1,1,1
            G1,P1,2,0
            G1,P2,1,1
            """
        let first = try f.importFile(.attendance, f.write("attendance.csv", original))
        #expect((first.inserted, first.updated, first.unchanged) == (3, 0, 0))
        let dump = try f.store.dump()
        let again = try f.importFile(.attendance, f.write("attendance.csv", original))
        #expect(again.isNoOp && again.unchanged == 3)
        #expect(try f.store.dump() == dump)

        let corrected = try f.importFile(
            .attendance,
            f.write(
                "attendance.csv",
                """
                group_id,participant_id,session_no,present
                G1,P1,1,1
                G1,P1,2,1
                G1,P2,1,1
                G1,P2,2,0
                """))
        #expect((corrected.inserted, corrected.updated, corrected.unchanged) == (1, 1, 2))
        let snapshot = try f.store.snapshot()
        #expect(snapshot.marks.filter(\.present).count == 3)
    }

    @Test("a corrected participants export updates attributes too")
    func attributeCorrection() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let summary = try f.importFile(
            .participants,
            f.write(
                "participants.csv",
                """
                participant_id,group_id,enrolled_on,left_on,sex,birth_year,children
                P1,G1,2016-01-10,,donna,1970,3
                P2,G1,2016-01-10,2016-03-01,M,1980,0
                P3,G2,2016-01-12,,uomo,1965,
                """))
        #expect((summary.inserted, summary.updated, summary.unchanged) == (0, 1, 2))
        let snapshot = try f.store.snapshot()
        #expect(snapshot.participantAttributes["children"]?[0] == "3")
        #expect(snapshot.participants[0].sex == "F")
        #expect(snapshot.participants[2].sex == "M")
        #expect(snapshot.groups[0].attributes["company"] == "Acme")
        #expect(snapshot.groups[1].attributes["company"] == nil)
        #expect(snapshot.groups[1].composition == .heterogeneous)
    }

    @Test("rows repeated exactly are read once with a warning; conflicting repeats reject the file")
    func duplicates() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let repeated = try f.importFile(.attendance, f.write("a.csv", "group_id,participant_id,session_no,present\nG1,P1,1,1\nG1,P1,1,1\n"))
        #expect(repeated.inserted == 1)
        #expect(repeated.warnings.count == 1)
        #expect(throws: ImportError.self) {
            try f.importFile(.attendance, f.write("b.csv", "group_id,participant_id,session_no,present\nG1,P1,2,1\nG1,P1,2,0\n"))
        }
    }

    @Test("files keyed by participant and text (questionnaires, services, job events): exact repeats warn, conflicts reject, line named")
    func textKeyedDuplicates() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let services = try f.importFile(
            .services,
            f.write(
                "s.csv",
                """
                participant_id,service,date,hours
                P1,guidance,2016-02-01,1
                P1,guidance,2016-02-02,1
                P2,guidance,2016-02-01,1
                P1,guidance,2016-02-01,1
                P1,training,2016-02-01,2
                """))
        #expect(services.inserted == 4)
        #expect(services.warnings.count == 1)
        do {
            _ = try f.importFile(
                .outcomes,
                f.write(
                    "o.csv",
                    """
                    participant_id,event_date,outcome,source
                    P1,2016-04-01,fixed_term,employer
                    P2,2016-04-01,fixed_term,employer
                    P1,2016-04-01,permanent,employer
                    P1,2016-04-01,fixed_term,job_centre
                    """))
            Issue.record("a job event given twice with different values should be rejected")
        } catch let error as ImportError {
            #expect(error.problems.errors.map(\.line) == [5])
            #expect(error.problems.errors.first?.reason.contains("first on line 2") == true)
        }
        do {
            _ = try f.importFile(
                .questionnaires,
                f.write(
                    "q.csv",
                    """
                    participant_id,instrument,wave,q1,q2,q3,q4,q5,q6,q7
                    P1,SWEMWBS,T0,1,2,3,4,5,4,3
                    P1,SWEMWBS,T1,1,2,3,4,5,4,3
                    P2,SWEMWBS,T0,1,2,3,4,5,4,3
                    P1,SWEMWBS,T0,1,2,3,4,5,4,4
                    """))
            Issue.record("a questionnaire given twice with different answers should be rejected")
        } catch let error as ImportError {
            #expect(error.problems.errors.map(\.line) == [5])
        }
    }

    @Test("a wide register is read by date and by meeting number; blanks on days a group did not meet mean nothing")
    func wideRegister() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let byDate = try f.importFile(
            .attendance,
            f.write(
                "registro.csv",
                """
                codice_partecipante;gruppo;15/01/2016;16/01/2016;29/01/2016
                P1;G1;x;;x
                P3;G2;;P;
                """))
        // P1: meetings 1 and 2 present; P3: meeting 1 present; blanks on G2's day for P1 and G1's days for P3 are nothing.
        #expect(byDate.inserted == 3)
        let byNumber = try f.importFile(.attendance, f.write("presenze.csv", "participant_id,group_id,1,2,4\nP2,G1,1,0,\n"))
        #expect(byNumber.inserted == 3)
        let marks = try f.store.snapshot().marks
        #expect(marks.filter(\.present).count == 4)
    }

    @Test("a mark on a day the group did not meet is an error naming the group and the date")
    func wideRegisterUnknownDate() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        #expect {
            try f.importFile(.attendance, f.write("registro.csv", "participant_id,group_id,2016-01-16\nP1,G1,x\n"))
        } throws: { error in
            (error as? ImportError)?.problems.errors.first?.reason == "group 'G1' has no meeting dated 2016-01-16"
        }
    }

    @Test("an Italian Excel export (';', Windows-1252, dd/mm/yyyy, decimal comma, Italian names) imports")
    func italianExcel() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let text =
            "codice_partecipante;servizio;data;ore;erogatore;importo\r\nP1;patto di servizio;03/02/2016;1,5;Comune di Forlì;1.200,50\r\nP2;colloquio;04/02/2016;2;sportello;\r\n"
        guard let bytes = Windows1252.encode(text) else {
            Issue.record("not encodable")
            return
        }
        let summary = try f.importFile(.services, f.write("servizi.csv", bytes: bytes))
        #expect(summary.inserted == 2)
        #expect(summary.dialect.contains("Windows-1252"))
        let services = try f.store.snapshot().services
        #expect(services.first?.amount == 1200.5)
        #expect(services.first?.hours == 1.5)
        #expect(services.first?.provider == "Comune di Forlì")
        #expect(services.first?.date == CalendarDate(year: 2016, month: 2, day: 3))
    }

    @Test("questionnaire items outside the instrument's range are errors; unknown instruments and waves too")
    func questionnaires() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let good = try f.importFile(
            .questionnaires,
            f.write(
                "q.csv",
                """
                participant_id,instrument,wave,completed_on,q1,q2,q3,q4,q5,q6,q7
                P1,swemwbs,T0,2016-01-10 10:00:00,1,2,3,4,5,4,3
                P1,SWEMWBS,post,2016-02-26T10:00:00Z,2,2,3,4,5,4,
                """))
        #expect(good.inserted == 2)
        do {
            _ = try f.importFile(
                .questionnaires,
                f.write(
                    "bad.csv",
                    """
                    participant_id,instrument,wave,q1,q2
                    P1,WEMWBS,T0,6,2
                    P2,ABC,T0,1,1
                    P3,WEMWBS,T9,1,1
                    """))
            Issue.record("should be rejected")
        } catch let error as ImportError {
            #expect(error.problems.errors.map(\.line) == [2, 3, 4])
        }
    }

    @Test("import of several files is atomic: one bad file keeps none of them")
    func atomicDirectory() throws {
        let f = try ImportFixture()
        let groups = try f.write("gruppi.csv", "gruppo;composizione\nG1;omogeneo\n")
        let participants = try f.write("partecipanti.csv", "codice;gruppo;data_iscrizione\nP1;G1;31/02/2016\n")
        let before = try f.store.dump()
        #expect(throws: ImportError.self) {
            try f.store.importFiles(
                [ImportRequest(kind: .participants, path: participants), ImportRequest(kind: .groups, path: groups)],
                configuration: f.configuration)
        }
        #expect(try f.store.dump() == before)
    }

    @Test("a dry run counts but changes nothing")
    func dryRun() throws {
        let f = try ImportFixture()
        try f.loadBasics()
        let before = try f.store.dump()
        let summary = try f.importFile(
            .outcomes, f.write("esiti.csv", "codice_partecipante;data_evento;esito\nP1;01/06/2016;TD\nP3;02/06/2016;tirocinio\n"),
            dryRun: true)
        #expect(summary.inserted == 2 && summary.dryRun)
        #expect(try f.store.dump() == before)
    }

    @Test("synthetic programmes are byte-identical for a seed and import cleanly")
    func synthesis() throws {
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-synth-\(UUID().uuidString)").path
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-synth-\(UUID().uuidString)").path
        let parameters = SynthesisParameters(participants: 120, seed: 7)
        let files = try ProgrammeSynthesizer(parameters).write(to: a)
        try ProgrammeSynthesizer(parameters).write(to: b)
        for file in files {
            let x = try Data(contentsOf: URL(fileURLWithPath: a).appendingPathComponent(file))
            let y = try Data(contentsOf: URL(fileURLWithPath: b).appendingPathComponent(file))
            #expect(x == y, "\(file) differs")
        }
        let store = try EvaluationStore.inMemory()
        let requests = files.compactMap { name in FileKind(fileName: name).map { ImportRequest(kind: $0, path: a + "/" + name) } }
        let summaries = try store.importFiles(requests, configuration: ProjectConfiguration())
        #expect(summaries.first(where: { $0.kind == .participants })?.inserted == 120)
        let kinds = Set(summaries.map(\.kind))
        // Every programme file; the synthesiser writes no comparison group yet.
        #expect(kinds == Set(FileKind.allCases).subtracting([.comparison, .comparisonOutcomes]))
    }
}
