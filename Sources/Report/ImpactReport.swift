import EvaluationDomain
import Foundation
import Indicators
import Ingest
import Statistics

/// `impact --out DIR` (METHODS §9): `impact.md`, `impact.html` (printable, figures
/// inline), `impact.json`, `tables/impact_*.csv` and the figures: who is compared,
/// the balance first (table, love plot, overlap of the scores), then the effect
/// with both intervals and the unadjusted difference, then what it cannot show.
public struct ImpactReport: Sendable {
    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column

    public let release: ReleasedImpact
    public let language: ReportLanguage
    public var csvFormat: CSVFormat = .rfc4180

    public init(_ release: ReleasedImpact, language: ReportLanguage) {
        self.release = release
        self.language = language
    }

    var cells: ReleasedCells { ReleasedCells(policy: release.policy, language: language) }
    var analysis: ImpactAnalysis { release.analysis }

    public var document: ReportDocument {
        let l = language
        let a = analysis
        let months = a.options.horizonMonths
        let covariates = a.options.covariates.joined(separator: ", ")
        var blocks: [ReportDocument.Block] = [.paragraph(l.text("impact.lead", l.date(a.to), months))]
        switch a.options.method {
        case .nearest:
            if let caliper = a.options.caliper, let width = a.caliperWidth {
                blocks.append(.paragraph(l.text("impact.method.nearest", covariates, l.number(caliper), l.number(width, digits: 3))))
            } else {
                blocks.append(.paragraph(l.text("impact.method.nearest_no_caliper", covariates)))
            }
        case .weighting:
            blocks.append(.paragraph(l.text("impact.method.weighting", covariates)))
        }
        blocks.append(.heading(level: 2, text: l.text("impact.who")))
        blocks.append(whoTable)
        blocks.append(.heading(level: 2, text: l.text("impact.balance")))
        blocks.append(.paragraph(l.text("impact.balance.lead")))
        blocks.append(balanceTable)
        for figure in figures { blocks.append(.figure(file: figure.path, caption: figure.caption)) }
        // The effect only after the balance (METHODS §10): its sentence opens its own section.
        blocks.append(.heading(level: 2, text: l.text("impact.effect")))
        if let sentence = keySentence { blocks.append(.keyFigures([sentence])) }
        blocks.append(effectTable)
        blocks.append(.heading(level: 2, text: l.text("impact.limits")))
        blocks.append(.bullets(a.caveats.map { ImpactText(language: l, release: release).caveat($0) }))
        return ReportDocument(title: l.text("impact.title"), blocks: blocks)
    }

    /// The key-figure sentence ("Participants 44% in work within 12 months; …"), or `nil` when withheld.
    public var keySentence: String? {
        let l = language
        guard release.effectShown, let e = analysis.effect, let t = release.treated.rate.shown,
            let c = release.controls.rate.shown
        else { return nil }
        let pp = { (x: Double) in l.number(x * 100, digits: 1) }
        return l.text(
            "impact.key_figure", l.percent(t), analysis.options.horizonMonths, l.percent(c), pp(e.estimate), pp(e.lower), pp(e.upper))
    }

    var whoTable: ReportDocument.Block {
        let l = language
        let t = release.treated
        let c = release.controls
        let months = analysis.options.horizonMonths
        let matchedLabel = analysis.options.method == .nearest ? l.text("impact.row.matched") : l.text("impact.row.weighted")
        let rows: [[Cell]] = [
            [.text(l.text("impact.row.n", l.date(analysis.to))), cells.count(t.n), cells.count(c.n)],
            [.text(l.text("impact.row.observed", months)), cells.count(t.observed), cells.count(c.observed)],
            [.text(l.text("impact.row.missing")), cells.count(t.missingCovariates), cells.count(c.missingCovariates)],
            [.text(matchedLabel), cells.count(t.matched), cells.count(c.matched)],
            [
                .text(l.text(analysis.options.method == .nearest ? "impact.row.in_work" : "impact.row.in_work_analysed", months)),
                cells.count(t.inWork), cells.count(c.inWork),
            ],
        ]
        return table(
            id: "impact_people", caption: l.text("impact.who.caption"),
            columns: [
                Column(l.text("impact.column.what"), key: "what"),
                Column(l.text("impact.column.participants"), key: "participants", .number),
                Column(l.text("impact.column.comparison"), key: "comparison", .number),
            ], rows: rows)
    }

