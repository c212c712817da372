import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

extension ReportComposer {
    var wellbeingSection: [ReportDocument.Block] {
        let l = language
        let changes = release.wellbeing
        guard !changes.isEmpty else { return [] }
        let rows: [[Cell]] = changes.map { w in
            let rci = w.reliableChange.map { [count($0.improved), count($0.unchanged), count($0.deteriorated)] }
            return [
                .text(w.instrument.id), .text(Self.waveName(w.wave, l)), count(w.pairs),
                number(w.meanBaseline), number(w.meanWave), number(w.meanChange), interval(w.changeLow, w.changeHigh),
                pValue(w.pPairedT), pValue(w.pWilcoxon), number(w.cohenDz), interval(w.cohenDzLow, w.cohenDzHigh),
                number(w.hedgesGav), number(w.alphaBaseline),
            ] + (rci ?? Array(repeating: Cell("–", csv: .text(Disclosure.notComputableCSVMarker)), count: 3))
        }
        let quality: [[Cell]] = release.instrumentQuality.map { q in
            [.text(q.instrument), .text(Self.waveName(q.wave, l)), count(q.n), number(q.alpha), interval(q.low, q.high)]
        }
        let attrition: [[Cell]] = changes.map { w in
            let a = w.attrition
            let norm =
                w.instrument.normMean.map { m in
                    l.number(m) + (w.instrument.normSD.map { " (SD \(l.number($0)))" } ?? "")
                        + (w.instrument.normSource.map { ", \($0)" } ?? "")
                } ?? "–"
            return [
                .text(w.instrument.id), .text(Self.waveName(w.wave, l)), count(a.completers), number(a.meanCompleters),
                count(a.dropouts), number(a.meanDropouts), pValue(a.pWelch), count(a.dropoutsInRunningGroups), .text(norm),
            ]
        }
        return [
            .heading(level: 2, text: l.t("Wellbeing change", "Cambiamento nel benessere")),
            .table(
                ReportTable(
                    id: "wellbeing",
                    caption: l.t(
                        "Change from baseline (later wave − baseline) among people with both questionnaires",
                        "Cambiamento dall'ingresso (rilevazione successiva − ingresso) tra chi ha entrambi i questionari"),
                    columns: [
                        l.t("Instrument", "Strumento"), l.t("Wave", "Rilevazione"), l.t("Pairs", "Coppie"),
                        l.t("Mean at baseline", "Media all'ingresso"), l.t("Mean at wave", "Media alla rilevazione"),
                        l.t("Mean change", "Cambiamento medio"), l.t("95% CI (t)", "IC 95% (t)"),
                        l.t("p (paired t)", "p (t appaiato)"), l.t("p (Wilcoxon)", "p (Wilcoxon)"),
                        "d_z", l.t("d_z 95% CI", "IC 95% d_z"), "g_av", l.t("α at baseline", "α all'ingresso"),
                        l.t("Reliably improved", "Miglioramento affidabile"), l.t("No reliable change", "Nessun cambiamento affidabile"),
                        l.t("Reliably deteriorated", "Peggioramento affidabile"),
                    ],
                    rows: rows, numeric: [2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 15], footnote: footnote(for: rows))),
            table(
                id: "wellbeing_attrition",
                caption: l.t(
                    "Attrition check: baseline means of those with and without the later wave (Welch test); dropouts in groups still running have not had their chance yet",
                    "Controllo dell'abbandono: medie all'ingresso di chi ha e non ha la rilevazione successiva (test di Welch); chi appartiene a gruppi ancora in corso non ha ancora avuto l'occasione"
                ),
                columns: [
                    l.t("Instrument", "Strumento"), l.t("Wave", "Rilevazione"), l.t("With the wave", "Con la rilevazione"),
                    l.t("Baseline mean", "Media all'ingresso"), l.t("Without", "Senza"), l.t("Baseline mean", "Media all'ingresso"),
                    l.t("p (Welch)", "p (Welch)"), l.t("Without, in running groups", "Senza, in gruppi in corso"),
                    l.t("Population reference", "Riferimento di popolazione"),
                ],
                rows: attrition, numeric: [2, 3, 4, 5, 6, 7]),
            table(
                id: "instrument_quality",
                caption: l.t(
                    "Instrument quality: Cronbach's α (complete questionnaires) with Feldt 95% CI",
                    "Qualità degli strumenti: α di Cronbach (questionari completi) con IC 95% di Feldt"),
                columns: [l.t("Instrument", "Strumento"), l.t("Wave", "Rilevazione"), "n", "α", l.t("95% CI", "IC 95%")],
                rows: quality, numeric: [2, 3]),
        ]
    }

