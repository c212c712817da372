import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    var subgroupSection: [ReportDocument.Block] {
        guard let subgroups = release.subgroups else { return [] }
        let l = language
        let rows: [[Cell]] = subgroups.levels.map { item in
            let e = item.evaluation
            let retention = e.retention.rate
            let work = e.reemployment.rate
            let none = ReleasedRate(
                numerator: .notComputable, denominator: .notComputable, value: .notComputable, low: .notComputable, high: .notComputable)
            let after = e.inWorkAfterLeaving ?? none
            return [
                .text(words.level(item.level, of: subgroups.attribute)), count(e.cohort),
                count(retention.numerator), count(retention.denominator), share(retention.value),
                interval(retention.low, retention.high, percent: true),
                count(work.numerator), share(work.value), interval(work.low, work.high, percent: true),
                count(after.numerator), count(after.denominator), share(after.value), interval(after.low, after.high, percent: true),
            ]
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
                columns: [
                    Column(l.text("report.subgroups.level"), key: "level"),
                    Column(l.text("report.subgroups.enrolled"), key: "enrolled", .number),
                    Column(l.text("report.subgroups.retained"), key: "retained", .number),
                    Column(l.text("report.subgroups.with_a_meeting_held"), key: "retention_denominator", .number),
                    Column(l.text("report.subgroups.retention"), key: "retention_rate", .rate),
                    .interval(l.text("report.subgroups.95_ci"), prefix: "retention_", rate: true),
                    Column(l.text("report.subgroups.re_employed"), key: "reemployed", .number),
                    Column(l.text("report.subgroups.re_employment"), key: "reemployment_rate", .rate),
                    .interval(l.text("report.subgroups.95_ci"), prefix: "reemployment_", rate: true),
                    Column(l.text("report.subgroups.in_work_after_leaving"), key: "in_work_6m_after_leaving", .number),
                    Column(l.text("report.subgroups.left_and_observed"), key: "left_observed_6m", .number),
                    Column(l.text("report.subgroups.in_work_after_leaving_share"), key: "in_work_6m_after_leaving_rate", .rate),
                    .interval(l.text("report.subgroups.95_ci"), prefix: "in_work_6m_after_leaving_", rate: true),
                ],
                rows: rows)
        ] + subgroupWellbeing(subgroups)
    }

    /// Wellbeing change by level: every instrument and wave, the people with
    /// both questionnaires, the mean change and its interval.
    func subgroupWellbeing(_ subgroups: ReleasedSubgroups) -> [ReportDocument.Block] {
        let l = language
        let rows: [[Cell]] = subgroups.levels.flatMap { item in
            item.evaluation.wellbeing.map { w in
                [.text(words.level(item.level, of: subgroups.attribute)), .text(w.instrument.id), .text(words.wave(w.wave))]
                    + changeCells(w)
            }
        }
        guard !rows.isEmpty else { return [] }
        return [
            table(
                id: "by_\(Self.fileSafe(subgroups.attribute))_wellbeing",
                caption: l.text("report.subgroups.wellbeing_change_by_people_with_both", words.attribute(subgroups.attribute)),
                columns: [
                    Column(l.text("report.subgroups.level"), key: "level"),
                    Column(l.text("report.subgroups.instrument"), key: "instrument"),
                    Column(l.text("report.subgroups.questionnaire"), key: "wave"),
                ] + changeColumns,
                rows: rows)
        ]
    }

    /// A table id from an attribute name (`service:support_pact` → `service_support_pact`).
    static func fileSafe(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
