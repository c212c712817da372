/// Lays out a `ProgrammeEvaluation` as the funder report (DESIGN §6): every
/// rate with its numerator, denominator and definition; suppressed cells shown
/// as `<5`; method notes and provenance at the end.
public struct ReportComposer: Sendable {
    public let evaluation: ProgrammeEvaluation
    public let disclosure: Disclosure
    public let language: ReportLanguage
    public let subgroups: Subgroups?

    public init(_ evaluation: ProgrammeEvaluation, disclosure: Disclosure, language: ReportLanguage, subgroups: Subgroups? = nil) {
        self.evaluation = evaluation
        self.disclosure = disclosure
        self.language = language
        self.subgroups = subgroups
    }

    typealias Cell = ReportTable.Cell

    // MARK: Cells

    var suppressedMark: String { "<\(disclosure.threshold)" }

    func count(_ n: Int?) -> Cell {
        guard let n else { return Cell("–", csv: .empty) }
        guard let shown = disclosure.count(n) else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        return Cell(language.count(shown), csv: .integer(shown))
    }

    func shown(_ n: Int?) -> Cell {
        guard let n else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        return Cell(language.count(n), csv: .integer(n))
    }

    func share(_ x: Double?, people: Int) -> Cell {
        guard let x else { return Cell("–", csv: .empty) }
        guard let v = disclosure.statistic(x, people: people) else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        return Cell(language.percent(v), csv: .number(v, digits: 6))
    }

    func number(_ x: Double?, people: Int, digits: Int = 2) -> Cell {
        guard let x else { return Cell("–", csv: .empty) }
        guard let v = disclosure.statistic(x, people: people) else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        return Cell(language.number(v, digits: digits), csv: .number(v, digits: 6))
    }

    func interval(_ ci: ConfidenceInterval?, people: Int, percent: Bool = false) -> Cell {
        guard let ci else { return Cell("–", csv: .empty) }
        guard disclosure.statistic(ci.lower, people: people) != nil else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        let f = { (x: Double) in percent ? language.percent(x) : language.number(x) }
        let text = "\(f(ci.lower)) – \(f(ci.upper))"
        return Cell(text, csv: .text(text))
    }

    func pValue(_ p: Double?, people: Int) -> Cell {
        guard let p else { return Cell("–", csv: .empty) }
        guard let v = disclosure.statistic(p, people: people) else { return Cell(suppressedMark, csv: .text(suppressedMark)) }
        let text = v < 0.001 ? "<" + language.number(0.001, digits: 3) : language.number(v, digits: 3)
        return Cell(text, csv: .number(v, digits: 8))
    }

    // MARK: Document

    public var document: ReportDocument { document(figures: figures) }

