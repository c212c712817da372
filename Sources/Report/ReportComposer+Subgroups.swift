import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    var subgroupSection: [ReportDocument.Block] {
        guard let subgroups = release.subgroups else { return [] }
        let l = language
        // Each unit given by level adds its columns; a level's figures fill them.
        let rows: [[Cell]] = subgroups.levels.map { item in
            [.text(words.level(item.level, of: subgroups.attribute))] + item.evaluation.units.flatMap { $0.subgroupCells(self) }
        }
        // The caveats compare gives (METHODS §9): the intervals below ignore the groups and adjust for nothing.
        var caveat = l.text(
            subgroups.isGroupAttribute ? "report.subgroups.caveat_group" : "report.subgroups.caveat_people",
            words.attributeWithArticle(subgroups.attribute))
        if subgroups.isGroupAttribute, !subgroups.groupsPerLevel.isEmpty {
            let counts = zip(subgroups.levels, subgroups.groupsPerLevel).map { "\(words.level($0.level, of: subgroups.attribute)): \($1)" }
            caveat += l.text("report.subgroups.groups_per_level", counts.joined(separator: ", "))
        }
        let confounding = subgroups.confounders.map { ComparisonCaveatText(language: l).message($0, attribute: subgroups.attribute) }
        return [
            .heading(level: 2, text: l.text("report.subgroups.by", words.attribute(subgroups.attribute))), .paragraph(caveat),
        ] + confounding.map { ReportDocument.Block.paragraph($0) } + [
            table(
                id: "by_\(Self.fileSafe(subgroups.attribute))",
                caption: l.text("report.subgroups.outcomes_by_participants_enrolled_by_the", words.attribute(subgroups.attribute)),
                columns: [Column(l.text("report.subgroups.level"), key: "level")]
                    + release.units.flatMap { $0.subgroupColumns(self) },
                rows: rows)
        ] + release.units.flatMap { $0.subgroupBlocks(self, subgroups) }
    }

    /// A table id from an attribute name (`service:support_pact` → `service_support_pact`).
    static func fileSafe(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
