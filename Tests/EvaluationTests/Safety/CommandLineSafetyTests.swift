import Evaluation
import Foundation
import Testing

/// Hostile inputs, pseudonymisation and full disks through the `evalrun`
/// executable: exit codes, messages on stderr, and the database file unchanged.
@Suite("evalrun on hostile input", .serialized, .disabled(if: EvalrunProcess.skipped, "EVALRUN_SKIP_PROCESS_TESTS=1"))
struct CommandLineSafetyTests {
    @Test(
        "hostile files exit 1 with the located message, and the database is unchanged",
        arguments: [
            (
                "participants", "participants_unbalanced_quote.csv",
                "participants_unbalanced_quote.csv:2:3: error: a quoted field is never closed"
            ),
            ("groups", "groups_mixed_encodings.csv", "groups_mixed_encodings.csv:3: error: the file mixes two encodings"),
            ("groups", "groups_nul_bytes.csv", "groups_nul_bytes.csv:2: error: NUL byte (0x00) in the file"),
            (
                "participants", "participants_unknown_group.csv",
                "participants_unknown_group.csv:2:2: error: group 'G99' is not in the database"
            ),
            ("attendance", "attendance_unknown_mark.csv", "attendance_unknown_mark.csv:2:4: error: 'forse' is not a presence mark"),
        ])
    func hostileFile(kind: String, file: String, message: String) throws {
        let project = try ProjectFolder()
        try project.loadBasics()
        let before = try project.dump()
        let outcome = try project.importFile(kind, try Fixture.url("hostile", file).path)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("nothing was imported"), "\(outcome.stderr)")
        #expect(try project.dump() == before)
    }

    @Test("a folder with one bad file imports none of its files (exit 1)")
    func folderWithOneBadFile() throws {
        let project = try ProjectFolder()
        let before = try project.dump()
        let folder = project.url.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("gruppo;composizione\nG1;omogeneo\n".utf8).write(to: folder.appendingPathComponent("gruppi.csv"))
        try Data("codice;gruppo;data_iscrizione\nP1;G1;31/02/2016\n".utf8).write(to: folder.appendingPathComponent("partecipanti.csv"))
        let outcome = try EvalrunProcess.run(["import", folder.path, "--db", project.database], in: project.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("partecipanti.csv:2:3: error: '31/02/2016' is not a date"), "\(outcome.stderr)")
        #expect(try project.dump() == before)
    }

    @Test("a missing file exits 2 (a path typed wrong), a folder given as a file exits 1, each with a message")
    func notFiles() throws {
        let project = try ProjectFolder()
        try project.loadBasics()
        let before = try project.dump()
        let missing = try project.importFile("groups", project.url.appendingPathComponent("nope.csv").path)
        #expect(missing.status == 2 && missing.stderr.contains("nope.csv: no such file"), "\(missing.stderr)")
        let folder = try project.importFile("groups", project.url.path)
        #expect(folder.status == 1 && folder.stderr.contains("cannot read the file"), "\(folder.stderr)")
        #expect(try project.dump() == before)
    }

    @Test("paths typed wrong are usage errors (exit 2) named before any work, never internal errors")
    func pathsTypedWrong() throws {
        let project = try ProjectFolder()
        try project.loadBasics()
        let before = try project.dump()
        let check = try EvalrunProcess.run(["check", "--db", project.database, "--csv", "/no/such/dir/f.csv"], in: project.url)
        #expect(check.status == 2 && check.stderr.contains("the folder /no/such/dir does not exist"), "\(check.stderr)")
        #expect(!check.stdout.contains("checks run"), "the checks ran before the path was checked")
        let initMissing = try EvalrunProcess.run(["init", "--db", "sub/missing/db.sqlite"], in: project.url)
        #expect(initMissing.status == 2 && initMissing.stderr.contains("sub/missing does not exist"), "\(initMissing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.url.appendingPathComponent("sub").path))
        let noDatabase = try EvalrunProcess.run(["report", "--period", "2016", "--db", "nope.sqlite"], in: project.url)
        #expect(noDatabase.status == 2 && noDatabase.stderr.contains("nope.sqlite: no such file"), "\(noDatabase.stderr)")
        let noFolder = try EvalrunProcess.run(["import", "esportazioni", "--db", project.database], in: project.url)
        #expect(noFolder.status == 2 && noFolder.stderr.contains("esportazioni: no such folder"), "\(noFolder.stderr)")
        for outcome in [check, initMissing, noDatabase, noFolder] { #expect(!outcome.stderr.contains("internal error")) }
        #expect(try project.dump() == before)
    }

    @Test("--pseudonymise with a key file stores no participant code; a later plain import is refused with exit 1")
    func pseudonymise() throws {
        let project = try ProjectFolder()
        let key = try project.write("key", "0123456789abcdef0123456789abcdef-test-key\n")
        let noKey = try project.importFile(
            "participants", try project.write("p.csv", "participant_id,group_id,enrolled_on\n"), ["--pseudonymise"])
        #expect(noKey.status == 2 && noKey.stderr.contains("--pseudonymise needs a key"), "\(noKey.stderr)")
        #expect(try project.importFile("groups", try project.write("g.csv", "group_id\nG1\n")).status == 0)
        let imported = try project.importFile(
            "participants", try project.write("p.csv", "participant_id,group_id,enrolled_on\nP00001,G1,2016-01-10\n"),
            ["--pseudonymise", "--key-file", key])
        #expect(imported.status == 0, "\(imported.stderr)")
        let dump = try project.dump()
        #expect(!dump.contains("P00001") && dump.contains("3bebb247534157e5fa5307983081e958"))  // openssl dgst -sha256 -hmac KEY, 32 digits
        let plain = try project.importFile(
            "outcomes", try project.write("o.csv", "participant_id,event_date,outcome\nP00001,2016-05-04,TD\n"))
        #expect(plain.status == 1 && plain.stderr.contains("this database holds pseudonymised participant codes"), "\(plain.stderr)")
        let keyed = try project.importFile(
            "outcomes", project.url.appendingPathComponent("o.csv").path,
            environment: [Pseudonymizer.environmentVariable: "0123456789abcdef0123456789abcdef-test-key"])
        #expect(keyed.status == 1, "without --pseudonymise the environment's key is not used")
        let withKey = try project.importFile(
            "outcomes", project.url.appendingPathComponent("o.csv").path, ["--pseudonymise"],
            environment: [Pseudonymizer.environmentVariable: "0123456789abcdef0123456789abcdef-test-key"])
        #expect(withKey.status == 0, "\(withKey.stderr)")
    }

    @Test("a file-size limit reached while writing a report: exit 3, a clear message, no report folder, partial or not")
    func fullDiskReport() throws {
        let project = try ProjectFolder()
        let demo = try PrivacyTests.demoFolder()
        let imported = try EvalrunProcess.run(["import", demo.path, "--db", project.database, "--quiet"], in: project.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        // Held open here so that SQLite's shared-memory file exists at full size and
        // the report process writes nothing but the report.
        let holder = try EvaluationStore.open(path: project.database)
        let out = project.url.appendingPathComponent("report-2016")
        let outcome = try EvalrunProcess.run(
            ["report", "--db", project.database, "--period", "2016", "--out", out.path], in: project.url, fileSizeLimit: 4096)
        if EvalrunProcess.sanitizerRuntimeDied(outcome) { return }
        #expect(outcome.status == 3 && !outcome.killedBySignal, "\(outcome)")
        #expect(outcome.stderr.contains("the report could not be written"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("nothing was left half-written"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.url.path).filter { $0.contains("report-2016") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // Without the limit the same command writes the report.
        let again = try EvalrunProcess.run(["report", "--db", project.database, "--period", "2016", "--out", out.path], in: project.url)
        #expect(again.status == 0, "\(again.stderr)")
        _ = holder
    }

    @Test("a file-size limit reached while writing the database: exit 3, a clear message, the database unchanged, the next import succeeds")
    func fullDiskDatabase() throws {
        let project = try ProjectFolder()
        let demo = try PrivacyTests.demoFolder()
        let partial = project.url.appendingPathComponent("first")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        for name in ["gruppi.csv", "participants.csv", "incontri.csv"] {
            try FileManager.default.copyItem(at: demo.appendingPathComponent(name), to: partial.appendingPathComponent(name))
        }
        #expect(try EvalrunProcess.run(["import", partial.path, "--db", project.database, "--quiet"], in: project.url).status == 0)
        let before = try project.dump()
        let attendance = demo.appendingPathComponent("attendance.csv").path
        // Held open here so that SQLite's shared-memory file exists; the import then
        // reaches the limit in its write-ahead log, mid-transaction.
        var holder: EvaluationStore? = try EvaluationStore.open(path: project.database)
        let outcome = try EvalrunProcess.run(
            ["import", "attendance", attendance, "--db", project.database], in: project.url, fileSizeLimit: 16384)
        if EvalrunProcess.sanitizerRuntimeDied(outcome) { return }
        holder = nil
        #expect(outcome.status == 3 && !outcome.killedBySignal, "\(outcome)")
        #expect(outcome.stderr.contains("the database could not be written"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Nothing was changed"), "\(outcome.stderr)")
        #expect(try project.dump() == before)
        #expect(try EvaluationStore.open(path: project.database).integrityCheck() == ["ok"])
        #expect(try project.importFile("attendance", attendance).status == 0)
        _ = holder
    }
}
