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

    var policy: Disclosure { release.policy }
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

    func interval(_ low: Released<Double>, _ high: Released<Double>, percent: Bool = false) -> Cell {
        if let m = marker(low) ?? marker(high) { return m }
        guard let lo = low.shown, let hi = high.shown else { return Cell("–", csv: .empty) }
        let f = { (x: Double) in percent ? language.percent(x) : language.number(x) }
        let text = "\(f(lo)) – \(f(hi))"
        return Cell(text, csv: .text(text))
    }

    func pValue(_ r: Released<Double>) -> Cell {
        if let m = marker(r) { return m }
        guard let v = r.shown else { return Cell("–", csv: .empty) }
        let text = v < 0.001 ? "<" + language.number(0.001, digits: 3) : language.number(v, digits: 3)
        return Cell(text, csv: .number(v, digits: 8))
    }

    /// A count written inside a sentence.
    func inline(_ r: Released<Int>) -> String { count(r).display }

    /// The footnote explaining the markers a table uses.
    func footnote(for rows: [[Cell]]) -> String? {
        MarkerFootnote.text(for: rows, policy: policy, language: language)
    }

    /// A table with the footnote its markers need.
    func table(
        id: String, caption: String, columns: [String], rows: [[Cell]], numeric: Set<Int>
    ) -> ReportDocument.Block {
        .table(ReportTable(id: id, caption: caption, columns: columns, rows: rows, numeric: numeric, footnote: footnote(for: rows)))
    }

    // MARK: Document

    public var document: ReportDocument { document(figures: figures) }

    /// The document with `figures` (drawn once by the caller) in their places.
    public func document(figures: [ReportFigure]) -> ReportDocument {
        let l = language
        let period = release.period
        var blocks: [ReportDocument.Block] = []
        if !policy.isApplied {
            blocks.append(.paragraph(UnsuppressedStamp.text(l)))
        }
        blocks.append(
            .paragraph(
                l.t(
                    "Period: \(period.from.iso8601) to \(period.to.iso8601). Activity figures count what happened inside the period; outcome figures cover everyone enrolled by \(period.to.iso8601), observed up to that date (or their last follow-up).",
                    "Periodo: dal \(period.from.iso8601) al \(period.to.iso8601). Le cifre di attività contano ciò che è accaduto nel periodo; gli esiti riguardano tutti gli iscritti entro il \(period.to.iso8601), osservati fino a quella data (o all'ultimo contatto)."
                )))
        if policy.isApplied {
            let t = policy.threshold
            let rounding =
                policy.roundingBase > 1
                ? l.t(
                    " Shown counts of people are then rounded to the nearest \(policy.roundingBase).",
                    " I conteggi di persone mostrati sono poi arrotondati a \(policy.roundingBase).") : ""
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
        blocks +=
            reachSection + servicesAndMakeUpSection + retentionSection + figure("retention_curve")
            + retentionCurveSection + reemploymentSection + figure("reemployment_by_type") + timeToJobSection
            + figure("time_to_job") + wellbeingSection + figure("wellbeing") + costSection + subgroupSection
            + methodSection + provenanceSection
        return ReportDocument(
            title: l.t("Programme evaluation report — \(period.label)", "Rapporto di valutazione del programma — \(period.label)"),
            blocks: blocks)
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
                columns: [l.t("Indicator", "Indicatore"), l.t("Count", "Numero")], rows: rows, numeric: [1]),
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
        let share = language.percent(c.retentionThreshold)
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
        let events = configuration.reemploymentEvents.map { Self.typeName($0, language).lowercased() }.joined(separator: ", ")
        return retained
            ? language.t(
                "retained participants with a work experience (\(events)) between enrolment and the end of their observation",
                "partecipanti trattenuti con un'esperienza di lavoro (\(events)) tra l'iscrizione e la fine della loro osservazione")
            : language.t(
                "participants with a work experience (\(events)) between enrolment and the end of their observation, among all enrolled by the period end",
                "partecipanti con un'esperienza di lavoro (\(events)) tra l'iscrizione e la fine della loro osservazione, tra tutti gli iscritti entro la fine del periodo"
            )
    }

    var rateColumns: [String] {
        let l = language
        return [
            l.t("Indicator", "Indicatore"), l.t("Numerator", "Numeratore"), l.t("Denominator", "Denominatore"),
            l.t("Rate", "Tasso"), l.t("95% CI (Wilson)", "IC 95% (Wilson)"), l.t("Definition", "Definizione"),
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
                    "Retention: attendance rate \(comparator) \(l.percent(r.threshold))",
                    "Permanenza: tasso di frequenza \(comparator) \(l.percent(r.threshold))"),
                columns: rateColumns,
                rows: [rateRow(l.t("Retained", "Trattenuti"), r.rate, retentionDefinition)], numeric: [1, 2, 3]),
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
        let typeRows: [[Cell]] = r.byType.map { item in [.text(Self.typeName(item.type, l)), count(item.people), share(item.share)] }
        let breakdown = configuration.breakdown == .best
        return [
            .heading(level: 2, text: l.t("Re-employment", "Inserimento lavorativo")),
            table(
                id: "reemployment", caption: l.t("Work experience after enrolment", "Esperienze di lavoro dopo l'iscrizione"),
                columns: rateColumns,
                rows: [
                    rateRow(
                        l.t("All enrolled (intention to treat)", "Tutti gli iscritti (intention to treat)"), r.rate,
                        reemploymentDefinition(retained: false)),
                    rateRow(l.t("Retained participants", "Partecipanti trattenuti"), r.retained, reemploymentDefinition(retained: true)),
                ], numeric: [1, 2, 3]),
            table(
                id: "reemployment_by_type",
                caption: l.t(
                    "Re-employed by type: each person counted once by their \(breakdown ? "best" : "first") event, so the parts add up to the whole; share of all \(enrolled) enrolled",
                    "Inseriti per tipo: ogni persona contata una volta sola per il suo esito \(breakdown ? "migliore" : "primo"), così le parti sommano al totale; quota su tutti i \(enrolled) iscritti"
                ),
                columns: [l.t("Type", "Tipo"), l.t("People", "Persone"), l.t("Share of enrolled", "Quota degli iscritti")],
                rows: typeRows, numeric: [1, 2]),
            .paragraph(
                l.t(
                    "Lost to follow-up (observation ended early, no work experience recorded): \(inline(r.lostToFollowUp)). If all of them had found work the rate would be \(share(r.rateUpperBound).display).",
                    "Persi al follow-up (osservazione terminata prima, nessuna esperienza registrata): \(inline(r.lostToFollowUp)). Se tutti avessero trovato lavoro il tasso sarebbe \(share(r.rateUpperBound).display)."
                )),
        ]
    }

    static func typeName(_ t: OutcomeType, _ l: ReportLanguage) -> String {
        switch t {
        case .traineeship: return l.t("Traineeship", "Tirocinio")
        case .fixedTerm: return l.t("Fixed-term contract", "Contratto a tempo determinato")
        case .permanent: return l.t("Permanent contract", "Contratto a tempo indeterminato")
        case .selfEmployment: return l.t("Self-employment", "Lavoro autonomo")
        case .training: return l.t("Training", "Formazione")
        case .other: return l.t("Other", "Altro")
        }
    }

    static func waveName(_ w: Wave, _ l: ReportLanguage) -> String {
        switch w {
        case .baseline: return l.t("baseline", "ingresso")
        case .end: return l.t("end", "fine")
        case .followup: return l.t("follow-up", "follow-up")
        }
    }
}
