import Foundation
import Testing

/// `evalrun demo` from an installed binary (DESIGN §7): the demo exports are
/// built into the executable, so a copy of it in an empty folder, far from any
/// checkout, writes the committed demo report byte for byte.
@Suite("demo anywhere", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct DemoAnywhereTests {
    @Test("a copy of the executable in an empty folder writes reports/demo byte for byte")
    func copiedBinary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-installed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = try #require(EvalrunProcess.executable)
        let copy = folder.appendingPathComponent("evalrun")
        try FileManager.default.copyItem(at: executable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["demo", "--out", "demo", "--quiet"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let written = try CPUIndependenceTests.files(folder.appendingPathComponent("demo"))
        let committed = try CPUIndependenceTests.files(CPUIndependenceTests.checkout.appendingPathComponent("reports/demo"))
        #expect(written.keys.sorted() == committed.keys.sorted())
        for (path, data) in committed { #expect(written[path] == data, "\(path) differs") }
    }

    @Test("the built-in demo data are datasets/demo byte for byte (regenerate with scripts/embed-demo.py)")
    func embeddedMatchesDataset() throws {
        let root = CPUIndependenceTests.checkout
        let source = try String(contentsOf: root.appendingPathComponent("Sources/evalrun/DemoData.swift"), encoding: .utf8)
            .filter { !$0.isWhitespace }
        let demo = root.appendingPathComponent("datasets/demo")
        let names = try FileManager.default.contentsOfDirectory(atPath: demo.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(!names.isEmpty)
        for name in names {
            let encoded = try Data(contentsOf: demo.appendingPathComponent(name)).base64EncodedString()
            #expect(source.contains("(\"\(name)\",\"\"\"\(encoded)\"\"\")"), "\(name) differs from the built-in copy")
        }
        #expect(source.components(separatedBy: "\"\"\"),").count - 1 == names.count, "the built-in data has other files")
    }
}