    /// The document with `figures` (drawn once by the caller) in their places.
    public func document(figures: [ReportFigure]) -> ReportDocument {
        let l = language
        let e = evaluation
        var blocks: [ReportDocument.Block] = []
        if !disclosure.isApplied {
            blocks.append(.paragraph(UnsuppressedStamp.text(l)))
        }
        blocks.append(
            .paragraph(
                l.t(
                    "Period: \(e.period.from.iso8601) to \(e.period.to.iso8601). Activity figures count what happened inside the period; outcome figures cover everyone enrolled by \(e.period.to.iso8601), observed up to that date (or their last follow-up).",
                    "Periodo: dal \(e.period.from.iso8601) al \(e.period.to.iso8601). Le cifre di attività contano ciò che è accaduto nel periodo; gli esiti riguardano tutti gli iscritti entro il \(e.period.to.iso8601), osservati fino a quella data (o all'ultimo contatto)."
                )))
        if disclosure.isApplied {
            blocks.append(
                .paragraph(
                    l.t(
                        "Counts below \(disclosure.threshold), and rates or means computed from fewer than \(disclosure.threshold) people, are shown as \(suppressedMark)\(disclosure.roundingBase > 1 ? "; displayed counts are rounded to the nearest \(disclosure.roundingBase)" : "").",
                        "I conteggi inferiori a \(disclosure.threshold), e i tassi o le medie calcolati su meno di \(disclosure.threshold) persone, sono indicati come \(suppressedMark)\(disclosure.roundingBase > 1 ? "; i conteggi mostrati sono arrotondati a \(disclosure.roundingBase)" : "")."
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
            title: l.t("Programme evaluation report — \(e.period.label)", "Rapporto di valutazione del programma — \(e.period.label)"),
            blocks: blocks)
    }

    var reachSection: [ReportDocument.Block] {
        let l = language
        let r = evaluation.reach
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
            .table(
                ReportTable(
                    id: "reach", caption: l.t("Activity in the period", "Attività nel periodo"),
                    columns: [l.t("Indicator", "Indicatore"), l.t("Count", "Numero")], rows: rows, numeric: [1])),
        ]
    }

    func rateRow(_ label: String, _ rate: Rate, _ definition: String) -> [Cell] {
        [
            .text(label), count(rate.numerator), count(rate.denominator), share(rate.value, people: rate.denominator),
            interval(rate.interval, people: rate.denominator, percent: true), .text(definition),
        ]
    }

    var retentionDefinition: String {
        let c = evaluation.configuration
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
        let events = evaluation.configuration.reemploymentEvents.map { Self.typeName($0, language).lowercased() }.joined(separator: ", ")
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
        let r = evaluation.retention
        let comparator = r.inclusive ? "≥" : ">"
        return [
            .heading(level: 2, text: l.t("Attendance and retention", "Frequenza e permanenza")),
            .table(
                ReportTable(
                    id: "retention",
                    caption: l.t(
                        "Retention: attendance rate \(comparator) \(l.percent(r.threshold))",
                        "Permanenza: tasso di frequenza \(comparator) \(l.percent(r.threshold))"),
                    columns: rateColumns,
                    rows: [rateRow(l.t("Retained", "Trattenuti"), r.rate, retentionDefinition)], numeric: [1, 2, 3])),
            .paragraph(
                l.t(
                    "Participants with no meeting held yet since they enrolled (not started, left out of the denominator): \(count(r.notStarted).display).",
                    "Partecipanti senza ancora incontri svolti dalla loro iscrizione (non avviati, esclusi dal denominatore): \(count(r.notStarted).display)."
                )),
        ]
    }

    var reemploymentSection: [ReportDocument.Block] {
        let l = language
        let r = evaluation.reemployment
        let shown = disclosure.partition(r.byType.map(\.count))
        let typeRows: [[Cell]] = zip(r.byType, shown).map { item, value in
            let share: Cell
            if let value, r.rate.denominator > 0 {
                share = self.share(Double(item.count) / Double(r.rate.denominator), people: r.rate.denominator)
            } else {
                share = Cell(value == nil ? suppressedMark : "–", csv: value == nil ? .text(suppressedMark) : .empty)
            }
            return [.text(Self.typeName(item.type, l)), self.shown(value), share]
        }
        return [
            .heading(level: 2, text: l.t("Re-employment", "Inserimento lavorativo")),
            .table(
                ReportTable(
                    id: "reemployment", caption: l.t("Work experience after enrolment", "Esperienze di lavoro dopo l'iscrizione"),
                    columns: rateColumns,
                    rows: [
                        rateRow(
                            l.t("All enrolled (intention to treat)", "Tutti gli iscritti (intention to treat)"), r.rate,
                            reemploymentDefinition(retained: false)),
                        rateRow(
                            l.t("Retained participants", "Partecipanti trattenuti"), evaluation.reemploymentRetained.rate,
                            reemploymentDefinition(retained: true)),
                    ], numeric: [1, 2, 3])),
            .table(
                ReportTable(
                    id: "reemployment_by_type",
                    caption: l.t(
                        "Re-employed by type: each person counted once by their \(evaluation.configuration.breakdown == .best ? "best" : "first") event, so the parts add up to the whole; share of all \(l.count(r.rate.denominator)) enrolled",
                        "Inseriti per tipo: ogni persona contata una volta sola per il suo esito \(evaluation.configuration.breakdown == .best ? "migliore" : "primo"), così le parti sommano al totale; quota su tutti i \(l.count(r.rate.denominator)) iscritti"
                    ),
                    columns: [l.t("Type", "Tipo"), l.t("People", "Persone"), l.t("Share of enrolled", "Quota degli iscritti")],
                    rows: typeRows, numeric: [1, 2])),
            .paragraph(
                l.t(
                    "Lost to follow-up (observation ended early, no work experience recorded): \(count(r.lostToFollowUp).display). If all of them had found work the rate would be \(share(r.rateUpperBound, people: r.people.count).display).",
                    "Persi al follow-up (osservazione terminata prima, nessuna esperienza registrata): \(count(r.lostToFollowUp).display). Se tutti avessero trovato lavoro il tasso sarebbe \(share(r.rateUpperBound, people: r.people.count).display)."
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
