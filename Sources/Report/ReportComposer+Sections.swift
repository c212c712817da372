import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    /// The lay wellbeing table: the instrument by name, the people with both
    /// questionnaires, the two means, the change with its interval and how
    /// many improved by at least the minimal important difference.
    var wellbeingSection: [ReportDocument.Block] {
        let l = language
        let changes = release.wellbeing
        guard !changes.isEmpty else { return [] }
        let none = Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
        let rows: [[Cell]] = changes.map { w in
            let mid = w.midChange.map { [count($0.improved), count($0.unchanged), count($0.deteriorated)] }
            return [
                .text(words.instrument(w.instrument.id)), .text(words.wave(w.wave)),
            ] + changeCells(w) + [
                w.instrument.mid.map { Cell(l.number($0, digits: 1), csv: .number($0, digits: 6)) } ?? none
            ] + (mid ?? [none, none, none])
        }
        return [
            .heading(level: 2, text: l.text("report.sections.wellbeing_change")),
            table(
                id: "wellbeing",
                caption: l.text("report.sections.change_from_the_start_later_questionnaire"),
                columns: [
                    Column(l.text("report.sections.instrument"), key: "instrument"),
                    Column(l.text("report.sections.questionnaire"), key: "wave"),
                ] + changeColumns + [
                    Column(l.text("report.sections.mid"), key: "mid", .number),
                    Column(l.text("report.sections.improved_by_the_mid"), key: "mid_improved", .number),
                    Column(l.text("report.sections.within_the_mid"), key: "mid_unchanged", .number),
                    Column(l.text("report.sections.worse_by_the_mid"), key: "mid_deteriorated", .number),
                ],
                rows: rows),
        ] + leftOutNote
    }

    /// "Questionnaires left out of scoring (too many blank items): WEMWBS at the start 3, at the end 1."
    /// (METHODS §9 *Missing questionnaire items*), only when there are any.
    var leftOutNote: [ReportDocument.Block] {
        let l = language
        var counts: [(instrument: String, counts: [String])] = []
        for w in release.wellbeing {
            if counts.last?.instrument != w.instrument.id {
                counts.append((w.instrument.id, []))
                if w.leftOutBlankItemsBaseline != .value(0) {
                    counts[counts.count - 1].counts.append(l.text("report.sections.at_the_start") + inline(w.leftOutBlankItemsBaseline))
                }
            }
            if w.leftOutBlankItems != .value(0) {
                let when = w.wave == .end ? l.text("report.sections.at_the_end") : l.text("report.sections.at_follow_up")
                counts[counts.count - 1].counts.append(when + inline(w.leftOutBlankItems))
            }
        }
        let parts = counts.filter { !$0.counts.isEmpty }.map { "\($0.instrument) " + $0.counts.joined(separator: ", ") }
        guard !parts.isEmpty else { return [] }
        return [
            .paragraph(
                l.text("report.sections.questionnaires_left_out_of_scoring_because")
                    + parts.joined(separator: "; ") + ".")
        ]
    }

    /// A wellbeing change's columns in every table that shows one: the people
    /// with both questionnaires, the two means, the change and its interval.
    var changeColumns: [Column] {
        let l = language
        return [
            Column(l.text("report.sections.people"), key: "n_pairs", .number),
            Column(l.text("report.sections.mean_at_start"), key: "mean_baseline", .number),
            Column(l.text("report.sections.mean_later"), key: "mean_followup", .number),
            Column(l.text("report.sections.mean_change"), key: "mean_change", .number), .interval(l.text("report.sections.95_ci")),
        ]
    }

    /// The cells of `changeColumns`.
    func changeCells(_ w: ReleasedWellbeingChange) -> [Cell] {
        [count(w.pairs), number(w.meanBaseline), number(w.meanWave), number(w.meanChange), interval(w.changeLow, w.changeHigh)]
    }

    /// The technical appendix (METHODS §6): tests, effect sizes, reliable
    /// change, attrition, instrument quality and the method notes.
    var appendixSection: [ReportDocument.Block] {
        let l = language
        let changes = release.wellbeing
        // The curve's full table and the survival terms belong here; the figure stays in the body.
        var blocks: [ReportDocument.Block] =
            [.heading(level: 2, text: l.text("report.sections.technical_appendix")), .paragraph(l.text("report.sections.survival_method"))]
            + retentionCurveSection
        if !changes.isEmpty {
            let none = Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
            let statistics: [[Cell]] = changes.map { w in
                let rci = w.reliableChange.map { [count($0.improved), count($0.unchanged), count($0.deteriorated)] }
                return [
                    .text(w.instrument.id), .text(words.wave(w.wave)), count(w.pairs), pValue(w.pPairedT), pValue(w.pWilcoxon),
                    number(w.cohenDz), interval(w.cohenDzLow, w.cohenDzHigh), number(w.hedgesGav),
                    interval(w.hedgesGavLow, w.hedgesGavHigh), number(w.alphaBaseline),
                ] + (rci ?? [none, none, none])
            }
            let attrition: [[Cell]] = changes.map { w in
                let a = w.attrition
                let norm =
                    w.instrument.normMean.map { m in
                        Cell.text(
                            l.number(m) + (w.instrument.normSD.map { " (SD \(l.number($0)))" } ?? "")
                                + (w.instrument.normSource.map { ", \($0)" } ?? ""))
                    } ?? none
                return [
                    .text(w.instrument.id), .text(words.wave(w.wave)), count(a.completers), number(a.meanCompleters),
                    count(a.dropouts), number(a.meanDropouts), pValue(a.pWelch), count(a.dropoutsInRunningGroups), norm,
                ]
            }
            let quality: [[Cell]] = release.instrumentQuality.map { q in
                [.text(q.instrument), .text(words.wave(q.wave)), count(q.n), number(q.alpha), interval(q.low, q.high)]
            }
            blocks +=
                [
                    table(
                        id: "wellbeing_statistics",
                        caption: l.text("report.sections.wellbeing_change_tests_effect_sizes_cohens"),
                        columns: [
                            Column(l.text("report.sections.instrument"), key: "instrument"),
                            Column(l.text("report.sections.wave"), key: "wave"),
                            Column(l.text("report.sections.pairs"), key: "n_pairs", .number),
                            Column(l.text("report.sections.p_paired_t"), key: "p_paired_t", .number),
                            Column("p (Wilcoxon)", key: "p_wilcoxon", .number), Column("d_z", key: "cohen_dz", .number),
                            .interval(l.text("report.sections.d_z_95_ci"), prefix: "cohen_dz_"), Column("g_av", key: "hedges_gav", .number),
                            .interval(l.text("report.sections.g_av_95_ci"), prefix: "hedges_gav_"),
                            Column(l.text("report.sections.at_baseline"), key: "alpha_baseline", .number),
                            Column(l.text("report.sections.reliably_improved"), key: "reliably_improved", .number),
                            Column(l.text("report.sections.no_reliable_change"), key: "no_reliable_change", .number),
                            Column(l.text("report.sections.reliably_deteriorated"), key: "reliably_deteriorated", .number),
                        ],
                        rows: statistics),
                    table(
                        id: "wellbeing_attrition",
                        caption: l.text("report.sections.attrition_check_baseline_means_of_those"),
                        columns: [
                            Column(l.text("report.sections.instrument"), key: "instrument"),
                            Column(l.text("report.sections.wave"), key: "wave"),
                            Column(l.text("report.sections.with_the_wave"), key: "n_completers", .number),
                            Column(l.text("report.sections.their_baseline_mean"), key: "mean_baseline_completers", .number),
                            Column(l.text("report.sections.without"), key: "n_dropouts", .number),
                            Column(l.text("report.sections.their_baseline_mean"), key: "mean_baseline_dropouts", .number),
                            Column("p (Welch)", key: "p_welch", .number),
                            Column(l.text("report.sections.without_in_running_groups"), key: "n_dropouts_running_groups", .number),
                            Column(l.text("report.sections.population_reference"), key: "population_reference"),
                        ],
                        rows: attrition),
                    table(
                        id: "instrument_quality",
                        caption: l.text("report.sections.instrument_quality_cronbachs_complete_questionnaires_with"),
                        columns: [
                            Column(l.text("report.sections.instrument"), key: "instrument"),
                            Column(l.text("report.sections.wave"), key: "wave"),
                            Column("n", key: "n", .number), Column("α", key: "alpha", .number), .interval(l.text("report.sections.95_ci")),
                        ],
                        rows: quality),
                ] + lowAlphaNote
        }
        return blocks + methodNotes
    }

    /// An α below 0.5, or negative, beside what it usually means (a data problem
    /// more often than a poor scale), so that no one reads the scores without it.
    var lowAlphaNote: [ReportDocument.Block] {
        let l = language
        let flagged = release.instrumentQuality.compactMap { q -> String? in
            guard let alpha = q.alpha.shown, alpha < 0.5 else { return nil }
            let meaning = l.text(alpha < 0 ? "report.sections.alpha_negative_means" : "report.sections.alpha_low_means")
            return l.text(
                "report.sections.alpha_flag", words.instrument(q.instrument), words.wave(q.wave), l.number(alpha, digits: 2), meaning)
        }
        return flagged.isEmpty ? [] : [.bullets(flagged)]
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
