import EvaluationDomain
import Foundation
import Indicators
import Ingest
import Statistics
import Store

/// `compare --out DIR`: `comparison.md` and `tables/comparison_*.csv`, laid
/// out from a `Comparison` (in the report's language); odds and hazard ratios
/// are shown beside the log-scale estimates.
public struct ComparisonReport: Sendable {
    public let release: ReleasedComparison
    public let language: ReportLanguage
    public var csvFormat: CSVFormat = .rfc4180

    public init(_ release: ReleasedComparison, language: ReportLanguage) {
        self.release = release
        self.language = language
    }

    var comparison: Comparison { release.comparison }
    var disclosure: Disclosure { release.policy }

    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column

    func num(_ x: Double?, _ digits: Int = 3) -> Cell {
        guard let x, x.isFinite else { return Cell("–", csv: .empty) }
        return Cell(language.number(x, digits: digits), csv: .number(x, digits: 8))
    }

    func count(_ r: Released<Int>) -> Cell {
        switch r {
        case .value(let n): return Cell(language.count(n), csv: .integer(n))
        case .suppressed: return Cell(disclosure.suppressedMarker, csv: .text(Disclosure.confidentialMarker), withheld: .suppressed)
        case .confidential:
            return Cell(Disclosure.confidentialMarker, csv: .text(Disclosure.confidentialMarker), withheld: .confidential)
        case .notComputable: return Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
        }
    }

    func num(_ r: Released<Double>) -> Cell {
        switch r {
        case .value(let x): return num(x)
        case .suppressed, .confidential:
            return Cell(Disclosure.confidentialMarker, csv: .text(Disclosure.confidentialMarker), withheld: .confidential)
        case .notComputable: return Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
        }
    }

    func p(_ x: Double?) -> Cell {
        guard let x else { return Cell("–", csv: .empty) }
        return Cell(
            x < 0.001 ? "<" + language.number(0.001, digits: 3) : language.number(x, digits: 3),
            csv: .significant(Swift.max(x, .leastNormalMagnitude), digits: 6))
    }

    func ci(_ lo: Double?, _ hi: Double?, transform: (Double) -> Double = { $0 }) -> Cell {
        guard let lo, let hi else { return Cell("–", values: [.empty, .empty]) }
        let text = "\(language.number(transform(lo), digits: 3)) – \(language.number(transform(hi), digits: 3))"
        return Cell(text, values: [.number(transform(lo), digits: 8), .number(transform(hi), digits: 8)])
    }

