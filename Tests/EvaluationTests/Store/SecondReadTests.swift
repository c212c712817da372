import Evaluation
import Foundation
import Testing

@testable import Store

@Suite("The snapshot's register read on a second connection")
struct SecondReadTests {
    @Test("used only when the second connection sees the same imports; never for a one-connection database")
    func sameImportsOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-second-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try EvaluationStore.open(path: folder.appendingPathComponent("e.sqlite").path)
        let version = try store.read { try EvaluationStore.importVersion($0) }
        #expect(try SecondRead(store: store, version: version) { _ in 42 }.value() == 42)
        #expect(try SecondRead(store: store, version: [version[0] + 1, version[1] + 1]) { _ in 42 }.value() == nil)
        struct Unreadable: Error {}
        #expect(throws: Unreadable.self) { try SecondRead(store: store, version: version) { _ in throw Unreadable() }.value() }
        let memory = try EvaluationStore.inMemory()
        #expect(try SecondRead(store: memory, version: version) { _ in 42 }.value() == nil)
    }

    @Test("a file-backed snapshot holds the same register as an in-memory one of the same exports")
    func sameRegister() throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../datasets/demo").standardized
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-second-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var snapshots: [ProgrammeSnapshot] = []
        for store in [try EvaluationStore.open(path: folder.appendingPathComponent("e.sqlite").path), try EvaluationStore.inMemory()] {
            let files: [(FileKind, String)] = [
                (.groups, "gruppi.csv"), (.participants, "participants.csv"), (.sessions, "incontri.csv"), (.attendance, "attendance.csv"),
            ]
            let requests = files.map { ImportRequest(kind: $0.0, path: demo.appendingPathComponent($0.1).path) }
            _ = try store.importFiles(requests, configuration: ProjectConfiguration())
            snapshots.append(try store.snapshot())
        }
        let (file, memory) = (snapshots[0], snapshots[1])
        #expect(file.marks.count == memory.marks.count && file.marks.count > 1_000)
        #expect(
            zip(file.marks, memory.marks).allSatisfy {
                $0.participant == $1.participant && $0.group == $1.group && $0.session == $1.session && $0.present == $1.present
            })
    }
}