    var balanceTable: ReportDocument.Block {
        let l = language
        let rows: [[Cell]] = release.balance.map { r in
            [
                .text(r.covariate), cells.number(r.meanTreated, digits: 3), cells.number(r.meanControlAll, digits: 3),
                cells.number(r.meanTreatedMatched, digits: 3), cells.number(r.meanControlMatched, digits: 3),
                cells.number(r.smdAll, digits: 3), cells.number(r.smdMatched, digits: 3),
                cells.number(r.varianceRatioMatched, digits: 2), cells.number(r.ecdfMaxMatched, digits: 3),
            ]
        }
        return table(
            id: "impact_balance", caption: l.text("impact.balance.caption"),
            columns: [
                Column(l.text("impact.column.covariate"), key: "covariate"),
                Column(l.text("impact.column.mean_treated"), key: "mean_treated", .number),
                Column(l.text("impact.column.mean_control_all"), key: "mean_control_all", .number),
                Column(l.text("impact.column.mean_treated_matched"), key: "mean_treated_matched", .number),
                Column(l.text("impact.column.mean_control_matched"), key: "mean_control_matched", .number),
                Column(l.text("impact.column.smd_all"), key: "smd_all", .number),
                Column(l.text("impact.column.smd_matched"), key: "smd_matched", .number),
                Column(l.text("impact.column.var_ratio_matched"), key: "var_ratio_matched", .number),
                Column(l.text("impact.column.ecdf_max_matched"), key: "ecdf_max_matched", .number),
            ], rows: rows)
    }

    var effectTable: ReportDocument.Block {
        let l = language
        let a = analysis
        func row(_ label: String, _ e: TreatmentEffect?) -> [Cell]? {
            guard let e else { return nil }
            guard release.effectShown else {
                let withheld = Cell(Disclosure.confidentialMarker, csv: .text(Disclosure.confidentialMarker), withheld: .confidential)
                return [.text(label), withheld, withheld, withheld]
            }
            return [
                .text(label), cells.number(.value(e.estimate * 100), digits: 1),
                cells.interval(.value(e.lower * 100), .value(e.upper * 100)), cells.pValue(.value(e.pValue)),
            ]
        }
        let rows: [[Cell]] = [
            row(l.text(a.options.method == .nearest ? "impact.row.matched_effect" : "impact.row.weighted_effect"), a.effect),
            row(l.text("impact.row.group_effect"), a.effectByGroup),
            row(l.text("impact.row.unadjusted"), a.unadjusted),
        ].compactMap { $0 }
        return table(
            id: "impact_effect", caption: l.text("impact.effect.caption", a.options.horizonMonths),
            columns: [
                Column(l.text("impact.column.what"), key: "estimate"),
                Column(l.text("impact.column.difference"), key: "difference_pp", .number),
                .interval(l.text("impact.column.interval")), Column(l.text("impact.column.p"), key: "p", .pValue),
            ], rows: rows)
    }

    func table(id: String, caption: String, columns: [Column], rows: [[Cell]]) -> ReportDocument.Block {
        .table(
            ReportTable(
                id: id, caption: caption, columns: columns, rows: rows,
                footnote: MarkerFootnote.text(for: rows, policy: release.policy, language: language)))
    }

    /// The love plot and the overlap of the scores.
    var figures: [ReportFigure] {
        let l = language
        var rows: [ForestPlot.Row] = []
        for r in release.balance {
            for (key, smd) in [("impact.love.before", r.smdAll), ("impact.love.after", r.smdMatched)] {
                let value = smd.shown.map { ChartEstimate(abs($0)) }
                rows.append(ForestPlot.Row(label: l.text(key, r.covariate), estimate: value, missingText: "[c]", threshold: 0.1))
            }
        }
        let love = ForestPlot(
            id: "impact_balance",
            labels: ChartLabels(
                title: l.text("impact.love.title"), subtitle: l.text("impact.love.subtitle"), xAxis: l.text("impact.love.axis"),
                description: l.text("impact.balance.lead")),
            rows: rows, valueFormat: .number(digits: 2), valueHeader: l.text("impact.love.value"))
        // Each side's scores: the middle half (25% to 75%) and the whole range, around the median.
        func spread(_ label: String, _ scores: [Double]) -> [ForestPlot.Row] {
            guard let q = SampleQuantile(scores) else { return [ForestPlot.Row(label: label, estimate: nil)] }
            return [
                ForestPlot.Row(
                    label: l.text("impact.overlap.middle", label), estimate: ChartEstimate(q(0.5), lower: q(0.25), upper: q(0.75))),
                ForestPlot.Row(label: l.text("impact.overlap.range", label), estimate: ChartEstimate(q(0.5), lower: q(0), upper: q(1))),
            ]
        }
        let overlap = ForestPlot(
            id: "impact_overlap",
            labels: ChartLabels(
                title: l.text("impact.overlap.title"), subtitle: l.text("impact.overlap.subtitle"), xAxis: l.text("impact.overlap.axis"),
                description: l.text("impact.overlap.description")),
            rows: spread(l.text("impact.column.participants"), analysis.treatedScores)
                + spread(l.text("impact.column.comparison"), analysis.controlScores), valueFormat: .number(digits: 2), domain: 0...1,
            valueHeader: l.text("impact.overlap.value"))
        return [love, overlap].map { ReportFigure(chart: $0, caption: $0.labels.title, language: l) }
    }

    public var markdown: String { MarkdownRenderer().render(document) }

    /// The files of `impact --out`, by relative path.
    public func files() throws -> [(String, Data)] {
        try document.standaloneFiles(
            name: "impact", figures: figures, json: ImpactJSON(release, language: language).document, language: language,
            csvFormat: csvFormat)
    }

    public func write(to folder: OutputFolder) throws {
        try folder.write(try files())
    }
}
