import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// Lays out a released evaluation as the funder report (DESIGN §6): every
/// rate with its numerator, denominator and definition; withheld figures shown
/// by their markers (`<5`, `[c]`) with a footnote under each table that uses
/// them; method notes and provenance at the end. It reads only what
/// disclosure control released.
public struct ReportComposer: Sendable {
    public let release: ReleasedEvaluation
    public let language: ReportLanguage

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
        marker(r) ?? r.shown.map { Cell(language.percent($0), csv: .number($0, digits: 6)) } ?? Cell("–", csv: .empty)
    }

    func number(_ r: Released<Double>, digits: Int = 2) -> Cell {
        marker(r) ?? r.shown.map { Cell(language.number($0, digits: digits), csv: .number($0, digits: 6)) } ?? Cell("–", csv: .empty)
    }

    /// An interval: one cell in the report (`55.4% – 70.2%`), two numbers in the tidy table.
    func interval(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> Cell {
        if let m = marker(low) ?? marker(high) { return m }
        guard let lo = low.shown, let hi = high.shown else { return Cell("–", values: [.empty, .empty]) }
        let f = { (x: Double) in percent ? language.percent(x) : language.number(x) }
        return Cell("\(f(lo)) – \(f(hi))", values: [.number(lo, digits: 6), .number(hi, digits: 6)])
    }

    /// A p-value: `<0.001` in the report; in the tidy table the value to six
    /// significant digits, never 0 (an underflow is the smallest double).
    func pValue(_ r: Released<Double>) -> Cell {
        if let m = marker(r) { return m }
        guard let v = r.shown else { return Cell("–", csv: .empty) }
        let text = v < 0.001 ? "<" + language.number(0.001, digits: 3) : language.number(v, digits: 3)
        return Cell(text, csv: .significant(Swift.max(v, .leastNormalMagnitude), digits: 6))
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

    /// The document with `figures` (drawn once by the caller) in their places.
    public func document(figures: [ReportFigure]) -> ReportDocument {
        let l = language
        var blocks: [ReportDocument.Block] = []
        if !policy.isApplied {
            blocks.append(.paragraph(UnsuppressedStamp.text(l)))
        }
        blocks.append(.paragraph(l.t("Period: ", "Periodo: ") + periodText))
        if policy.isApplied {
            let t = policy.threshold
            let rounding = roundingText
            blocks.append(
                .paragraph(
                    l.t(
                        "To protect the people in it, this report shows no count of fewer than \(t) people: such a count is printed \(policy.suppressedMarker). A figure from which a hidden count could be worked out (its rate, interval, or a total minus the other parts), or computed from fewer than \(t) people, is printed \(Disclosure.confidentialMarker) (confidential). – means the figure cannot be computed.\(rounding)",
                        "Per tutelare le persone, il rapporto non mostra conteggi inferiori a \(t) persone: sono indicati con \(policy.suppressedMarker). Una cifra da cui si potrebbe ricavare un conteggio nascosto (il suo tasso, l'intervallo, o un totale meno le altre parti), o calcolata su meno di \(t) persone, è indicata con \(Disclosure.confidentialMarker) (riservato). – indica che la cifra non si può calcolare.\(rounding)"
                    )))
        }
        let figure = { (id: String) -> [ReportDocument.Block] in
            figures.filter { $0.fileName == id + ".svg" }.map(\.block)
        }
        blocks.insert(contentsOf: guardrailParagraphs + keyFiguresSection, at: policy.isApplied ? 1 : 2)
        blocks +=
            reachSection + servicesAndMakeUpSection + retentionSection + figure("retention_curve")
            + retentionCurveSection + reemploymentSection + figure("reemployment_by_type") + timeToJobSection
            + figure("time_to_job") + wellbeingSection + figure("wellbeing") + costSection + trendSection + figure("trend")
            + subgroupSection + dataChecksSection
            + appendixSection + provenanceSection
        return ReportDocument(title: title, blocks: blocks)
    }

    /// The report's title, with its period in words.
    var title: String {
        let l = language
        return l.t(
            "Programme evaluation report — \(l.period(release.period))",
            "Rapporto di valutazione del programma — \(l.period(release.period))")
    }

    /// How shown counts are rounded (with a leading space), or nothing.
    var roundingText: String {
        guard policy.roundingBase > 1 else { return "" }
        return language.t(
            " Shown counts of people are then rounded to the nearest \(policy.roundingBase).",
            " I conteggi di persone mostrati sono poi arrotondati a \(policy.roundingBase).")
    }

    /// The period's dates and what the figures of the period count.
    var periodText: String {
        let l = language
        let period = release.period
        return l.t(
            "\(l.date(period.from)) to \(l.date(period.to)). Activity figures count what happened inside the period; outcome figures cover everyone enrolled by \(l.date(period.to)), observed up to that date (or their last follow-up).",
            "dal \(l.date(period.from)) al \(l.date(period.to)). Le cifre di attività contano ciò che è accaduto nel periodo; gli esiti riguardano tutti gli iscritti entro il \(l.date(period.to)), osservati fino a quella data (o all'ultimo contatto)."
        )
    }

    var reachSection: [ReportDocument.Block] {
        let l = language
        let r = release.reach
        let rows: [[Cell]] = [
            [
                .text(
                    l.t("Groups active (at least one meeting held in the period)", "Gruppi attivi (almeno un incontro svolto nel periodo)")),
                Cell(l.count(r.groups), csv: .integer(r.groups)),
            ],
            [
                .text(l.t("Meetings held in the period", "Incontri svolti nel periodo")),
                Cell(l.count(r.meetingsHeld), csv: .integer(r.meetingsHeld)),
            ],
            [.text(l.t("Participants enrolled in the period", "Partecipanti iscritti nel periodo")), count(r.enrolled)],
            [
                .text(
                    l.t(
                        "Participants who attended at least one meeting held in the period",
                        "Partecipanti presenti ad almeno un incontro svolto nel periodo")), count(r.attendedOnce),
            ],
        ]
        return [
            .heading(level: 2, text: l.t("Reach", "Partecipazione")),
            table(
                id: "reach", caption: l.t("Activity in the period", "Attività nel periodo"),
                columns: [Column(l.t("Indicator", "Indicatore"), key: "indicator"), Column(l.t("Count", "Numero"), key: "count", .number)],
                rows: rows),
        ]
    }

    func rateRow(_ label: String, _ rate: ReleasedRate, _ definition: String) -> [Cell] {
        [
            .text(label), count(rate.numerator), count(rate.denominator), share(rate.value),
            interval(rate.low, rate.high, percent: true), .text(definition),
        ]
    }

    var retentionDefinition: String {
        let c = configuration
        let share = language.threshold(c.retentionThreshold)
        return c.retentionInclusive
            ? language.t(
                "participants who attended at least \(share) of the meetings held in their group since they enrolled, among those with at least one meeting held",
                "partecipanti presenti ad almeno il \(share) degli incontri svolti nel loro gruppo dall'iscrizione, tra chi ha avuto almeno un incontro"
            )
            : language.t(
                "participants who attended more than \(share) of the meetings held in their group since they enrolled, among those with at least one meeting held",
                "partecipanti presenti a più del \(share) degli incontri svolti nel loro gruppo dall'iscrizione, tra chi ha avuto almeno un incontro"
            )
    }

    func reemploymentDefinition(retained: Bool) -> String {
        let events = configuration.reemploymentEvents.map { words.outcomeType($0).lowercased() }.joined(separator: ", ")
        return retained
            ? language.t(
                "retained participants with a work experience (\(events)) between enrolment and the end of their observation",
                "partecipanti con frequenza regolare con un'esperienza di lavoro (\(events)) tra l'iscrizione e la fine della loro osservazione"
            )
            : language.t(
                "participants with a work experience (\(events)) between enrolment and the end of their observation, among all enrolled by the period end",
                "partecipanti con un'esperienza di lavoro (\(events)) tra l'iscrizione e la fine della loro osservazione, tra tutti gli iscritti entro la fine del periodo"
            )
    }

    var rateColumns: [Column] {
        let l = language
        return [
            Column(l.t("Indicator", "Indicatore"), key: "indicator"), Column(l.t("Numerator", "Numeratore"), key: "numerator", .number),
            Column(l.t("Denominator", "Denominatore"), key: "denominator", .number), Column(l.t("Rate", "Tasso"), key: "rate", .rate),
            .interval(l.t("95% CI (Wilson)", "IC 95% (Wilson)"), rate: true), Column(l.t("Definition", "Definizione"), key: "definition"),
        ]
    }

    var retentionSection: [ReportDocument.Block] {
        let l = language
        let r = release.retention
        let comparator = r.inclusive ? "≥" : ">"
        return [
            .heading(level: 2, text: l.t("Attendance and retention", "Frequenza e permanenza")),
            table(
                id: "retention",
                caption: l.t(
                    "Retention: attendance rate \(comparator) \(l.threshold(r.threshold))",
                    "Permanenza: tasso di frequenza \(comparator) \(l.threshold(r.threshold))"),
                columns: rateColumns,
                rows: [rateRow(l.t("Retained", "Con frequenza regolare"), r.rate, retentionDefinition)]),
            .paragraph(
                l.t(
                    "Participants with no meeting held yet since they enrolled (not started, left out of the denominator): \(inline(r.notStarted)).",
                    "Partecipanti senza ancora incontri svolti dalla loro iscrizione (non avviati, esclusi dal denominatore): \(inline(r.notStarted))."
                )),
        ]
    }

    var reemploymentSection: [ReportDocument.Block] {
        let l = language
        let r = release.reemployment
        let enrolled = inline(r.rate.denominator)
        let typeRows: [[Cell]] = r.byType.map { item in [.text(words.outcomeType(item.type)), count(item.people), share(item.share)] }
        let breakdown = configuration.breakdown == .best
        return [
            .heading(level: 2, text: l.t("Re-employment", "Inserimento lavorativo")),
            table(
                id: "reemployment", caption: l.t("Work experience after enrolment", "Esperienze di lavoro dopo l'iscrizione"),
                columns: rateColumns,
                rows: [
                    rateRow(
                        l.t("All enrolled (intention to treat)", "Tutti gli iscritti (per intenzione di trattamento)"), r.rate,
                        reemploymentDefinition(retained: false)),
                    rateRow(
                        l.t("Retained participants", "Partecipanti con frequenza regolare"), r.retained,
                        reemploymentDefinition(retained: true)),
                ]),
            table(
                id: "reemployment_by_type",
                caption: l.t(
                    "Re-employed by type: each person counted once by their \(breakdown ? "best" : "first") event, so the parts add up to the whole; share of all \(enrolled) enrolled",
                    "Inseriti per tipo: ogni persona contata una volta sola per il suo esito \(breakdown ? "migliore" : "primo"), così le parti sommano al totale; quota su tutti i \(enrolled) iscritti"
                ),
                columns: [
                    Column(l.t("Type", "Tipo"), key: "type"), Column(l.t("People", "Persone"), key: "people", .number),
                    Column(l.t("Share of enrolled", "Quota degli iscritti"), key: "share_of_enrolled", .rate),
                ],
                rows: typeRows),
            .paragraph(
                l.t(
                    "Lost to follow-up (observation ended early, no work experience recorded): \(inline(r.lostToFollowUp)). If all of them had found work the rate would be \(share(r.rateUpperBound).display).",
                    "Persi al follow-up (osservazione terminata prima, nessuna esperienza registrata): \(inline(r.lostToFollowUp)). Se tutti avessero trovato lavoro il tasso sarebbe \(share(r.rateUpperBound).display)."
                )),
        ]
    }
}
