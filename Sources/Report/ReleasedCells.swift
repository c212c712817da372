import Ingest

/// The cells of released figures, as every funder output lays them out: a shown
/// figure in the report's language (and as a number in the tidy tables), a
/// withheld one by its marker (`<5`, `[c]`), one not computable as `–`.
struct ReleasedCells {
    typealias Cell = ReportTable.Cell

    let policy: Disclosure
    let language: ReportLanguage

    /// The cell of a figure that is not a number: its marker, or `nil` when shown.
    func marker<T>(_ r: Released<T>) -> Cell? {
        switch r {
        case .value: return nil
        case .suppressed: return Cell(policy.suppressedMarker, csv: .text(Disclosure.confidentialMarker), withheld: .suppressed)
        case .confidential:
            return Cell(Disclosure.confidentialMarker, csv: .text(Disclosure.confidentialMarker), withheld: .confidential)
        case .notComputable: return Cell("–", csv: .text(Disclosure.notComputableCSVMarker))
        }
    }

    func count(_ r: Released<Int>) -> Cell {
        marker(r) ?? r.shown.map { Cell(language.count($0), csv: .integer($0)) } ?? Cell("–", csv: .empty)
    }

    func share(_ r: Released<Double>) -> Cell {
        marker(r)
            ?? r.shown.map {
                var cell = Cell(language.percent($0), csv: .number($0, digits: 6))
                cell.style = .rate
                return cell
            } ?? Cell("–", csv: .empty)
    }

    func number(_ r: Released<Double>, digits: Int = 2) -> Cell {
        marker(r) ?? r.shown.map { Cell(language.number($0, digits: digits), csv: .number($0, digits: 6)) } ?? Cell("–", csv: .empty)
    }

    /// An interval: one cell in the report (`55.4% – 70.2%`), two numbers in the tidy table.
    func interval(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> Cell {
        if let m = marker(low) ?? marker(high) { return m }
        guard let lo = low.shown, let hi = high.shown else { return Cell("–", values: [.empty, .empty]) }
        let f = { (x: Double) in percent ? language.percent(x) : language.number(x) }
        var cell = Cell("\(f(lo)) – \(f(hi))", values: [.number(lo, digits: 6), .number(hi, digits: 6)])
        if percent { cell.style = .rate }
        return cell
    }

    /// A p-value: `<0.001` in the report; in the tidy table the value to six
    /// significant digits, never 0 (an underflow is the smallest double).
    func pValue(_ r: Released<Double>) -> Cell {
        if let m = marker(r) { return m }
        guard let v = r.shown else { return Cell("–", csv: .empty) }
        let text = v < 0.001 ? "<" + language.number(0.001, digits: 3) : language.number(v, digits: 3)
        return Cell(text, csv: .significant(Swift.max(v, .leastNormalMagnitude), digits: 6))
    }

}