    var methodSection: [ReportDocument.Block] {
        let l = language
        let c = configuration
        return [
            .heading(level: 2, text: l.t("Definitions and method", "Definizioni e metodo")),
            .bullets([
                l.t(
                    "Attendance rate: meetings attended ÷ meetings held in the participant's group from their enrolment to the period end; meetings after leaving count as missed, cancelled meetings count for nothing.",
                    "Tasso di frequenza: incontri frequentati ÷ incontri svolti nel gruppo dalla data di iscrizione alla fine del periodo; gli incontri dopo il ritiro contano come assenze, quelli annullati non contano."
                ),
                l.t(
                    "Retained: attendance rate \(c.retentionInclusive ? "≥" : ">") \(l.percent(c.retentionThreshold)). Intervals for rates are Wilson score 95% intervals.",
                    "Trattenuto: tasso di frequenza \(c.retentionInclusive ? "≥" : ">") \(l.percent(c.retentionThreshold)). Gli intervalli dei tassi sono intervalli di Wilson al 95%."
                ),
                l.t(
                    "Re-employed: at least one \(c.reemploymentEvents.map(\.rawValue).joined(separator: ", ")) event on or after enrolment and on or before the end of observation (the period end, or the last follow-up if earlier\(c.windowDays > 0 ? ", or enrolment + \(c.windowDays) days" : "")).",
                    "Inserito: almeno un esito tra \(c.reemploymentEvents.map(\.rawValue).joined(separator: ", ")) dalla data di iscrizione alla fine dell'osservazione (fine del periodo, o ultimo contatto se precedente\(c.windowDays > 0 ? ", o iscrizione + \(c.windowDays) giorni" : ""))."
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
            [.text(i.kind.rawValue), .text(i.file), .text(i.sha256), Cell(l.count(i.rows), csv: .integer(i.rows)), .text(i.importedAt)]
        }
        return [
            .heading(level: 2, text: l.t("Data provenance", "Provenienza dei dati")),
            .table(
                ReportTable(
                    id: "provenance", caption: l.t("Imported files", "File importati"),
                    columns: [
                        l.t("Kind", "Tipo"), l.t("File", "File"), "SHA-256", l.t("Rows", "Righe"),
                        l.t("Imported at (UTC)", "Importato il (UTC)"),
                    ],
                    rows: rows, numeric: [3])),
            .paragraph(
                l.t(
                    "Engine: \(Engine.name) \(Engine.version). Parameters: retention threshold \(l.number(c.retentionThreshold)) (\(c.retentionInclusive ? "≥" : ">")), suppression threshold \(c.suppressionThreshold), rounding \(c.suppressionRound), re-employment events \(c.reemploymentEvents.map(\.rawValue).joined(separator: ", ")), breakdown \(c.breakdown.rawValue), window \(c.windowDays) days.",
                    "Motore: \(Engine.name) \(Engine.version). Parametri: soglia di permanenza \(l.number(c.retentionThreshold)) (\(c.retentionInclusive ? "≥" : ">")), soglia di oscuramento \(c.suppressionThreshold), arrotondamento \(c.suppressionRound), esiti considerati \(c.reemploymentEvents.map(\.rawValue).joined(separator: ", ")), classificazione \(c.breakdown.rawValue), finestra \(c.windowDays) giorni."
                )),
        ]
    }
}
