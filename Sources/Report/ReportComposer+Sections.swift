import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    /// The technical appendix (METHODS §6): the survival method, then each unit's
    /// appendix tables (the retention curve; the wellbeing tests, effect sizes, reliable
    /// change, attrition and instrument quality), then the method notes.
    var appendixSection: [ReportDocument.Block] {
        let l = language
        return [
            .heading(level: 2, text: l.text("report.sections.technical_appendix")), .paragraph(l.text("report.sections.survival_method")),
        ]
            + units(.appendix) + methodNotes
    }

    var methodNotes: [ReportDocument.Block] {
        let l = language
        let c = configuration
        let events = c.reemploymentEvents.map { words.outcomeType($0).lowercased() }.joined(separator: ", ")
        return [
            .heading(level: 3, text: l.text("report.sections.definitions_and_method")),
            .bullets([
                l.text("report.sections.attendance_rate_meetings_attended_meetings_held"),
                l.text(
                    "report.sections.retained_attendance_rate_intervals_for_rates", c.retentionInclusive ? "≥" : ">",
                    l.threshold(c.retentionThreshold)),
                l.text(
                    "report.sections.re_employed_at_least_one_work", events,
                    c.windowDays > 0 ? l.text("report.sections.or_enrolment_plus_days", c.windowDays) : ""),
                l.text("report.sections.wellbeing_change_later_wave_baseline_paired"),
                l.text("report.sections.no_participant_identifier_appears_in_this"),
            ]),
        ]
    }

    var provenanceSection: [ReportDocument.Block] {
        let l = language
        let c = configuration
        let rows: [[Cell]] = release.imports.map { i in
            [
                .text(words.fileKind(i.kind)), .text(i.file), .text(i.sha256), Cell(l.count(i.rows), csv: .integer(i.rows)),
                .text(i.importedAt),
            ]
        }
        let events = c.reemploymentEvents.map { words.outcomeType($0).lowercased() }.joined(separator: ", ")
        return [
            .heading(level: 2, text: l.text("report.sections.data_provenance")),
            .table(
                ReportTable(
                    id: "provenance", caption: l.text("report.sections.imported_files"),
                    columns: [
                        Column(l.text("report.sections.kind"), key: "kind"), Column(l.text("report.sections.file"), key: "file"),
                        Column("SHA-256", key: "sha256"),
                        Column(l.text("report.sections.rows"), key: "rows", .number),
                        Column(l.text("report.sections.imported_at_utc"), key: "imported_at"),
                    ],
                    rows: rows)),
            .paragraph(
                l.text(
                    "report.sections.engine_parameters_retention_threshold_suppression_threshold", Engine.name, Engine.version,
                    l.number(c.retentionThreshold), c.retentionInclusive ? "≥" : ">", c.suppressionThreshold, c.suppressionRound, events,
                    l.text(c.breakdown == .best ? "words.breakdown.best" : "words.breakdown.first"), c.windowDays)),
        ]
    }
}
