import EvaluationDomain
import Indicators
import Ingest

extension ComparisonReport {
    /// The comparison's opening (METHODS §9 *Headline effects*): per outcome and level, one
    /// plain sentence with the difference in percentage points or scale points, its CR2
    /// interval and both resampling p-values, and a table of the same (tidy
    /// `comparison_headline`). A contrast with df below 4 or a level of fewer than 3 groups
    /// is said to be not reliable, without its p-value or interval.
    var headlineSection: [ReportDocument.Block] {
        let l = language
        let c = comparison
        let words = ReportVocabulary(l)
        let level = { (v: String) in words.level(v, of: c.attribute) }
        var sentences: [String] = []
        var rows: [[Cell]] = []
        for o in c.outcomes where !o.headline.isEmpty {
            for var h in o.headline {
                // The attendance rate is a share: read in percentage points, as the binary outcomes.
                let share = o.outcome == "attendance_rate"
                if share {
                    h.estimate = h.estimate.map { $0 * 100 }
                    h.ciLow = h.ciLow.map { $0 * 100 }
                    h.ciHigh = h.ciHigh.map { $0 * 100 }
                }
                let unit = l.text(h.unit == "percentage_points" || share ? "comparison.headline.pp" : "comparison.headline.points")
                let signed = { (x: Double) in (x < 0 ? "−" : "+") + l.number(abs(x), digits: 1) }
                let number = { (x: Double?) in x.map { l.number($0, digits: 1) } ?? "–" }
                let pText = { (x: Double?) in x.map { $0 < 0.001 ? "<" + l.number(0.001, digits: 3) : l.number($0, digits: 3) } ?? "–" }
                let who = l.text("comparison.headline.who", outcomeName(o.outcome), level(h.level), level(c.referenceLevel))
                guard let estimate = h.estimate else {
                    sentences.append(l.text("comparison.headline.none", who))
                    rows.append(
                        [outcomeCell(o.outcome), levelCell(h.level), Cell("–", csv: .empty), Cell(h.unit, csv: .text(h.unit))]
                            + Array(repeating: Cell("–", csv: .empty), count: 6) + [Cell("–", values: [.empty, .empty])])
                    continue
                }
                if h.reliable {
                    var tests = l.text("comparison.headline.tests", pText(h.pCR2), pText(h.pHolm), pText(h.pWild))
                    if let r = h.pRandomization { tests += l.text("comparison.headline.randomization", pText(r)) }
                    sentences.append(
                        l.text(
                            "comparison.headline.sentence", who, signed(estimate), unit, number(h.ciLow), number(h.ciHigh),
                            l.number(h.df ?? 0, digits: 1), tests))
                } else {
                    sentences.append(l.text("comparison.headline.unreliable", who, signed(estimate), unit, l.number(h.df ?? 0, digits: 1)))
                }
                let shown = { (x: Double?, digits: Int) in
                    h.reliable
                        ? self.num(x, digits)
                        : Cell(l.text("comparison.headline.not_reliable_short"), csv: x.map { .number($0, digits: 8) } ?? .empty)
                }
                rows.append([
                    outcomeCell(o.outcome), levelCell(h.level), num(share ? h.estimate.map { $0 / 100 } : h.estimate, 3),
                    Cell(
                        l.text(h.unit == "percentage_points" ? "comparison.headline.pp" : "comparison.headline.points"), csv: .text(h.unit)),
                    num(h.df, 1), h.reliable ? p(h.pCR2) : shown(h.pCR2, 3), h.reliable ? p(h.pHolm) : shown(h.pHolm, 3),
                    h.reliable ? p(h.pWild) : shown(h.pWild, 3), p(h.pRandomization),
                    Cell(
                        h.reliable ? l.text("comparison.headline.yes") : l.text("comparison.headline.no"),
                        csv: .text(h.reliable ? "true" : "false")),
                    h.reliable
                        ? ci(share ? h.ciLow.map { $0 / 100 } : h.ciLow, share ? h.ciHigh.map { $0 / 100 } : h.ciHigh)
                        : Cell(
                            l.text("comparison.headline.not_reliable_short"),
                            values: [
                                h.ciLow.map { .number($0, digits: 8) } ?? .empty, h.ciHigh.map { .number($0, digits: 8) } ?? .empty,
                            ]),
                ])
            }
        }
        guard !sentences.isEmpty else { return [] }
        return [
            .heading(level: 2, text: l.text("comparison.headline.heading")), .keyFigures(sentences),
            .table(
                ReportTable(
                    id: "comparison_headline", caption: l.text("comparison.headline.caption"),
                    columns: [
                        Column(l.text("comparison.outcome"), key: "outcome"), Column(l.text("comparison.level"), key: "level"),
                        Column(l.text("comparison.difference"), key: "estimate", .number),
                        Column(l.text("comparison.headline.unit"), key: "unit"),
                        Column(l.text("comparison.df"), key: "df", .number), Column("p (CR2)", key: "p_cr2", .number),
                        Column("p (Holm)", key: "p_holm", .number), Column(l.text("comparison.headline.p_wild"), key: "p_wild", .number),
                        Column(l.text("comparison.p_randomization"), key: "p_randomization", .number),
                        Column(l.text("comparison.headline.reliable"), key: "reliable"), .interval(l.text("comparison.headline.ci")),
                    ],
                    rows: rows)),
        ]
    }
}

