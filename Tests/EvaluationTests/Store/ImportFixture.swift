import Evaluation
import Foundation

@testable import Store

/// A small programme written as CSV exports in a temporary folder, and a
/// fresh in-memory store to import them into.
struct ImportFixture {
    let folder: URL
    let store: EvaluationStore
    var configuration = ProjectConfiguration()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try EvaluationStore.inMemory()
    }

    /// Writes `text` (UTF-8) as `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes raw bytes as `name`.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func importFile(_ kind: FileKind, _ path: String, wide: Bool? = nil, dryRun: Bool = false) throws -> ImportSummary {
        try store.importFile(
            ImportRequest(kind: kind, path: path, wide: wide), configuration: configuration, dryRun: dryRun,
            today: CalendarDate(year: 2026, month: 11, day: 23) ?? .today)
    }

    /// Groups G1 (homogeneous) and G2, participants P1–P3, four meetings each.
    func loadBasics() throws {
        _ = try importFile(
            .groups,
            write(
                "groups.csv",
                """
                group_id,composition,site,planned_sessions,company
                G1,homogeneous,Forlì,4,Acme
                G2,eterogeneo,Cesena,4,
                """))
        _ = try importFile(
            .participants,
            write(
                "participants.csv",
                """
                participant_id,group_id,enrolled_on,left_on,sex,birth_year,children
                P1,G1,2016-01-10,,donna,1970,2
                P2,G1,2016-01-10,2016-03-01,M,1980,0
                P3,G2,2016-01-12,,uomo,1965,
                """))
        _ = try importFile(
            .sessions,
            write(
                "sessions.csv",
                """
                group_id,session_no,date,held
                G1,1,2016-01-15,1
                G1,2,2016-01-29,1
                G1,3,2016-02-12,0
                G1,4,2016-02-26,1
                G2,1,2016-01-16,1
                G2,2,2016-01-30,1
                G2,3,2016-02-13,1
                G2,4,2016-02-27,1
                """))
    }
}
