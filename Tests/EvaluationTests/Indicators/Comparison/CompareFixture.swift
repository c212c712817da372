import Evaluation
import Foundation

@testable import Indicators

/// The committed synthetic programme of Fixtures/compare-8groups/programme,
/// imported into an in-memory store, and its analysis data rendered as the
/// wide table `data.csv` that generate.R reads.
enum CompareFixture {
    static let name = "compare-8groups"

    /// The seven exports imported in dependency order; `to` is the latest date recorded.
    static func snapshot() throws -> (snapshot: ProgrammeSnapshot, to: CalendarDate) {
        let store = try EvaluationStore.inMemory()
        let files = ["groups", "participants", "sessions", "attendance", "questionnaires", "services", "outcomes"]
        let requests = try files.compactMap { file -> ImportRequest? in
            guard let kind = FileKind(name: file) else { return nil }
            return ImportRequest(kind: kind, path: try Fixture.url(name, "programme/\(file).csv").path)
        }
        _ = try store.importFiles(
            requests, configuration: ProjectConfiguration(), today: CalendarDate(year: 2016, month: 12, day: 31) ?? .today)
        let snapshot = try store.snapshot()
        guard let to = snapshot.latestDate else { throw Fixture.Missing(path: "programme (no dates)") }
        return (snapshot, to)
    }

    /// One row per compared participant (code order): participant, group,
    /// the `attributes` as `ParticipantAttributes` gives them, then one column per outcome (`NA` when the participant has
    /// none); the survival outcome as `<name>` (days) and `<name>_event` (0/1).
    /// Numbers are Swift's shortest round-trip text, which R reads exactly.
    static func dataCSV(_ comparison: Comparison, snapshot: ProgrammeSnapshot, attributes names: [String]) -> String {
        let attributes = ParticipantAttributes(snapshot: snapshot, to: comparison.to)
        var header = ["participant", "group"] + names
        var columns: [[Int: String]] = []
        for outcome in comparison.data {
            var values: [Int: String] = [:]
            var events: [Int: String] = [:]
            for (row, i) in outcome.participants.enumerated() {
                values[i] = number(outcome.values[row])
                if outcome.kind == .survival { events[i] = outcome.events[row] ? "1" : "0" }
            }
            header.append(outcome.name)
            columns.append(values)
            if outcome.kind == .survival {
                header.append(outcome.name + "_event")
                columns.append(events)
            }
        }
        let people = Set(comparison.data.flatMap(\.participants)).sorted()
        var lines = [header.joined(separator: ",")]
        for i in people {
            let p = snapshot.participants[i]
            var cells = [p.code, snapshot.groups[p.group].code]
            cells += names.map { name in attributes.level(name, of: i).flatMap { $0 == Levels.missing ? nil : $0 } ?? "NA" }
            cells += columns.map { $0[i] ?? "NA" }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Integers without a fraction, else the shortest text that reads back to the same double.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