    public var document: ReportDocument {
        let l = language
        let c = comparison
        var blocks: [ReportDocument.Block] = []
        if !disclosure.isApplied {
            blocks.append(.paragraph(UnsuppressedStamp.text(l)))
        }
        blocks.append(
            .paragraph(
                l.t(
                    "Levels of **\(c.attribute)** compared, reference **\(c.referenceLevel)**, among participants enrolled by \(c.to.iso8601). Clusters: \(c.clusters) groups (\(c.levels.map { "\($0): \(c.groupsPerLevel[$0] ?? 0)" }.joined(separator: ", "))). Adjusted for: \(c.adjust.isEmpty ? "nothing" : c.adjust.joined(separator: ", ")).",
                    "Confronto dei valori di **\(c.attribute)**, riferimento **\(c.referenceLevel)**, tra gli iscritti entro il \(c.to.iso8601). Cluster: \(c.clusters) gruppi (\(c.levels.map { "\($0): \(c.groupsPerLevel[$0] ?? 0)" }.joined(separator: ", "))). Aggiustato per: \(c.adjust.isEmpty ? "nulla" : c.adjust.joined(separator: ", "))."
                )))
        if !c.warnings.isEmpty { blocks.append(.bullets(c.warnings)) }

        var levelRows: [[Cell]] = []
        var differenceRows: [[Cell]] = []
        var modelRows: [[Cell]] = []
        var otherRows: [[Cell]] = []
        var notes: [String] = []
        for (o, levels) in zip(c.outcomes, release.levels) {
            for level in levels {
                levelRows.append([.text(o.outcome), .text(level.level), count(level.n), num(level.estimate)])
            }
            for d in o.differences where o.kind != .survival {
                differenceRows.append([.text(o.outcome), .text(d.level), num(d.estimate), ci(d.ciLow, d.ciHigh)])
            }
            for t in o.adjusted {
                let ratio = t.model.isRatio ? num(t.estimate.map { exp($0) }) : Cell("", csv: .empty)
                let robust = t.model.usesGroupedSandwich
                modelRows.append([
                    .text(o.outcome), .text(t.term), .text(t.model.rawValue), num(t.estimate), ratio, num(t.seModel), p(t.pModel),
                    num(robust ? t.seRobust : t.seCR2), num(robust ? nil : t.dfCR2, 1), p(robust ? t.pRobust : t.pCR2),
                    robust
                        ? ci(t.ciLowRobust, t.ciHighRobust, transform: exp)
                        : ci(t.ciLowCR2, t.ciHighCR2, transform: t.model.isRatio ? exp : { $0 }),
                ])
            }
            otherRows.append([
                .text(o.outcome), num(o.icc), p(o.randomization?.p),
                o.randomization.map { Cell("\($0.relabelings)\($0.exact ? "" : " (Monte Carlo)")", csv: .integer($0.relabelings)) }
                    ?? Cell(o.randomizationNote ?? "–", csv: .text(o.randomizationNote ?? "")),
                num(o.mixed?.first?.estimate), num(o.mixed?.first?.se), num(o.mixed?.first?.sdGroup), num(o.mixed?.first?.sdResidual),
            ])
            let warnings = o.warnings + [o.adjustedWarning, o.mixedWarning].compactMap { $0 }
            for w in warnings { notes.append("\(o.outcome): \(w)") }
            if o.droppedMissingCovariates > 0 {
                notes.append(
                    "\(o.outcome): \(o.droppedMissingCovariates) participant(s) left out of the adjusted models for a missing covariate")
            }
        }
        blocks.append(.heading(level: 2, text: l.t("Outcomes by level", "Esiti per valore")))
        blocks.append(
            .table(
                ReportTable(
                    id: "comparison_levels",
                    caption: l.t(
                        "Share (binary), mean (continuous) or Kaplan–Meier median days (time to job)",
                        "Quota (binari), media (continui) o mediana di Kaplan–Meier in giorni (tempo al lavoro)"),
                    columns: [
                        Column(l.t("Outcome", "Esito"), key: "outcome"), Column(l.t("Level", "Valore"), key: "level"),
                        Column("n", key: "n", .number), Column(l.t("Estimate", "Stima"), key: "estimate", .number),
                    ],
                    rows: levelRows,
                    footnote: MarkerFootnote.text(for: levelRows, policy: disclosure, language: l))))
        blocks.append(
            .table(
                ReportTable(
                    id: "comparison_differences",
                    caption: l.t(
                        "Unadjusted difference from the reference (risk difference with Newcombe's interval; mean difference with Welch's)",
                        "Differenza non aggiustata dal riferimento (differenza di rischio con intervallo di Newcombe; di medie con Welch)"),
                    columns: [
                        Column(l.t("Outcome", "Esito"), key: "outcome"), Column(l.t("Level", "Valore"), key: "level"),
                        Column(l.t("Difference", "Differenza"), key: "estimate", .number), .interval(l.t("95% CI", "IC 95%")),
                    ],
                    rows: differenceRows)))
        blocks.append(.heading(level: 2, text: l.t("Adjusted models", "Modelli aggiustati")))
        blocks.append(
            .table(
                ReportTable(
                    id: "comparison_models",
                    caption: l.t(
                        "Estimates on the model's scale (log-odds, mean difference, log hazard ratio) with the odds or hazard ratio; cluster-robust errors by group: CR2 with Satterthwaite df (logistic, linear), grouped sandwich (Cox); the interval is on the ratio scale for logistic and Cox",
                        "Stime sulla scala del modello (log-odds, differenza di medie, log hazard ratio) con odds o hazard ratio; errori robusti per gruppo: CR2 con gdl di Satterthwaite (logistico, lineare), sandwich per gruppo (Cox); l'intervallo è sulla scala del rapporto per logistico e Cox"
                    ),
                    columns: [
                        Column(l.t("Outcome", "Esito"), key: "outcome"), Column(l.t("Term", "Termine"), key: "term"),
                        Column(l.t("Model", "Modello"), key: "model"), Column(l.t("Estimate", "Stima"), key: "estimate", .number),
                        Column("OR/HR", key: "ratio", .number), Column(l.t("SE (model)", "ES (modello)"), key: "se_model", .number),
                        Column(l.t("p (model)", "p (modello)"), key: "p_model", .number),
                        Column(l.t("SE (robust)", "ES (robusto)"), key: "se_robust", .number),
                        Column(l.t("df", "gdl"), key: "df_robust", .number),
                        Column(l.t("p (robust)", "p (robusto)"), key: "p_robust", .number),
                        .interval(l.t("95% CI (robust)", "IC 95% (robusto)"), prefix: "robust_"),
                    ],
                    rows: modelRows)))
        blocks.append(
            .table(
                ReportTable(
                    id: "comparison_cluster",
                    caption: l.t(
                        "ICC (random-intercept model, REML), group-level randomization test, and the random-intercept model's estimate",
                        "ICC (modello a intercetta casuale, REML), test di randomizzazione per gruppi e stima del modello a intercetta casuale"
                    ),
                    columns: [
                        Column(l.t("Outcome", "Esito"), key: "outcome"), Column("ICC", key: "icc", .number),
                        Column(l.t("p (randomization)", "p (randomizzazione)"), key: "p_randomization", .number),
                        Column(l.t("Relabelings", "Rietichettature"), key: "relabelings"),
                        Column(l.t("Mixed estimate", "Stima mista"), key: "mixed_estimate", .number),
                        Column(l.t("Mixed SE", "ES misto"), key: "mixed_se", .number),
                        Column(l.t("SD groups", "DS gruppi"), key: "sd_group", .number),
                        Column(l.t("SD residual", "DS residua"), key: "sd_residual", .number),
                    ],
                    rows: otherRows)))
        if let forest = forestFigure { blocks.append(forest.block) }
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, text: l.t("Warnings", "Avvertenze")))
            blocks.append(.bullets(notes))
        }
        return ReportDocument(title: l.t("Comparison by \(c.attribute)", "Confronto per \(c.attribute)"), blocks: blocks)
    }

    /// Odds and hazard ratios of the by-terms with their cluster-robust 95%
    /// intervals, on a log axis (a forest plot of the binary and survival outcomes).
    public var forestFigure: ReportFigure? {
        let l = language
        var rows: [ForestPlot.Row] = []
        for o in comparison.outcomes {
            for t in o.adjusted where comparison.levels.dropFirst().contains(t.term) {
                guard let ratioName = t.model.ratioName else { continue }
                let low = t.model.usesGroupedSandwich ? t.ciLowRobust : t.ciLowCR2
                let high = t.model.usesGroupedSandwich ? t.ciHighRobust : t.ciHighCR2
                let label = "\(o.outcome) — \(t.term) (\(ratioName))"
                rows.append(
                    ForestPlot.Row(
                        label: label,
                        estimate: t.estimate.map { ChartEstimate(exp($0), lower: low.map { exp($0) }, upper: high.map { exp($0) }) },
                        missingText: l.t("not estimable", "non stimabile")))
            }
        }
        guard !rows.isEmpty else { return nil }
        let chart = ForestPlot(
            id: "comparison_forest",
            labels: ChartLabels(
                title: l.t("\(comparison.attribute): adjusted ratios", "\(comparison.attribute): rapporti aggiustati"),
                subtitle: l.t(
                    "Reference: \(comparison.referenceLevel); 95% cluster-robust intervals",
                    "Riferimento: \(comparison.referenceLevel); intervalli robusti per gruppo al 95%"),
                xAxis: l.t("Odds or hazard ratio (log scale)", "Odds o hazard ratio (scala logaritmica)"),
                description: l.t(
                    "Odds ratios (re-employment, retention) and hazard ratio (time to job) of each level against the reference.",
                    "Odds ratio (inserimento, permanenza) e hazard ratio (tempo al lavoro) di ogni valore rispetto al riferimento.")),
            rows: rows, reference: 1, logarithmic: true)
        return ReportFigure(chart: chart, caption: l.t("Adjusted odds and hazard ratios", "Odds e hazard ratio aggiustati"), language: l)
    }

    /// The Markdown text.
    public var markdown: String { MarkdownRenderer().render(document) }

    /// Writes `comparison.md`, `tables/comparison_*.csv` and `comparison.json` into `directory`.
    public func write(to directory: String) throws {
        let doc = document
        var files: [(String, Data)] = [("comparison.md", Data(MarkdownRenderer().render(doc).utf8))]
        let writer = CSVWriter(format: csvFormat)
        for table in doc.tables {
            files.append(("tables/\(table.id).csv", try writer.encode(header: table.header, rows: table.tidyRows)))
        }
        files.append(("comparison.json", Data(ComparisonJSON(release).document.serialised().utf8)))
        if let forest = forestFigure { files.append((forest.path, Data(forest.svg.utf8))) }
        try ReportWriter(csvFormat: csvFormat).write(files, to: directory)
    }
}
