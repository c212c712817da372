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
        let pairs = comparison.outcomes.flatMap { o in o.headline.map { (o, $0) } }
        let sentences = pairs.map { headlineSentence($0.0, $0.1) }
        let rows = pairs.map { headlineRow($0.0, $0.1) }
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
    /// One contrast in words: its difference with unit, interval and p-values, or "not reliable".
    /// The attendance rate is a share: read in percentage points, as the binary outcomes.
    func headlineSentence(_ o: OutcomeComparison, _ h: OutcomeComparison.Headline) -> String {
        let l = language
        let words = ReportVocabulary(l)
        let level = { (v: String) in words.level(v, of: self.comparison.attribute) }
        let scale = o.outcome == "attendance_rate" ? 100.0 : 1
        let unit = l.text(h.unit == "percentage_points" || scale != 1 ? "comparison.headline.pp" : "comparison.headline.points")
        let number = { (x: Double?) in x.map { l.number($0 * scale, digits: 1) } ?? "–" }
        let who = l.text("comparison.headline.who", outcomeName(o.outcome), level(h.level), level(comparison.referenceLevel))
        guard let estimate = h.estimate.map({ $0 * scale }) else { return l.text("comparison.headline.none", who) }
        let signed = (estimate < 0 ? "−" : "+") + l.number(abs(estimate), digits: 1)
        let df = l.number(h.df ?? 0, digits: 1)
        guard h.reliable else { return l.text("comparison.headline.unreliable", who, signed, unit, df) }
        var tests = l.text("comparison.headline.tests", p(h.pCR2).display, p(h.pHolm).display, p(h.pWild).display)
        if let r = h.pRandomization { tests += l.text("comparison.headline.randomization", p(r).display) }
        return l.text("comparison.headline.sentence", who, signed, unit, number(h.ciLow), number(h.ciHigh), df, tests)
    }

    /// One contrast in the tidy table, on the JSON's scale; an unreliable p-value or
    /// interval shows "not reliable" and keeps its number in the table.
    func headlineRow(_ o: OutcomeComparison, _ h: OutcomeComparison.Headline) -> [Cell] {
        let l = language
        let unit = Cell(l.text(h.unit == "percentage_points" ? "comparison.headline.pp" : "comparison.headline.points"), csv: .text(h.unit))
        let notReliable = l.text("comparison.headline.not_reliable_short")
        let tested = { (x: Double?) in
            h.reliable ? self.p(x) : Cell(notReliable, csv: x.map { .number($0, digits: 8) } ?? .empty)
        }
        let interval =
            h.reliable
            ? ci(h.ciLow, h.ciHigh)
            : Cell(
                notReliable, values: [h.ciLow.map { .number($0, digits: 8) } ?? .empty, h.ciHigh.map { .number($0, digits: 8) } ?? .empty])
        let reliable = Cell(
            h.reliable ? l.text("comparison.headline.yes") : l.text("comparison.headline.no"), csv: .text(h.reliable ? "true" : "false"))
        return [
            outcomeCell(o.outcome), levelCell(h.level), num(h.estimate, 3), unit, num(h.df, 1), tested(h.pCR2), tested(h.pHolm),
            tested(h.pWild), p(h.pRandomization), reliable, interval,
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
