import EvaluationDomain
import Foundation
import GRDB

extension EvaluationStore {
    /// Every cell recorded by earlier releases, grouped by release (oldest first).
    public func releaseHistory() throws -> ReleaseHistory {
        try read { db in
            var byRelease: [Int64: [ReleaseCell]] = [:]
            var order: [Int64] = []
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT release_id, definition, attribute, level, groups, window_from, window_to, value FROM released_cells ORDER BY release_id, rowid"
            )
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let to: String = row[6]
                guard let end = CalendarDate(iso8601: to) else { continue }
                let groups: String = row[4]
                let cell = ReleaseCell(
                    definition: row[1], attribute: row[2], level: row[3],
                    groups: groups.isEmpty ? [] : groups.split(separator: "\u{1F}").map(String.init),
                    from: (row[5] as String?).flatMap { CalendarDate(iso8601: $0) }, to: end, value: row[7])
                if byRelease[id] == nil { order.append(id) }
                byRelease[id, default: []].append(cell)
            }
            return ReleaseHistory(releases: order.map { byRelease[$0] ?? [] })
        }
    }

    /// Records what one funder output released (and withheld), in one transaction.
    public func recordRelease(command: String, options: String, cells: [ReleaseCell], at time: Date = Date()) throws {
        try write { db in
            let stamp = ISO8601DateFormatter().string(from: time)
            try db.execute(
                sql: "INSERT INTO releases (released_at, command, options) VALUES (?, ?, ?)", arguments: [stamp, command, options])
            let id = db.lastInsertedRowID
            let statement = try db.makeStatement(
                sql:
                    "INSERT INTO released_cells (release_id, definition, attribute, level, groups, window_from, window_to, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            )
            for cell in cells {
                try statement.execute(arguments: [
                    id, cell.definition, cell.attribute, cell.level, cell.groups.joined(separator: "\u{1F}"), cell.from?.iso8601,
                    cell.to.iso8601, cell.value,
                ])
            }
        }
    }

    /// The releases recorded so far, oldest first.
    public func releaseRecords() throws -> [ReleaseRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.released_at, r.command, r.options,
                           COUNT(c.value), COUNT(c.release_id) - COUNT(c.value)
                    FROM releases r LEFT JOIN released_cells c ON c.release_id = r.id
                    GROUP BY r.id ORDER BY r.id
                    """
            ).map { row in
                ReleaseRecord(id: row[0], releasedAt: row[1], command: row[2], options: row[3], released: row[4], withheld: row[5])
            }
        }
    }

    /// Forgets every recorded release; returns how many there were.
    @discardableResult
    public func forgetReleases() throws -> Int {
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM releases") ?? 0
            try db.execute(sql: "DELETE FROM released_cells; DELETE FROM releases")
            return count
        }
    }
}
