import Evaluation
import Foundation
import Testing

/// The CPU must not show in any output (METHODS §6): OpenBLAS picks its kernels
/// by processor, and `OPENBLAS_CORETYPE` makes it pick those of another one.
/// The demo report and `compare --json` are run as an evaluator runs them,
/// under four kernels, and must be byte-identical to each other and to the
/// committed `reports/demo`. A kernel this processor cannot execute (SkylakeX
/// needs AVX-512) dies with SIGILL: it is reported and left out.
@Suite("Outputs do not depend on the CPU", .disabled(if: EvalrunProcess.skipped))
struct CPUIndependenceTests {
    static let coreTypes = ["Prescott", "Haswell", "Zen", "SkylakeX"]

    /// The checkout's folder.
    static var checkout: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    /// Every file of a folder, by relative path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            out[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    @Test("the demo report and compare --json are byte-identical under Prescott, Haswell, Zen and SkylakeX kernels")
    func sameBytesOnEveryKernel() throws {
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let demo = Self.checkout.appendingPathComponent("datasets/demo")
        let imported = try EvalrunProcess.run(["import", demo.path, "--db", project.database, "--quiet"], in: project.url)
        try #require(imported.status == 0, "\(imported.stderr)")
        let committed = try Self.files(Self.checkout.appendingPathComponent("reports/demo"))
        var reports: [String: [String: Data]] = [:]
        var comparisons: [String: String] = [:]
        for coreType in Self.coreTypes {
            let environment = ["OPENBLAS_CORETYPE": coreType]
            let out = project.url.appendingPathComponent("demo-\(coreType)")
            let report = try EvalrunProcess.run(
                ["demo", "--data", demo.path, "--out", out.path, "--quiet"], in: project.url, environment: environment)
            if report.killedBySignal {
                print("OPENBLAS_CORETYPE=\(coreType): this processor cannot run that kernel (signal \(report.status)); left out")
                continue
            }
            try #require(report.status == 0, "\(coreType): \(report.stderr)")
            let compare = try EvalrunProcess.run(
                ["compare", "--db", project.database, "--adjust", "age,sex", "--json", "--quiet"], in: project.url,
                environment: environment)
            if compare.killedBySignal {
                print("OPENBLAS_CORETYPE=\(coreType): this processor cannot run that kernel (signal \(compare.status)); left out")
                continue
            }
            try #require(compare.status == 0, "\(coreType): \(compare.stderr)")
            reports[coreType] = try Self.files(out)
            comparisons[coreType] = compare.stdout
        }
        print("kernels run: \(reports.keys.sorted().joined(separator: ", "))")
        #expect(reports.count >= 3)
        for (coreType, files) in reports {
            #expect(files.keys.sorted() == committed.keys.sorted(), "\(coreType)")
            for (path, data) in files where committed[path] != data {
                Issue.record("\(coreType): \(path) differs from reports/demo")
            }
        }
        #expect(Set(comparisons.values).count == 1, "compare --json differs between kernels")
    }
}
