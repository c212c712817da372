import Crypto
import Evaluation
import Foundation
import Testing

/// METHODS §9 *Output folders*, through the executable: every command that writes a
/// folder writes a new one or replaces its own earlier output, and refuses (exit 2,
/// every file as it was, compared by hash) the current folder, a project folder, a
/// folder of exports and any folder holding a file evalrun did not write.
@Suite("output folders through the executable", .serialized, .disabled(if: EvalrunProcess.skipped, "EVALRUN_SKIP_PROCESS_TESTS=1"))
struct OutputFolderTests {
    /// The arguments of each command that writes a folder, with `OUT` for the folder.
    static let commands: [(name: String, arguments: [String])] = [
        ("report", ["report", "--period", "2016", "--out", "OUT"]),
        ("compare", ["compare", "--out", "OUT"]),
        ("demo", ["demo", "--out", "OUT"]),
        ("template", ["template", "OUT"]),
        ("synth", ["synth", "--participants", "30", "--out", "OUT"]),
    ]

    /// A project with a database, its configuration, a folder of exports and a notes file.
    static func project() throws -> ProjectFolder {
        let project = try ProjectFolder()
        try project.loadBasics()
        let exports = project.url.appendingPathComponent("esportazioni")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        try Data("gruppo;composizione\nG1;omogeneo\n".utf8).write(to: exports.appendingPathComponent("gruppi.csv"))
        try project.write("appunti.txt", "da non perdere\n")
        return project
    }

    /// Every file below `folder` (hidden ones too) with its SHA-256.
    static func hashes(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            // The test harness's own output captures are written there during the run.
            if url.lastPathComponent.hasPrefix(".out-") || url.lastPathComponent.hasPrefix(".err-") { continue }
            result[url.path] = SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
        }
        return result
    }

    static func run(_ command: [String], out: String, in project: ProjectFolder) throws -> EvalrunProcess.Outcome {
        let arguments = command.map { $0 == "OUT" ? out : $0 }
        let needsDatabase = ["report", "compare"].contains(arguments[0])
        return try EvalrunProcess.run(arguments + (needsDatabase ? ["--db", project.database] : []) + ["--quiet"], in: project.url)
    }

    @Test(
        "the current folder, a parent of the project, a folder of exports and an unrelated folder are refused with exit 2; nothing changes",
        arguments: commands.map(\.name))
    func refused(command: String) throws {
        let arguments = try #require(Self.commands.first { $0.name == command }).arguments
        let project = try Self.project()
        let unrelated = project.url.appendingPathComponent("altro")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try Data("mio\n".utf8).write(to: unrelated.appendingPathComponent("lettera.txt"))
        let before = try Self.hashes(project.url)
        for (out, words) in [
            (".", "is the current folder"), ("./", "is the current folder"), ("..", "holds the current folder"),
            ("esportazioni", "evalrun did not write (gruppi.csv)"), ("altro", "evalrun did not write (lettera.txt)"),
            (project.url.path, "is the current folder"), ("appunti.txt", "is a file"),
        ] {
            let outcome = try Self.run(arguments, out: out, in: project)
            #expect(outcome.status == 2, "\(command) --out \(out): \(outcome.stderr)")
            #expect(outcome.stderr.contains(words), "\(command) --out \(out): \(outcome.stderr)")
            #expect(outcome.stderr.contains("nothing was written"), "\(outcome.stderr)")
            #expect(try Self.hashes(project.url) == before, "\(command) --out \(out) changed a file")
        }
        // A project folder seen from outside it.
        let outside = try EvalrunProcess.run(
            arguments.map { $0 == "OUT" ? project.url.path : $0 }
                + (["report", "compare"].contains(command) ? ["--db", project.database] : [])
                + ["--quiet"], in: FileManager.default.temporaryDirectory)
        #expect(outside.status == 2 && outside.stderr.contains("is a project folder"), "\(outside.stderr)")
        #expect(try Self.hashes(project.url) == before)
    }

    @Test(
        "an earlier output of the same command is replaced; edited, added to or another command's, it is refused",
        arguments: commands.map(\.name))
    func replaced(command: String) throws {
        let arguments = try #require(Self.commands.first { $0.name == command }).arguments
        let project = try Self.project()
        let first = try Self.run(arguments, out: "uscita", in: project)
        #expect(first.status == 0, "\(first.stderr)")
        let folder = project.url.appendingPathComponent("uscita")
        let marker = try String(contentsOf: folder.appendingPathComponent(OutputFolder.markerName), encoding: .utf8)
        #expect(marker.hasPrefix("evalrun \(command)\n"))
        let written = try Self.hashes(folder)
        let again = try Self.run(arguments, out: "uscita", in: project)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.hashes(folder) == written, "the same inputs give the same folder")

        // A file the user added makes the folder theirs.
        try Data("nota\n".utf8).write(to: folder.appendingPathComponent("nota.txt"))
        let added = try Self.hashes(folder)
        let withNote = try Self.run(arguments, out: "uscita", in: project)
        #expect(withNote.status == 2 && withNote.stderr.contains("evalrun did not write (nota.txt)"), "\(withNote.stderr)")
        #expect(try Self.hashes(folder) == added)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("nota.txt"))

        // So does a file evalrun wrote and the user changed.
        let firstFile = try #require(written.keys.sorted().first { !$0.hasSuffix(OutputFolder.markerName) })
        try Data("modificato\n".utf8).write(to: URL(fileURLWithPath: firstFile))
        let edited = try Self.hashes(folder)
        let afterEdit = try Self.run(arguments, out: "uscita", in: project)
        #expect(afterEdit.status == 2 && afterEdit.stderr.contains("changed since evalrun wrote"), "\(afterEdit.stderr)")
        #expect(try Self.hashes(folder) == edited)

        // Another command's folder is not this command's to replace.
        let other = try #require(Self.commands.first { $0.name != command })
        let otherOutcome = try Self.run(other.arguments, out: "uscita", in: project)
        #expect(
            otherOutcome.status == 2 && otherOutcome.stderr.contains("holds the output of `evalrun \(command)`"), "\(otherOutcome.stderr)")
        #expect(try Self.hashes(folder) == edited)
    }

    @Test("a place nothing can be written to is refused with exit 2 before any work")
    func unwritable() throws {
        let project = try Self.project()
        let outcome = try Self.run(["report", "--period", "2016", "--out", "OUT"], out: "appunti.txt/report", in: project)
        #expect(outcome.status == 2 && outcome.stderr.contains("cannot be written"), "\(outcome.stderr)")
    }
}
