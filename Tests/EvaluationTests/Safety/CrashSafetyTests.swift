import Evaluation
import Foundation
import Testing

/// `evalrun import` killed with SIGKILL at several points of a large import, two
/// imports at once, and a report during an import: the database is always either
/// as before or fully imported, never corrupt, and the next run succeeds.
@Suite("Crash safety", .serialized, .disabled(if: EvalrunProcess.skipped, "EVALRUN_SKIP_PROCESS_TESTS=1"))
struct CrashSafetyTests {
    /// A programme of `groups` groups of 15 people with 20 meetings each, imported
    /// through the executable except its attendance register, written beside it.
    struct LargeProgramme {
        let project: ProjectFolder
        let attendance: [String]

        init(groups: Int, registers: Int = 1) throws {
            let project = try ProjectFolder()
            self.project = project
            var g = "group_id,composition\n"
            var p = "participant_id,group_id,enrolled_on\n"
            var s = "group_id,session_no,date,held\n"
            var registerTexts = Array(repeating: "group_id,participant_id,session_no,present\n", count: registers)
            let first = CalendarDate(year: 2016, month: 1, day: 4) ?? .today
            for group in 0..<groups {
                let code = "G\(group)"
                g += "\(code),\(group % 2 == 0 ? "homogeneous" : "heterogeneous")\n"
                for meeting in 1...20 { s += "\(code),\(meeting),\(first.adding(days: 14 * (meeting - 1)).iso8601),1\n" }
                for person in 0..<15 {
                    let participant = "P\(group)-\(person)"
                    p += "\(participant),\(code),2016-01-04\n"
                    let register = (group * 15 + person) % registers
                    for meeting in 1...20 {
                        registerTexts[register] += "\(code),\(participant),\(meeting),\((group + person + meeting) % 4 == 0 ? 0 : 1)\n"
                    }
                }
            }
            for (kind, name, text) in [
                ("groups", "groups.csv", g), ("participants", "participants.csv", p), ("sessions", "sessions.csv", s),
            ] {
                let outcome = try project.importFile(kind, try project.write(name, text))
                guard outcome.status == 0 else { throw ProjectFolder.Failure(message: "\(name): \(outcome.stderr)") }
            }
            attendance = try registerTexts.enumerated().map { try project.write("attendance-\($0.offset).csv", $0.element) }
        }

        /// A copy of the database as it is now (the executable has closed it).
        func copyDatabase(to name: String) throws -> String {
            let target = project.url.appendingPathComponent(name).path
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: project.database + suffix) {
                try? FileManager.default.removeItem(atPath: target + suffix)
                try FileManager.default.copyItem(atPath: project.database + suffix, toPath: target + suffix)
            }
            return target
        }

