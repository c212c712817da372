import EvaluationDomain
import Foundation
import GRDB
import Ingest

/// The comparison group's files (METHODS §9 *Comparison group files*): people who
/// did not take part, keyed by `person_id` (pseudonymised as participant codes
/// are), and their job events. Nobody may be both a participant and a
/// comparison person: each side's import refuses, at the code's line and
/// column, a code the other side holds.
extension FileImporter {
    mutating func importComparisonPeople(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        let pseudonym = self.pseudonym
        let decoder = ComparisonPersonRowDecoder(context, problems: &problems)
        let participants = try codeMap("participants")
        let stage = try StageTable(
            db: db, target: "comparison_people", keys: ["code"],
            values: ["reference_date", "followed_up_until", "sex", "birth_year", "education", "status_at_entry"])
        let attributes = try AttributeStage(db: db, entity: "comparison", names: decoder.fields.map.extras.map(\.name))
        let column = decoder.fields.map[.personID].map { $0 + 1 }
        let file = source.displayName
        let records = try stream(source, decoder) { row, problems in
            let code = pseudonym(row.code)
            guard participants[code] == nil else {
                problems.append(
                    Self.bothSides(
                        file: file, line: row.line, column: column, columnName: .personID, code: row.code, isNow: "a participant"))
                return
            }
            try stage.append(
                line: row.line,
                [
                    .text(code), .of(row.referenceDate), .of(row.followedUpUntil), .of(row.sex), .of(row.birthYear),
                    .of(row.education), .of(row.statusAtEntry),
                ])
            try attributes.append(line: row.line, code: code, row.attributes)
        }
        return try finishEntity(stage, attributes: attributes, table: "comparison_people", file: file, records: records) {
            "comparison person '\($0[0])'"
        }
    }

    mutating func importComparisonOutcomes(_ source: CSVSource, _ context: DecoderContext) throws -> Counts {
        try importParticipantKeyed(
            source, OutcomeRowDecoder(context, kind: .comparisonOutcomes, problems: &problems),
            ParticipantKeyedFile(
                target: "comparison_outcomes", keys: ["event_date", "outcome"], values: ["source", "end_date"],
                fields: { row in [.of(row.eventDate), .text(row.outcome.rawValue), .of(row.source), .of(row.endDate)] },
                describe: { "the \($0[2]) event of comparison person '\($0[0])' on \($0[1])" }),
            owner: .comparisonPeople)
    }

    /// The located error for a code given on both sides.
    static func bothSides(file: String, line: Int, column: Int?, columnName: ColumnName, code: String, isNow: String) -> Problem {
        Problem(
            file: file, line: line, column: column, columnName: columnName.rawValue, value: code,
            reason: "'\(code)' is already \(isNow): a person may not be both a participant and in the comparison group",
            hint: "give the person one code on one side only")
    }
}