extension ComparisonReport {
    /// The balance at entry (METHODS §9), after the headline effects: per characteristic,
    /// the reference's and each level's value and their standardised difference.
    var balanceSection: [ReportDocument.Block] {
        let l = language
        let c = comparison
        let words = ReportVocabulary(l)
        let rows: [[Cell]] = release.balance.map { r in
            let share = r.category != nil || r.attribute.hasPrefix("completed:")
            let value = { (x: Double?) -> Cell in
                guard let x else { return Cell("–", csv: .empty) }
                return share ? Cell(l.percent(x), csv: .number(x, digits: 6)) : self.num(x, 2)
            }
            return [
                Cell(Self.balanceName(r, words: words, language: l), csv: .text(r.attribute)),
                Cell(r.category.map { words.level($0, of: r.attribute) } ?? "", csv: .text(r.category ?? "")),
                levelCell(r.level), value(r.valueReference), value(r.valueOther), num(r.smd, 2),
            ]
        }
        guard !rows.isEmpty else { return [] }
        return [
            .heading(level: 2, text: l.text("comparison.balance.heading")),
            .table(
                ReportTable(
                    id: "comparison_balance",
                    caption: l.text("comparison.balance.caption") + " — " + l.text("comparison.balance.reference") + ": "
                        + words.level(c.referenceLevel, of: c.attribute),
                    columns: [
                        Column(l.text("comparison.balance.attribute"), key: "attribute"),
                        Column(l.text("comparison.balance.category"), key: "category"),
                        Column(l.text("comparison.balance.other"), key: "level"),
                        Column(l.text("comparison.balance.value_reference"), key: "value_reference", .number),
                        Column(l.text("comparison.balance.value_other"), key: "value_other", .number),
                        Column(l.text("comparison.balance.smd"), key: "smd", .number),
                    ],
                    rows: rows)),
        ]
    }

    static func balanceName(_ r: BalanceAtEntry.Row, words: ReportVocabulary, language l: ReportLanguage) -> String {
        if r.attribute == "age" { return l.text("comparison.balance.age") }
        if r.attribute.hasPrefix("baseline:") {
            return l.text("comparison.balance.baseline", String(r.attribute.dropFirst("baseline:".count)))
        }
        if r.attribute.hasPrefix("completed:") {
            let parts = r.attribute.split(separator: ":").map(String.init)
            return l.text(
                "comparison.balance.completed", parts.count > 1 ? parts[1] : "",
                words.wave(Wave(rawValue: parts.count > 2 ? parts[2] : "") ?? .end))
        }
        return words.attribute(r.attribute)
    }
}
