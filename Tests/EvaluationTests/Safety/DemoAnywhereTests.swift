import Foundation
import Testing

/// `evalrun demo` from an installed binary (METHODS §7): the demo exports are
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

    @Test("the built-in demo data are datasets/demo: one link per file, every file listed in Package.swift and DemoData")
    func embeddedMatchesDataset() throws {
        let root = CPUIndependenceTests.checkout
        let demo = root.appendingPathComponent("datasets/demo")
        let names = try FileManager.default.contentsOfDirectory(atPath: demo.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(!names.isEmpty)
        let resources = root.appendingPathComponent("Sources/evalrun/Resources/demo")
        let linked = try FileManager.default.contentsOfDirectory(atPath: resources.path).sorted()
        #expect(linked == names, "Sources/evalrun/Resources/demo does not hold the files of datasets/demo")
        for name in linked {
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: resources.appendingPathComponent(name).path)
            #expect(destination == "../../../../datasets/demo/\(name)", "\(name) is a copy, not a link to datasets/demo")
        }
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let list = try String(contentsOf: root.appendingPathComponent("Sources/evalrun/DemoData.swift"), encoding: .utf8)
        for name in names {
            #expect(manifest.contains("\"\(name)\""), "Package.swift does not embed \(name)")
            #expect(list.contains("(\"\(name)\", PackageResources."), "DemoData does not list \(name)")
        }
    }
}
