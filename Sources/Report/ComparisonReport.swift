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

    /// An outcome in words (`reemployed` → "re-employed" / "inserimento").
    func outcomeName(_ code: String) -> String {
        let l = language
        if code.hasPrefix("wellbeing_change:") {
            let instrument = String(code.dropFirst("wellbeing_change:".count))
            return l.t("wellbeing change \(instrument)", "cambiamento benessere \(instrument)")
        }
        switch code {
        case "reemployed": return l.t("re-employed", "inserimento lavorativo")
        case "retained": return l.t("retained", "frequenza regolare")
        case "attendance_rate": return l.t("attendance rate", "tasso di frequenza")
        case "time_to_job": return l.t("time to first job", "tempo al primo lavoro")
        default: return code
        }
    }

    /// A model term: a level of the compared attribute, a covariate (`age`) or
    /// a covariate's level (`sex:M`), in words; as written in the tidy table.
    func termCell(_ term: String) -> Cell {
        let words = ReportVocabulary(language)
        if comparison.levels.contains(term) { return levelCell(term) }
        if let colon = term.firstIndex(of: ":"), comparison.adjust.contains(String(term[..<colon])) {
            let name = String(term[..<colon])
            return Cell("\(words.attribute(name)): \(words.level(String(term[term.index(after: colon)...]), of: name))", csv: .text(term))
        }
        return Cell(words.attribute(term), csv: .text(term))
    }

    /// A model's name in the report's language (its code in the tidy table).
    func modelCell(_ model: AdjustedModel) -> Cell {
        let l = language
        let name: String
        switch model {
        case .logistic: name = l.t("logistic", "logistico")
        case .linear: name = l.t("linear", "lineare")
        case .cox: name = "Cox"
        }
        return Cell(name, csv: .text(model.rawValue))
    }

    /// An outcome cell: its words in the report, its code in the tidy table.
    func outcomeCell(_ code: String) -> Cell { Cell(outcomeName(code), csv: .text(code)) }

    /// A level cell: in words where the contract defines the code, as written in the tidy table.
    func levelCell(_ level: String) -> Cell {
        Cell(ReportVocabulary(language).level(level, of: comparison.attribute), csv: .text(level))
    }

    /// A per-level estimate: a share as a percentage for a binary outcome.
    func estimateCell(_ r: Released<Double>, kind: ComparisonOutcomeKind) -> Cell {
        guard kind == .binary, case .value(let x) = r else { return num(r) }
        return Cell(language.percent(x), csv: .number(x, digits: 8))
    }
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

    /// A risk difference in percentage points, as the shares beside it are percentages (a fraction in the tidy table).
    func points(_ x: Double?) -> Cell {
        guard let x, x.isFinite else { return Cell("–", csv: .empty) }
        return Cell(language.points(x), csv: .number(x, digits: 8))
    }

    func pointsInterval(_ lo: Double?, _ hi: Double?) -> Cell {
        guard let lo, let hi else { return Cell("–", values: [.empty, .empty]) }
        return Cell(
            "\(language.number(lo * 100, digits: 1)) – \(language.points(hi))", values: [.number(lo, digits: 8), .number(hi, digits: 8)])
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
        let words = ReportVocabulary(l)
        let name = words.attribute(c.attribute)
        let level = { (v: String) in words.level(v, of: c.attribute) }
        let perLevel = c.levels.map { "\(level($0)): \(c.groupsPerLevel[$0] ?? 0)" }.joined(separator: ", ")
        let covariates = c.adjust.map { words.attribute($0) }.joined(separator: ", ")
        blocks.append(
            .paragraph(
                l.t(
                    "Levels of **\(name)** compared, reference **\(level(c.referenceLevel))**, among participants enrolled by \(l.date(c.to)). Clusters: \(c.clusters) groups (\(perLevel)). Adjusted for: \(c.adjust.isEmpty ? "nothing" : covariates).",
                    "Confronto dei valori di **\(name)**, riferimento **\(level(c.referenceLevel))**, tra gli iscritti entro il \(l.date(c.to)). Cluster: \(c.clusters) gruppi (\(perLevel)). Aggiustato per: \(c.adjust.isEmpty ? "nulla" : covariates)."
                )))
        if c.constantWithinGroups {
            blocks.append(
                .paragraph(
                    l.t(
                        "\(name.prefix(1).uppercased() + name.dropFirst()) is the same for everyone in a group: the \(c.clusters) groups, not the participants, are the units of inference.",
                        "\(name.prefix(1).uppercased() + name.dropFirst()) è uguale per tutti i membri di un gruppo: le unità di inferenza sono i \(c.clusters) gruppi, non i partecipanti."
                    )))
        }
        blocks.append(.heading(level: 2, text: l.t("Before reading", "Prima di leggere")))
        let caveats = ComparisonCaveatText(language: l)
        blocks.append(.keyFigures(c.caveats.map { caveats.message($0, attribute: c.attribute) }))
        if let dropped = droppedSentence { blocks.append(.paragraph(dropped)) }
        let waves = c.outcomes.contains { $0.waves != nil }
        if waves {
            blocks.append(
                .paragraph(
                    l.t(
                        "Wellbeing change is compared from the first questionnaire (baseline) to the end one, among people with both.",
                        "Il cambiamento nel benessere è confrontato dal primo questionario (ingresso) a quello di fine, tra chi li ha entrambi."
                    )))
        }

        var levelRows: [[Cell]] = []
        var differenceRows: [[Cell]] = []
        var modelRows: [[Cell]] = []
        var otherRows: [[Cell]] = []
        var notes: [String] = []
        for (o, levels) in zip(c.outcomes, release.levels) {
            for level in levels {
                levelRows.append([
                    outcomeCell(o.outcome), levelCell(level.level), count(level.n), estimateCell(level.estimate, kind: o.kind),
                ])
            }
            for d in o.differences where o.kind != .survival {
                differenceRows.append(
                    o.kind == .binary
                        ? [outcomeCell(o.outcome), levelCell(d.level), points(d.estimate), pointsInterval(d.ciLow, d.ciHigh)]
                        : [outcomeCell(o.outcome), levelCell(d.level), num(d.estimate), ci(d.ciLow, d.ciHigh)])
            }
            for t in o.adjusted {
                let ratio = t.model.isRatio ? num(t.estimate.map { exp($0) }) : Cell("", csv: .empty)
                let robust = t.model.usesGroupedSandwich
                modelRows.append([
                    outcomeCell(o.outcome), termCell(t.term), modelCell(t.model), num(t.estimate), ratio, num(t.seModel), p(t.pModel),
                    num(robust ? t.seRobust : t.seCR2), num(robust ? nil : t.dfCR2, 1), p(robust ? t.pRobust : t.pCR2),
                    robust
                        ? ci(t.ciLowRobust, t.ciHighRobust, transform: exp)
                        : ci(t.ciLowCR2, t.ciHighCR2, transform: t.model.isRatio ? exp : { $0 }),
                ])
            }
            otherRows.append([
                outcomeCell(o.outcome), num(o.icc), p(o.randomization?.p),
                o.randomization.map { Cell("\($0.relabelings)\($0.exact ? "" : " (Monte Carlo)")", csv: .integer($0.relabelings)) }
                    ?? Cell(o.randomizationNote.map { ComparisonWarningText.text($0, l) } ?? "–", csv: .text(o.randomizationNote ?? "")),
                num(o.mixed?.first?.estimate), num(o.mixed?.first?.se), num(o.mixed?.first?.sdGroup), num(o.mixed?.first?.sdResidual),
            ])
            let warnings = o.warnings + [o.adjustedWarning, o.mixedWarning].compactMap { $0 }
            for w in warnings { notes.append("\(outcomeName(o.outcome)): \(ComparisonWarningText.text(w, l))") }
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
                        "Unadjusted difference from the reference (risk difference in percentage points with Newcombe's interval; mean difference with Welch's)",
                        "Differenza non aggiustata dal riferimento (differenza di rischio in punti percentuali con intervallo di Newcombe; di medie con Welch)"
                    ),
                    columns: [
                        Column(l.t("Outcome", "Esito"), key: "outcome"), Column(l.t("Level", "Valore"), key: "level"),
                        Column(l.t("Difference", "Differenza"), key: "estimate", .number), .interval(l.t("95% CI", "IC 95%")),
                    ],
                    rows: differenceRows)))
        blocks.append(
            .heading(
                level: 2,
                text: c.adjust.isEmpty ? l.t("Models", "Modelli") : l.t("Adjusted models", "Modelli aggiustati")))
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
        for figure in figures { blocks.append(figure.block) }
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, text: l.t("Warnings", "Avvertenze")))
            blocks.append(.bullets(notes))
        }
        return ReportDocument(title: l.t("Comparison by \(name)", "Confronto per \(name)"), blocks: blocks)
    }

    /// "Left out for a missing covariate", once: per level, for the outcome
    /// covering the whole cohort (re-employment).
    var droppedSentence: String? {
        guard !comparison.adjust.isEmpty, let levels = release.levels.first else { return nil }
        let shown = levels.map { level -> String in
            let n: String
            switch level.droppedMissingCovariates {
            case .value(let v): n = language.count(v)
            case .suppressed: n = disclosure.suppressedMarker
            default: n = Disclosure.confidentialMarker
            }
            return "\(ReportVocabulary(language).level(level.level, of: comparison.attribute)) \(n)"
        }
        guard levels.contains(where: { $0.droppedMissingCovariates != .value(0) }) else { return nil }
        return language.t(
            "Left out of the adjusted models for a missing covariate (\(comparison.adjust.joined(separator: ", "))): \(shown.joined(separator: ", ")).",
            "Esclusi dai modelli aggiustati per una covariata mancante (\(comparison.adjust.joined(separator: ", "))): \(shown.joined(separator: ", "))."
        )
    }

    /// The forest plots: ratios on a log axis, differences on a linear one.
    public var figures: [ReportFigure] { [ratioFigure, differenceFigure].compactMap { $0 } }

    /// A by-term's cluster-robust interval.
    static func interval(_ t: OutcomeComparison.AdjustedTerm) -> (Double?, Double?) {
        t.model.usesGroupedSandwich ? (t.ciLowRobust, t.ciHighRobust) : (t.ciLowCR2, t.ciHighCR2)
    }

    /// Odds and hazard ratios of the by-terms with their cluster-robust 95%
    /// intervals, on a log axis (a forest plot of the binary and survival outcomes).
    public var ratioFigure: ReportFigure? {
        let l = language
        let words = ReportVocabulary(l)
        var rows: [ForestPlot.Row] = []
        for o in comparison.outcomes {
            for t in o.adjusted where comparison.levels.dropFirst().contains(t.term) {
                guard let ratioName = t.model.ratioName else { continue }
                let (low, high) = Self.interval(t)
                rows.append(
                    ForestPlot.Row(
                        label: "\(outcomeName(o.outcome)) — \(words.level(t.term, of: comparison.attribute)) (\(ratioName))",
                        estimate: t.estimate.map { ChartEstimate(exp($0), lower: low.map { exp($0) }, upper: high.map { exp($0) }) },
                        missingText: l.t("not estimable", "non stimabile")))
            }
        }
        guard !rows.isEmpty else { return nil }
        let reference = words.level(comparison.referenceLevel, of: comparison.attribute)
        let name = words.attribute(comparison.attribute)
        let chart = ForestPlot(
            id: "comparison_forest",
            labels: ChartLabels(
                title: l.t("\(name): odds and hazard ratios", "\(name): odds e hazard ratio"),
                subtitle: l.t(
                    "Reference: \(reference); 95% cluster-robust intervals",
                    "Riferimento: \(reference); intervalli robusti per gruppo al 95%"),
                xAxis: l.t("Odds or hazard ratio (log scale)", "Odds o hazard ratio (scala logaritmica)"),
                description: l.t(
                    "Odds ratios (re-employment, retention) and hazard ratio (time to job) of each level against the reference.",
                    "Odds ratio (inserimento, permanenza) e hazard ratio (tempo al lavoro) di ogni valore rispetto al riferimento.")),
            rows: rows, reference: 1, logarithmic: true)
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }

    /// Mean differences of the linear models' by-terms with their CR2 95%
    /// intervals on a linear axis; attendance in percentage points, wellbeing in scale points.
    public var differenceFigure: ReportFigure? {
        let l = language
        let words = ReportVocabulary(l)
        var rows: [ForestPlot.Row] = []
        for o in comparison.outcomes where o.kind == .continuous {
            let scale = o.outcome == "attendance_rate" ? 100.0 : 1
            let unit = o.outcome == "attendance_rate" ? l.t("percentage points", "punti percentuali") : l.t("points", "punti")
            for t in o.adjusted where comparison.levels.dropFirst().contains(t.term) {
                let (low, high) = Self.interval(t)
                rows.append(
                    ForestPlot.Row(
                        label: "\(outcomeName(o.outcome)) — \(words.level(t.term, of: comparison.attribute))",
                        estimate: t.estimate.map {
                            ChartEstimate($0 * scale, lower: low.map { $0 * scale }, upper: high.map { $0 * scale })
                        },
                        note: unit, missingText: l.t("not estimable", "non stimabile")))
            }
        }
        guard !rows.isEmpty else { return nil }
        let reference = words.level(comparison.referenceLevel, of: comparison.attribute)
        let name = words.attribute(comparison.attribute)
        let chart = ForestPlot(
            id: "comparison_differences",
            labels: ChartLabels(
                title: l.t("\(name): differences in means", "\(name): differenze tra medie"),
                subtitle: l.t(
                    "Against \(reference), from the linear models; 95% cluster-robust (CR2) intervals",
                    "Rispetto a \(reference), dai modelli lineari; intervalli robusti per gruppo (CR2) al 95%"),
                xAxis: l.t("Difference", "Differenza"),
                description: l.t(
                    "Mean differences in attendance rate and wellbeing change of each level against the reference.",
                    "Differenze medie nel tasso di frequenza e nel cambiamento del benessere di ogni valore rispetto al riferimento.")),
            rows: rows, valueFormat: .number(digits: 2))
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }

    /// The Markdown text.
    public var markdown: String { MarkdownRenderer().render(document) }

    /// The files of `compare --out`: `comparison.md`, `comparison.html` (figures inline),
    /// `tables/comparison_*.csv`, `comparison.json` and the figures, by relative path.
    public func files() throws -> [(String, Data)] {
        let doc = document
        var inline: [String: String] = [:]
        for figure in figures { inline[figure.path] = figure.svg }
        var files: [(String, Data)] = [
            ("comparison.md", Data(MarkdownRenderer().render(doc).utf8)),
            ("comparison.html", Data(HTMLRenderer(language: language, figures: inline).render(doc).utf8)),
        ]
        let writer = CSVWriter(format: csvFormat)
        for table in doc.tables {
            files.append(("tables/\(table.id).csv", try writer.encode(header: table.header, rows: table.tidyRows)))
        }
        files.append(("comparison.json", Data(ComparisonJSON(release, language: language).document.serialised().utf8)))
        for figure in figures { files.append((figure.path, Data(figure.svg.utf8))) }
        return files
    }

    /// Writes `files()` into `folder`.
    public func write(to folder: OutputFolder) throws {
        try folder.write(try files())
    }
}
