import EvaluationDomain
import Foundation
import GRDB
import Testing

@testable import Store

/// Migration `v4-comparison-group` converts a database made before it: the
/// participants' and groups' extra columns survive the rebuilt attributes table,
/// and the comparison group's tables are there to import into.
@Suite("The comparison group's migration")
struct ComparisonGroupMigrationTests {
    @Test("a database of v1–v3 opens with its attributes, and takes a comparison group")
    func convertsAnOlderDatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evalrun-v3-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v3-releases")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO groups (id, code) VALUES (1, 'G1');
                        INSERT INTO participants (id, code, group_ref, enrolled_on) VALUES (1, 'P1', 1, '2016-01-10');
                        INSERT INTO attributes (entity, entity_ref, name, value) VALUES ('participant', 1, 'children', '2');
                        INSERT INTO attributes (entity, entity_ref, name, value) VALUES ('group', 1, 'funder', 'FSE');
                        """)
            }
        }
        let store = try EvaluationStore.open(path: path)
        let snapshot = try store.snapshot()
        #expect(snapshot.participantAttributes["children"] == ["2"])
        #expect(snapshot.groups.first?.attributes == ["funder": "FSE"])
        let comparison = try store.comparisonGroupSnapshot()
        #expect(comparison.isEmpty && comparison.participantCodesInImportOrder == ["P1"])
        let dump = try store.dump()
        #expect(dump.contains("## comparison_people") && dump.contains("## comparison_outcomes"))
    }
}
