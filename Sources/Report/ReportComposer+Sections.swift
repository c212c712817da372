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
            .heading(level: 2, text: l.t("Wellbeing change", "Cambiamento nel benessere")),
            table(
                id: "wellbeing",
                caption: l.t(
                    "Change from the start (later questionnaire − first one) among people with both questionnaires; improved, unchanged and worse by at least the minimal important difference (MID)",
                    "Cambiamento dall'ingresso (questionario successivo − primo) tra chi ha entrambi i questionari; migliorati, stabili e peggiorati di almeno la differenza minima rilevante (DMR)"
                ),
                columns: [
                    Column(l.t("Instrument", "Strumento"), key: "instrument"), Column(l.t("Questionnaire", "Rilevazione"), key: "wave"),
                ] + changeColumns + [
                    Column(l.t("MID", "DMR"), key: "mid", .number),
                    Column(l.t("Improved by the MID", "Migliorati di almeno la DMR"), key: "mid_improved", .number),
                    Column(l.t("Within the MID", "Entro la DMR"), key: "mid_unchanged", .number),
                    Column(l.t("Worse by the MID", "Peggiorati di almeno la DMR"), key: "mid_deteriorated", .number),
                ],
                rows: rows),
        ] + leftOutNote
    }

    /// "Questionnaires left out of scoring (too many blank items): WEMWBS at the start 3, at the end 1."
    /// (DESIGN §9 *Missing questionnaire items*), only when there are any.
    var leftOutNote: [ReportDocument.Block] {
        let l = language
        var counts: [(instrument: String, counts: [String])] = []
        for w in release.wellbeing {
            if counts.last?.instrument != w.instrument.id {
                counts.append((w.instrument.id, []))
                if w.leftOutBlankItemsBaseline != .value(0) {
                    counts[counts.count - 1].counts.append(l.t("at the start ", "all'ingresso ") + inline(w.leftOutBlankItemsBaseline))
                }
            }
            if w.leftOutBlankItems != .value(0) {
                let when = w.wave == .end ? l.t("at the end ", "alla fine ") : l.t("at follow-up ", "al follow-up ")
                counts[counts.count - 1].counts.append(when + inline(w.leftOutBlankItems))
            }
        }
        let parts = counts.filter { !$0.counts.isEmpty }.map { "\($0.instrument) " + $0.counts.joined(separator: ", ") }
        guard !parts.isEmpty else { return [] }
        return [
            .paragraph(
                l.t(
                    "Questionnaires left out of scoring because more items were blank than the instrument allows: ",
                    "Questionari esclusi dal punteggio perché con più domande senza risposta di quante lo strumento ne ammetta: ")
                    + parts.joined(separator: "; ") + ".")
        ]
    }

    /// A wellbeing change's columns in every table that shows one: the people
    /// with both questionnaires, the two means, the change and its interval.
    var changeColumns: [Column] {
        let l = language
        return [
            Column(l.t("People", "Persone"), key: "n_pairs", .number),
            Column(l.t("Mean at start", "Media all'ingresso"), key: "mean_baseline", .number),
            Column(l.t("Mean later", "Media successiva"), key: "mean_followup", .number),
            Column(l.t("Mean change", "Cambiamento medio"), key: "mean_change", .number), .interval(l.t("95% CI", "IC 95%")),
        ]
    }

    /// The cells of `changeColumns`.
    func changeCells(_ w: ReleasedWellbeingChange) -> [Cell] {
        [count(w.pairs), number(w.meanBaseline), number(w.meanWave), number(w.meanChange), interval(w.changeLow, w.changeHigh)]
    }

    /// The technical appendix (DESIGN §6): tests, effect sizes, reliable
    /// change, attrition, instrument quality and the method notes.
    var appendixSection: [ReportDocument.Block] {
        let l = language
        let changes = release.wellbeing
        var blocks: [ReportDocument.Block] = [
            .heading(level: 2, text: l.t("Technical appendix", "Appendice tecnica"))
        ]
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
                        l.number(m) + (w.instrument.normSD.map { " (SD \(l.number($0)))" } ?? "")
                            + (w.instrument.normSource.map { ", \($0)" } ?? "")
                    } ?? "–"
                return [
                    .text(w.instrument.id), .text(words.wave(w.wave)), count(a.completers), number(a.meanCompleters),
                    count(a.dropouts), number(a.meanDropouts), pValue(a.pWelch), count(a.dropoutsInRunningGroups), .text(norm),
                ]
            }
            let quality: [[Cell]] = release.instrumentQuality.map { q in
                [.text(q.instrument), .text(words.wave(q.wave)), count(q.n), number(q.alpha), interval(q.low, q.high)]
            }
            blocks += [
                table(
                    id: "wellbeing_statistics",
                    caption: l.t(
                        "Wellbeing change: tests, effect sizes (Cohen's d_z, Hedges' g_av with 95% CIs), Cronbach's α at baseline and reliable change (Jacobson–Truax)",
                        "Cambiamento nel benessere: test, dimensioni dell'effetto (d_z di Cohen, g_av di Hedges con IC 95%), α di Cronbach all'ingresso e cambiamento affidabile (Jacobson–Truax)"
                    ),
                    columns: [
                        Column(l.t("Instrument", "Strumento"), key: "instrument"), Column(l.t("Wave", "Rilevazione"), key: "wave"),
                        Column(l.t("Pairs", "Coppie"), key: "n_pairs", .number),
                        Column(l.t("p (paired t)", "p (t appaiato)"), key: "p_paired_t", .number),
                        Column("p (Wilcoxon)", key: "p_wilcoxon", .number), Column("d_z", key: "cohen_dz", .number),
                        .interval(l.t("d_z 95% CI", "IC 95% d_z"), prefix: "cohen_dz_"), Column("g_av", key: "hedges_gav", .number),
                        .interval(l.t("g_av 95% CI", "IC 95% g_av"), prefix: "hedges_gav_"),
                        Column(l.t("α at baseline", "α all'ingresso"), key: "alpha_baseline", .number),
                        Column(l.t("Reliably improved", "Miglioramento affidabile"), key: "reliably_improved", .number),
                        Column(l.t("No reliable change", "Nessun cambiamento affidabile"), key: "no_reliable_change", .number),
                        Column(l.t("Reliably deteriorated", "Peggioramento affidabile"), key: "reliably_deteriorated", .number),
                    ],
                    rows: statistics),
                table(
                    id: "wellbeing_attrition",
                    caption: l.t(
                        "Attrition check: baseline means of those with and without the later wave (Welch test); dropouts in groups still running have not had their chance yet",
                        "Controllo dell'abbandono: medie all'ingresso di chi ha e non ha la rilevazione successiva (test di Welch); chi appartiene a gruppi ancora in corso non ha ancora avuto l'occasione"
                    ),
                    columns: [
                        Column(l.t("Instrument", "Strumento"), key: "instrument"), Column(l.t("Wave", "Rilevazione"), key: "wave"),
                        Column(l.t("With the wave", "Con la rilevazione"), key: "n_completers", .number),
                        Column(l.t("Their baseline mean", "Loro media all'ingresso"), key: "mean_baseline_completers", .number),
                        Column(l.t("Without", "Senza"), key: "n_dropouts", .number),
                        Column(l.t("Their baseline mean", "Loro media all'ingresso"), key: "mean_baseline_dropouts", .number),
                        Column("p (Welch)", key: "p_welch", .number),
                        Column(l.t("Without, in running groups", "Senza, in gruppi in corso"), key: "n_dropouts_running_groups", .number),
                        Column(l.t("Population reference", "Riferimento di popolazione"), key: "population_reference"),
                    ],
                    rows: attrition),
                table(
                    id: "instrument_quality",
                    caption: l.t(
                        "Instrument quality: Cronbach's α (complete questionnaires) with Feldt 95% CI",
                        "Qualità degli strumenti: α di Cronbach (questionari completi) con IC 95% di Feldt"),
                    columns: [
                        Column(l.t("Instrument", "Strumento"), key: "instrument"), Column(l.t("Wave", "Rilevazione"), key: "wave"),
                        Column("n", key: "n", .number), Column("α", key: "alpha", .number), .interval(l.t("95% CI", "IC 95%")),
                    ],
                    rows: quality),
            ]
        }
        return blocks + methodNotes
    }

    var methodNotes: [ReportDocument.Block] {
        let l = language
        let c = configuration
        let events = c.reemploymentEvents.map { words.outcomeType($0).lowercased() }.joined(separator: ", ")
        return [
            .heading(level: 3, text: l.t("Definitions and method", "Definizioni e metodo")),
            .bullets([
                l.t(
                    "Attendance rate: meetings attended ÷ meetings held in the participant's group from their enrolment to the period end; meetings after leaving count as missed, cancelled meetings count for nothing.",
                    "Tasso di frequenza: incontri frequentati ÷ incontri svolti nel gruppo dalla data di iscrizione alla fine del periodo; gli incontri dopo il ritiro contano come assenze, quelli annullati non contano."
                ),
                l.t(
                    "Retained: attendance rate \(c.retentionInclusive ? "≥" : ">") \(l.threshold(c.retentionThreshold)). Intervals for rates are Wilson score 95% intervals.",
                    "Frequenza regolare: tasso di frequenza \(c.retentionInclusive ? "≥" : ">") \(l.threshold(c.retentionThreshold)). Gli intervalli dei tassi sono intervalli di Wilson al 95%."
                ),
                l.t(
                    "Re-employed: at least one work experience (\(events)) on or after enrolment and on or before the end of observation (the period end, or the last follow-up if earlier\(c.windowDays > 0 ? ", or enrolment + \(c.windowDays) days" : "")).",
                    "Inserito: almeno un'esperienza di lavoro (\(events)) dalla data di iscrizione alla fine dell'osservazione (fine del periodo, o ultimo contatto se precedente\(c.windowDays > 0 ? ", o iscrizione + \(c.windowDays) giorni" : ""))."
                ),
                l.t(
                    "Wellbeing: change = later wave − baseline; paired t test and 95% t interval; Wilcoxon signed-rank test as R's wilcox.test(paired = TRUE); Cohen's d_z = mean change ÷ sd of change with a noncentral-t 95% interval; Hedges' g_av (Lakens 2013); reliable change by the Jacobson–Truax index (|RCI| ≥ 1.96) with the published reliability or α at baseline.",
                    "Benessere: cambiamento = rilevazione successiva − ingresso; test t per dati appaiati e intervallo t al 95%; test dei ranghi con segno di Wilcoxon come wilcox.test(paired = TRUE) di R; d_z di Cohen = cambiamento medio ÷ deviazione standard del cambiamento con intervallo al 95% dalla t non centrale; g_av di Hedges (Lakens 2013); cambiamento affidabile con l'indice di Jacobson–Truax (|RCI| ≥ 1,96) con l'affidabilità pubblicata o l'α all'ingresso."
                ),
                l.t(
                    "No participant identifier appears in this report or its tables.",
                    "Nessun codice di partecipante compare nel rapporto o nelle tabelle."),
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
            .heading(level: 2, text: l.t("Data provenance", "Provenienza dei dati")),
            .table(
                ReportTable(
                    id: "provenance", caption: l.t("Imported files", "File importati"),
                    columns: [
                        Column(l.t("Kind", "Tipo"), key: "kind"), Column("File", key: "file"), Column("SHA-256", key: "sha256"),
                        Column(l.t("Rows", "Righe"), key: "rows", .number),
                        Column(l.t("Imported at (UTC)", "Importato il (UTC)"), key: "imported_at"),
                    ],
                    rows: rows)),
            .paragraph(
                l.t(
                    "Engine: \(Engine.name) \(Engine.version). Parameters: retention threshold \(l.number(c.retentionThreshold)) (\(c.retentionInclusive ? "≥" : ">")), suppression threshold \(c.suppressionThreshold), rounding \(c.suppressionRound), re-employment events \(events), breakdown by \(c.breakdown == .best ? "best" : "first") event, window \(c.windowDays) days.",
                    "Motore: \(Engine.name) \(Engine.version). Parametri: soglia di permanenza \(l.number(c.retentionThreshold)) (\(c.retentionInclusive ? "≥" : ">")), soglia di oscuramento \(c.suppressionThreshold), arrotondamento \(c.suppressionRound), esiti considerati \(events), classificazione per esito \(c.breakdown == .best ? "migliore" : "primo"), finestra \(c.windowDays) giorni."
                )),
        ]
    }
}