        func startImport(into database: String, file: Int = 0, trace: Bool = false) throws -> EvalrunProcess.Running {
            try EvalrunProcess.start(
                ["import", "attendance", attendance[file], "--db", database], in: project.url,
                environment: trace ? ["EVALRUN_TRACE": "1"] : [:])
        }
    }

    /// Where to kill an import: after a delay, or as soon as a phase is reported on stderr.
    enum KillPoint: CustomStringConvertible {
        case after(milliseconds: Int)
        case atPhase(String)

        var description: String {
            switch self {
            case .after(let ms): return "after \(ms) ms"
            case .atPhase(let phase): return "at '\(phase)'"
            }
        }
    }

    @Test("Ctrl-C (SIGINT) or SIGTERM during an import says nothing was imported, exits 130 and leaves the database as before")
    func interruptedImport() throws {
        let programme = try LargeProgramme(groups: 400)  // 6,000 people, 120,000 marks: the reading lasts well over 0.3 s
        let base = try programme.copyDatabase(to: "base.sqlite")
        let before = ProjectFolder.normalised(try programme.project.dump(base))
        for (index, (signalNumber, delay)) in [(SIGINT, 0.1), (SIGTERM, 0.2)].enumerated() {
            let trial = try programme.copyDatabase(to: "interrupted-\(index).sqlite")
            let running = try programme.startImport(into: trial)
            Thread.sleep(forTimeInterval: delay)
            Foundation.kill(running.process.processIdentifier, signalNumber)
            let outcome = try running.wait()
            #expect(outcome.status == 130 && !outcome.killedBySignal, "signal \(signalNumber): \(outcome.stderr)")
            #expect(outcome.stderr.contains("interrupted: nothing was imported"), "\(outcome.stderr)")
            let store = try EvaluationStore.open(path: trial)
            #expect(try store.integrityCheck() == ["ok"])
            #expect(ProjectFolder.normalised(try store.dump()) == before, "signal \(signalNumber)")
        }
    }

    @Test("SIGKILL at any of nine points leaves the database as before or fully imported; the next import succeeds")
    func killedImport() throws {
        let programme = try LargeProgramme(groups: 400)  // 6,000 people, 120,000 marks
        let base = try programme.copyDatabase(to: "base.sqlite")
        let before = ProjectFolder.normalised(try programme.project.dump(base))

        let reference = try programme.copyDatabase(to: "reference.sqlite")
        let started = Date()
        let full = try programme.startImport(into: reference).wait()
        let duration = Date().timeIntervalSince(started)
        try #require(full.status == 0, "\(full.stderr)")
        let after = ProjectFolder.normalised(try programme.project.dump(reference))
        #expect(after != before)

        let points: [KillPoint] = [
            .after(milliseconds: 50), .after(milliseconds: 200), .after(milliseconds: 500),
            .after(milliseconds: Int(duration * 1000 * 0.6)), .after(milliseconds: Int(duration * 1000 * 0.9)),
            .atPhase("read and staged"), .atPhase("checked in-file duplicates"), .atPhase("merged into attendance"),
            // After the commit, while the summary is printed and the process ends.
            .atPhase("imported attendance-0.csv"),
        ]
        var results: [String] = []
        for (index, point) in points.enumerated() {
            let trial = try programme.copyDatabase(to: "trial-\(index).sqlite")
            let running = try programme.startImport(into: trial, trace: true)
            switch point {
            case .after(let ms):
                Thread.sleep(forTimeInterval: Double(ms) / 1000)
            case .atPhase(let phase):
                try Self.waitFor(phase, in: running.stderr, while: running.process)
            }
            let outcome = try running.kill()
            let store = try EvaluationStore.open(path: trial)
            #expect(try store.integrityCheck() == ["ok"], "\(point)")
            let dump = ProjectFolder.normalised(try store.dump())
            let state = dump == before ? "as before" : dump == after ? "fully imported" : "NEITHER"
            results.append("\(point): \(outcome.killedBySignal ? "killed" : "had finished"), database \(state)")
            #expect(dump == before || dump == after, "killed \(point): the database is neither as before nor fully imported")
            let next = try programme.startImport(into: trial).wait()
            #expect(next.status == 0, "the import after a kill \(point) failed: \(next.stderr)")
            #expect(ProjectFolder.normalised(try EvaluationStore.open(path: trial).dump()) == after, "\(point)")
        }
        print("import of 120,000 marks: \(String(format: "%.2f", duration)) s unkilled; " + results.joined(separator: "; "))
    }

    @Test("two imports into one database at once: the second waits, both land, nothing is corrupt")
    func concurrentImports() throws {
        let programme = try LargeProgramme(groups: 300, registers: 2)  // two registers of 45,000 marks
        let sequential = try programme.copyDatabase(to: "sequential.sqlite")
        for file in 0..<2 { #expect(try programme.startImport(into: sequential, file: file).wait().status == 0) }
        let expected = Self.withoutImports(try programme.project.dump(sequential))

        let a = try programme.startImport(into: programme.project.database, file: 0)
        let b = try programme.startImport(into: programme.project.database, file: 1)
        let (first, second) = (try a.wait(), try b.wait())
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        let store = try EvaluationStore.open(path: programme.project.database)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(Self.withoutImports(try store.dump()) == expected)
        #expect(try store.importHistory().filter { $0.kind == .attendance }.count == 2)
    }

    @Test("a report during an import reads a consistent database and the import lands")
    func reportDuringImport() throws {
        let programme = try LargeProgramme(groups: 600)
        let before = try programme.copyDatabase(to: "before.sqlite")
        let importing = try programme.startImport(into: programme.project.database, trace: true)
        try Self.waitFor("read and staged", in: importing.stderr, while: importing.process)
        let out = programme.project.url.appendingPathComponent("report")
        let report = try EvalrunProcess.run(
            ["report", "--db", programme.project.database, "--period", "2016", "--out", out.path], in: programme.project.url)
        let imported = try importing.wait()
        #expect(report.status == 0, "\(report.stderr)")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try EvaluationStore.open(path: programme.project.database).integrityCheck() == ["ok"])
        // The report saw the database as before the import or after it, never half of it.
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        let outBefore = programme.project.url.appendingPathComponent("report-before")
        let outAfter = programme.project.url.appendingPathComponent("report-after")
        #expect(
            try EvalrunProcess.run(["report", "--db", before, "--period", "2016", "--out", outBefore.path], in: programme.project.url)
                .status == 0)
        #expect(
            try EvalrunProcess.run(
                ["report", "--db", programme.project.database, "--period", "2016", "--out", outAfter.path], in: programme.project.url
            ).status == 0)
        let candidates = try [outBefore, outAfter].map {
            try String(contentsOf: $0.appendingPathComponent("summary.json"), encoding: .utf8)
        }
        #expect(candidates.contains(summary))
        #expect(candidates[0] != candidates[1])
    }

    /// Reads the growing stderr file until `text` appears (or the process ends).
    static func waitFor(_ text: String, in file: URL, while process: Process) throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let seen = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
            if seen.contains(text) || !process.isRunning { return }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }

    /// A dump without the `imports` table (ids and times depend on the order of concurrent runs).
    static func withoutImports(_ dump: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { skipping = line == "## imports" }
            if !skipping { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }
}
