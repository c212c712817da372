import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// Lays out a released evaluation as the funder report (METHODS §6): every
/// rate with its numerator, denominator and definition; withheld figures shown
/// by their markers (`<5`, `[c]`) with a footnote under each table that uses
/// them; method notes and provenance at the end. It reads only what
/// disclosure control released.
public struct ReportComposer: Sendable {
    public let release: ReleasedEvaluation
    public let language: ReportLanguage
    /// The figures drawn for the document, which units place beside their sections.
    var drawn: [ReportFigure] = []

    public init(_ release: ReleasedEvaluation, language: ReportLanguage) {
        self.release = release
        self.language = language
    }

    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column

    var policy: Disclosure { release.policy }
    var words: ReportVocabulary { ReportVocabulary(language) }
    var configuration: ProjectConfiguration { release.configuration }

    // MARK: Cells

    var cells: ReleasedCells { ReleasedCells(policy: policy, language: language) }
    func marker<T>(_ r: Released<T>) -> Cell? { cells.marker(r) }
    func count(_ r: Released<Int>) -> Cell { cells.count(r) }
    func share(_ r: Released<Double>) -> Cell { cells.share(r) }
    func number(_ r: Released<Double>, digits: Int = 2) -> Cell { cells.number(r, digits: digits) }
    func interval(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> Cell {
        cells.interval(low, high, percent: percent)
    }
    func pValue(_ r: Released<Double>) -> Cell { cells.pValue(r) }

    /// An amount of money: `10,100 EUR` in the report, the number in the tidy table
    /// (two decimals), formatted as money in the workbook.
    func money(_ r: Released<Double>, currency: String) -> Cell {
        if let m = marker(r) { return m }
        guard let v = r.shown else { return Cell("–", csv: .empty) }
        var cell = Cell("\(language.number(v, digits: 0)) \(currency)", csv: .number(v, digits: 2))
        cell.style = .money
        return cell
    }

    /// A count written inside a sentence.
    func inline(_ r: Released<Int>) -> String { count(r).display }

    /// The footnote explaining the markers a table uses.
    func footnote(for rows: [[Cell]]) -> String? {
        MarkerFootnote.text(for: rows, policy: policy, language: language)
    }

    /// A table with the footnote its markers need.
    func table(id: String, caption: String, columns: [Column], rows: [[Cell]]) -> ReportDocument.Block {
        .table(ReportTable(id: id, caption: caption, columns: columns, rows: rows, footnote: footnote(for: rows)))
    }

    // MARK: Document

    public var document: ReportDocument { document(figures: figures) }

    /// A drawn figure's block, or none when it was left out.
    func figure(_ id: String) -> [ReportDocument.Block] {
        drawn.filter { $0.fileName == id + ".svg" }.map(\.block)
    }

    /// The document with `figures` (drawn once by the caller) in their places.
    public func document(figures: [ReportFigure]) -> ReportDocument {
        var composer = self
        composer.drawn = figures
        return composer.layout
    }

    /// The units' blocks at one place of the report, in the units' order.
    func units(_ placement: ReportUnitPlacement) -> [ReportDocument.Block] {
        release.units.flatMap { $0.blocks(self, at: placement) }
    }

    var layout: ReportDocument {
        let l = language
        var blocks: [ReportDocument.Block] = []
        if !policy.isApplied {
            blocks.append(.paragraph(UnsuppressedStamp.text(l)))
        }
        blocks.append(.paragraph(l.text("report.period") + periodText))
        if policy.isApplied {
            let t = policy.threshold
            let rounding = roundingText
            blocks.append(
                .paragraph(
                    l.text("report.to_protect_the_people_in_it", t, policy.suppressedMarker, Disclosure.confidentialMarker, rounding)))
        }
        blocks.insert(
            contentsOf: units(.opening) + guardrailParagraphs + keyFiguresSection(units(.keyFigures)) + units(.afterKeyFigures)
                + [.paragraph(l.text("report.keyfigures.interval_meaning"))],
            at: policy.isApplied ? 1 : 2)
        blocks +=
            units(.reach) + units(.retention) + units(.reemployment) + units(.afterReemployment) + units(.timeToJob)
            + units(.wellbeing) + units(.afterWellbeing) + subgroupSection + dataChecksSection + appendixSection + provenanceSection
        return ReportDocument(title: title, blocks: blocks)
    }

    /// The report's title, with its period in words.
    var title: String {
        let l = language
        return l.text("report.programme_evaluation_report", l.period(release.period))
    }

    /// How shown counts are rounded (with a leading space), or nothing.
    var roundingText: String {
        guard policy.roundingBase > 1 else { return "" }
        return language.text("report.shown_counts_of_people_are_then", policy.roundingBase)
    }

    /// The period's dates and what the figures of the period count.
    var periodText: String {
        let l = language
        let period = release.period
        return l.text("report.to_activity_figures_count_what_happened", l.date(period.from), l.date(period.to))
    }

    func rateRow(_ label: String, _ rate: ReleasedRate, _ definition: String) -> [Cell] {
        [.text(label)] + rateCells(rate) + [.text(definition)]
    }

    /// A rate's cells: its numerator, its denominator (unless `denominator` is false),
    /// the rate and its Wilson interval.
    func rateCells(_ rate: ReleasedRate, denominator: Bool = true) -> [Cell] {
        [count(rate.numerator)] + (denominator ? [count(rate.denominator)] : []) + [
            share(rate.value), interval(rate.low, rate.high, percent: true),
        ]
    }

    var rateColumns: [Column] {
        let l = language
        return [
            Column(l.text("report.indicator"), key: "indicator"), Column(l.text("report.numerator"), key: "numerator", .number),
            Column(l.text("report.denominator"), key: "denominator", .number), Column(l.text("report.rate"), key: "rate", .rate),
            .interval(l.text("report.95_ci_wilson"), rate: true), Column(l.text("report.definition"), key: "definition"),
        ]
    }
}
