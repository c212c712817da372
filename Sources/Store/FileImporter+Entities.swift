import EvaluationDomain
import Foundation
import GRDB
import Ingest

extension FileImporter {
    mutating func importGroups(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        let decoder = GroupRowDecoder(context, problems: &problems)
        let stage = try StageTable(
            db: db, target: "groups", keys: ["code"],
            values: ["composition", "programme", "site", "start_date", "planned_sessions", "facilitator"])
        let attributes = try AttributeStage(db: db, entity: "group", names: decoder.fields.map.extras.map(\.name))
        let records = try stream(source, decoder) { row, _ in
            try stage.append(
                line: row.line,
                [
                    .text(row.code), .of(row.composition?.rawValue), .of(row.programme), .of(row.site),
                    .of(row.startDate), .of(row.plannedSessions), .of(row.facilitator),
                ])
            try attributes.append(line: row.line, code: row.code, row.attributes)
        }
        return try finishEntity(stage, attributes: attributes, table: "groups", file: source.displayName, records: records) {
            "group '\($0[0])'"
        }
    }

    mutating func importParticipants(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        let pseudonym = self.pseudonym
        let decoder = ParticipantRowDecoder(context, problems: &problems)
        let groups = try codeMap("groups")
        let comparisonPeople = try codeMap("comparison_people")
        let stage = try StageTable(
            db: db, target: "participants", keys: ["code"],
            values: [
                "group_ref", "enrolled_on", "left_on", "sex", "birth_year", "education", "status_at_entry",
                "referred_by", "unemployed_since", "followed_up_until",
            ])
        let attributes = try AttributeStage(db: db, entity: "participant", names: decoder.fields.map.extras.map(\.name))
        let groupColumn = decoder.fields.map[.groupID].map { $0 + 1 }
        let participantColumn = decoder.fields.map[.participantID].map { $0 + 1 }
        let file = source.displayName
        let records = try stream(source, decoder) { row, problems in
            guard let group = groups[row.groupCode] else {
                problems.append(
                    Problem(
                        file: file, line: row.line, column: groupColumn, columnName: ColumnName.groupID.rawValue, value: row.groupCode,
                        reason: "group '\(row.groupCode)' is not in the database",
                        hint: "import groups.csv first, or correct the code"))
                return
            }
            let code = pseudonym(row.code)
            guard comparisonPeople[code] == nil else {
                problems.append(
                    Self.bothSides(
                        file: file, line: row.line, column: participantColumn, columnName: .participantID, code: row.code,
                        isNow: "in the comparison group"))
                return
            }
            try stage.append(
                line: row.line,
                [
                    .text(code), .integer(group), .of(row.enrolledOn), .of(row.leftOn), .of(row.sex),
                    .of(row.birthYear), .of(row.education), .of(row.statusAtEntry), .of(row.referredBy),
                    .of(row.unemployedSince), .of(row.followedUpUntil),
                ])
            try attributes.append(line: row.line, code: code, row.attributes)
        }
        return try finishEntity(stage, attributes: attributes, table: "participants", file: file, records: records) {
            "participant '\($0[0])'"
        }
    }

    /// Finishes an entity import (groups, participants): merges the core row,
    /// then its attributes; an entity whose only change is an attribute counts
    /// as updated.
    mutating func finishEntity(
        _ stage: StageTable, attributes: AttributeStage, table: String, file: String, records: Int,
        what: ([String]) -> String
    ) throws -> Counts {
        let attributeChanges = try attributes.changedCodesWithUnchangedCore(db: db, stage: stage, table: table)
        var counts = try finish(stage, file: file, what: what)
        try attributes.merge(db: db, table: table, core: stage)
        counts.updated += attributeChanges
        counts.unchanged -= attributeChanges
        counts.records = records
        return counts
    }
}

/// The extra columns of a groups or participants file, staged beside the rows.
struct AttributeStage {
    let entity: String
    let names: [String]
    private let stage: StageTable?

    init(db: Database, entity: String, names: [String]) throws {
        self.entity = entity
        self.names = names
        stage = names.isEmpty ? nil : try StageTable(db: db, target: "attributes_\(entity)", keys: ["code", "name"], values: ["value"])
    }

    func append(line: Int, code: String, _ values: [String: String]) throws {
        guard let stage else { return }
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            try stage.append(line: line, [.text(code), .text(name), .text(value)])
        }
    }

    private var nameList: String {
        names.map { "'\($0.replacingOccurrences(of: "'", with: "''"))'" }.joined(separator: ", ")
    }

    /// Existing entities whose core row is unchanged but whose attributes differ.
    func changedCodesWithUnchangedCore(db: Database, stage core: StageTable, table: String) throws -> Int {
        guard let stage else { return 0 }
        let coreSame = core.values.map { "s.\($0) IS t.\($0)" }.joined(separator: " AND ")
        // Correlated lookups through the keys (code, then the attributes' primary
        // key), so the check stays linear in the file's size. The stage's columns
        // have numeric affinity: a code compared as it is would be converted
        // the table's way for every row (no index, a scan per staged row); as text
        // it is the value the table holds.
        let current = """
            SELECT 1 FROM \(table) e JOIN attributes a ON a.entity = '\(entity)' AND a.entity_ref = e.id
            """
        return try Int.fetchOne(
            db,
            sql: """
                WITH cores AS (
                  SELECT DISTINCT s.code FROM temp.\(core.name) s JOIN \(table) t ON t.code = CAST(s.code AS TEXT) WHERE \(coreSame)
                )
                SELECT COUNT(*) FROM cores c WHERE
                  EXISTS (SELECT 1 FROM temp.\(stage.name) s WHERE s.code = c.code
                          AND NOT EXISTS (\(current) AND a.name = s.name AND a.value = s.value WHERE e.code = CAST(s.code AS TEXT)))
                  OR EXISTS (\(current) AND a.name IN (\(nameList)) WHERE e.code = CAST(c.code AS TEXT)
                          AND NOT EXISTS (SELECT 1 FROM temp.\(stage.name) s WHERE s.code = e.code AND s.name = a.name))
                """) ?? 0
    }

    /// Replaces the attributes named in this file for every entity of the file.
    func merge(db: Database, table: String, core: StageTable) throws {
        guard let stage else { return }
        try db.execute(
            sql: """
                DELETE FROM attributes WHERE entity = '\(entity)' AND name IN (\(nameList))
                  AND entity_ref IN (SELECT t.id FROM \(table) t WHERE t.code IN (SELECT DISTINCT code FROM temp.\(core.name)));
                INSERT OR REPLACE INTO attributes (entity, entity_ref, name, value)
                  SELECT '\(entity)', t.id, s.name, s.value FROM temp.\(stage.name) s JOIN \(table) t ON t.code = CAST(s.code AS TEXT)
                  WHERE true;
                """)
    }
}
