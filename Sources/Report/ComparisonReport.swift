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
            return l.text("comparison.wellbeing_change", instrument)
        }
        switch code {
        case "reemployed": return l.text("comparison.re_employed")
        case "retained": return l.text("comparison.retained")
        case "attendance_rate": return l.text("comparison.attendance_rate")
        case "time_to_job": return l.text("comparison.time_to_first_job")
        case "in_work_6m_after_leaving": return l.text("comparison.in_work_6m_after_leaving")
        case "first_spell_days": return l.text("comparison.first_spell_days")
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
        case .logistic: name = l.text("comparison.logistic")
        case .linear: name = l.text("comparison.linear")
        case .cox: name = l.text("comparison.cox")
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

    /// A sentence's first word capitalised.
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

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
                l.text(
                    "comparison.levels_of_compared_reference_among_participants", name, level(c.referenceLevel), l.date(c.to), c.clusters,
                    perLevel, c.adjust.isEmpty ? l.text("comparison.nothing") : covariates)))
        if c.constantWithinGroups {
            blocks.append(
                .paragraph(
                    l.text("comparison.is_the_same_for_everyone_in", Self.capitalised(words.attributeWithArticle(c.attribute)), c.clusters))
            )
        }
        blocks += headlineSection + balanceSection
        blocks.append(.heading(level: 2, text: l.text("comparison.before_reading")))
        let caveats = ComparisonCaveatText(language: l)
        blocks.append(.keyFigures(c.caveats.map { caveats.message($0, attribute: c.attribute) }))
        if let dropped = droppedSentence { blocks.append(.paragraph(dropped)) }
        let waves = c.outcomes.contains { $0.waves != nil }
        if waves {
            blocks.append(
                .paragraph(
                    l.text("comparison.wellbeing_change_is_compared_from_the")))
        }

        let rows = tableRows
        blocks += outcomeTables(rows)
        let notes = rows.notes
        for figure in figures { blocks.append(figure.block) }
        if !notes.isEmpty {
            blocks.append(.heading(level: 2, text: l.text("comparison.warnings")))
            blocks.append(.bullets(notes))
        }
        return ReportDocument(title: l.text("comparison.comparison_by", name), blocks: blocks)
    }

    /// The rows of the comparison's tables, built in one pass over the outcomes.
    struct TableRows {
        var levels: [[Cell]] = []
        var differences: [[Cell]] = []
        var models: [[Cell]] = []
        var other: [[Cell]] = []
        var notes: [String] = []
    }

    var tableRows: TableRows {
        let l = language
        let c = comparison
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
                    ?? Cell(
                        o.randomizationNote.map { ComparisonNoteText(l).text($0) } ?? "–", csv: .text(o.randomizationNote?.english ?? "")),
                num(o.mixed?.first?.estimate), num(o.mixed?.first?.se), num(o.mixed?.first?.sdGroup), num(o.mixed?.first?.sdResidual),
            ])
            let warnings = o.allWarnings
            for w in warnings { notes.append("\(outcomeName(o.outcome)): \(ComparisonNoteText(l).text(w))") }
        }
        return TableRows(levels: levelRows, differences: differenceRows, models: modelRows, other: otherRows, notes: notes)
    }

    /// The technical tables: outcomes by level, unadjusted differences, the models, the cluster figures.
    func outcomeTables(_ rows: TableRows) -> [ReportDocument.Block] {
        let l = language
        return [
            .heading(level: 2, text: l.text("comparison.outcomes_by_level")),
            .table(levelsTable(rows.levels)),
            .table(differencesTable(rows.differences)),
            .heading(level: 2, text: comparison.adjust.isEmpty ? l.text("comparison.models") : l.text("comparison.adjusted_models")),
            .table(modelsTable(rows.models)),
            .table(clusterTable(rows.other)),
        ]
    }

    /// Each outcome's count and estimate per level (a share for a binary outcome).
    private func levelsTable(_ rows: [[Cell]]) -> ReportTable {
        let l = language
        return ReportTable(
            id: "comparison_levels",
            caption: l.text("comparison.share_binary_mean_continuous_or_kaplan"),
            columns: [
                Column(l.text("comparison.outcome"), key: "outcome"), Column(l.text("comparison.level"), key: "level"),
                Column("n", key: "n", .number), Column(l.text("comparison.estimate"), key: "estimate", .number),
            ],
            rows: rows,
            footnote: MarkerFootnote.text(for: rows, policy: disclosure, language: l))
    }

    /// Each level's unadjusted difference from the reference level, with its interval.
    private func differencesTable(_ rows: [[Cell]]) -> ReportTable {
        let l = language
        return ReportTable(
            id: "comparison_differences",
            caption: l.text("comparison.unadjusted_difference_from_the_reference_risk"),
            columns: [
                Column(l.text("comparison.outcome"), key: "outcome"), Column(l.text("comparison.level"), key: "level"),
                Column(l.text("comparison.difference"), key: "estimate", .number), .interval(l.text("comparison.95_ci")),
            ],
            rows: rows)
    }

    /// Each model term: the model's and the robust standard errors, p values and interval.
    private func modelsTable(_ rows: [[Cell]]) -> ReportTable {
        let l = language
        return ReportTable(
            id: "comparison_models",
            caption: l.text("comparison.estimates_on_the_models_scale_log"),
            columns: [
                Column(l.text("comparison.outcome"), key: "outcome"), Column(l.text("comparison.term"), key: "term"),
                Column(l.text("comparison.model"), key: "model"), Column(l.text("comparison.estimate"), key: "estimate", .number),
                Column("OR/HR", key: "ratio", .number), Column(l.text("comparison.se_model"), key: "se_model", .number),
                Column(l.text("comparison.p_model"), key: "p_model", .number),
                Column(l.text("comparison.se_robust"), key: "se_robust", .number),
                Column(l.text("comparison.df"), key: "df_robust", .number),
                Column(l.text("comparison.p_robust"), key: "p_robust", .number),
                .interval(l.text("comparison.95_ci_robust"), prefix: "robust_"),
            ],
            rows: rows)
    }

    /// Each outcome's intraclass correlation, randomization test and mixed model.
    private func clusterTable(_ rows: [[Cell]]) -> ReportTable {
        let l = language
        return ReportTable(
            id: "comparison_cluster",
            caption: l.text("comparison.icc_random_intercept_model_reml_group"),
            columns: [
                Column(l.text("comparison.outcome"), key: "outcome"), Column("ICC", key: "icc", .number),
                Column(l.text("comparison.p_randomization"), key: "p_randomization", .number),
                Column(l.text("comparison.relabelings"), key: "relabelings"),
                Column(l.text("comparison.mixed_estimate"), key: "mixed_estimate", .number),
                Column(l.text("comparison.mixed_se"), key: "mixed_se", .number),
                Column(l.text("comparison.sd_groups"), key: "sd_group", .number),
                Column(l.text("comparison.sd_residual"), key: "sd_residual", .number),
            ],
            rows: rows)
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
        return language.text(
            "comparison.left_out_of_the_adjusted_models", comparison.adjust.joined(separator: ", "), shown.joined(separator: ", "))
    }

    /// The forest plots: ratios on a log axis, differences on a linear one.
    public var figures: [ReportFigure] {
        [ratioFigure, differenceFigure(percentagePoints: true), differenceFigure(percentagePoints: false)].compactMap { $0 }
    }

    /// Why a level's contrast is not reliable (METHODS §9: df below 4, or fewer than 3
    /// groups in it or in the reference), in words; `nil` when it is.
    func unreliability(_ o: OutcomeComparison, level: String, df: Double?) -> String? {
        let l = language
        if let h = o.headline.first(where: { $0.level == level }), h.estimate != nil {
            return h.reliable ? nil : l.text("comparison.not_reliable_df", l.number(h.df ?? 0, digits: 1))
        }
        let groups = min(comparison.groupsPerLevel[level] ?? 0, comparison.groupsPerLevel[comparison.referenceLevel] ?? 0)
        if groups < OutcomeComparison.Headline.minimumGroups { return l.text("comparison.not_reliable_groups", groups) }
        if let df, df < OutcomeComparison.Headline.minimumDF { return l.text("comparison.not_reliable_df", l.number(df, digits: 1)) }
        return nil
    }

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
                // Unreliable inference is said, not drawn.
                let unreliable = unreliability(o, level: t.term, df: t.model.usesGroupedSandwich ? nil : t.dfCR2)
                rows.append(
                    ForestPlot.Row(
                        label: "\(outcomeName(o.outcome)) — \(words.level(t.term, of: comparison.attribute)) (\(ratioName))",
                        estimate: unreliable != nil
                            ? nil : t.estimate.map { ChartEstimate(exp($0), lower: low.map { exp($0) }, upper: high.map { exp($0) }) },
                        missingText: unreliable ?? l.text("comparison.not_estimable")))
            }
        }
        guard !rows.isEmpty else { return nil }
        let reference = words.level(comparison.referenceLevel, of: comparison.attribute)
        let name = words.attribute(comparison.attribute)
        let chart = ForestPlot(
            id: "comparison_forest",
            labels: ChartLabels(
                title: l.text("comparison.odds_and_hazard_ratios", name),
                subtitle: l.text("comparison.reference_95_cluster_robust_intervals", reference),
                xAxis: l.text("comparison.odds_or_hazard_ratio_log_scale"),
                description: l.text("comparison.odds_ratios_re_employment_retention_and")),
            rows: rows, reference: 1, logarithmic: true)
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }

    /// Mean differences of the linear models' by-terms with their CR2 95% intervals on a
    /// linear axis, one figure per unit: attendance in percentage points, wellbeing in
    /// scale points (one axis never mixes them).
    public func differenceFigure(percentagePoints: Bool) -> ReportFigure? {
        let l = language
        let words = ReportVocabulary(l)
        var rows: [ForestPlot.Row] = []
        for o in comparison.outcomes where o.kind == .continuous && (o.outcome == "attendance_rate") == percentagePoints {
            let scale = o.outcome == "attendance_rate" ? 100.0 : 1
            let unit = o.outcome == "attendance_rate" ? l.text("comparison.percentage_points") : l.text("comparison.points")
            for t in o.adjusted where comparison.levels.dropFirst().contains(t.term) {
                let (low, high) = Self.interval(t)
                let unreliable = unreliability(o, level: t.term, df: t.dfCR2)
                rows.append(
                    ForestPlot.Row(
                        label: "\(outcomeName(o.outcome)) — \(words.level(t.term, of: comparison.attribute))",
                        estimate: unreliable != nil
                            ? nil
                            : t.estimate.map {
                                ChartEstimate($0 * scale, lower: low.map { $0 * scale }, upper: high.map { $0 * scale })
                            },
                        note: unit, missingText: unreliable ?? l.text("comparison.not_estimable")))
            }
        }
        guard !rows.isEmpty else { return nil }
        let reference = words.level(comparison.referenceLevel, of: comparison.attribute)
        let name = words.attribute(comparison.attribute)
        let chart = ForestPlot(
            id: percentagePoints ? "comparison_differences_attendance" : "comparison_differences",
            labels: ChartLabels(
                title: l.text("comparison.differences_in_means", name),
                subtitle: l.text("comparison.against_from_the_linear_models_95", reference),
                xAxis: l.text("comparison.difference"),
                description: l.text("comparison.mean_differences_in_attendance_rate_and")),
            rows: rows, valueFormat: .number(digits: 2))
        return ReportFigure(chart: chart, caption: chart.labels.title, language: l)
    }

    /// The Markdown text.
    public var markdown: String { MarkdownRenderer().render(document) }

    /// The files of `compare --out`: `comparison.md`, `comparison.html` (figures inline),
    /// `tables/comparison_*.csv`, `comparison.json` and the figures, by relative path.
    public func files() throws -> [(String, Data)] {
        try document.standaloneFiles(
            name: "comparison", figures: figures, json: ComparisonJSON(release, language: language).document, language: language,
            csvFormat: csvFormat)
    }

    /// Writes `files()` into `folder`.
    public func write(to folder: OutputFolder) throws {
        try folder.write(try files())
    }
}
