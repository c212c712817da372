import EvaluationDomain
import Indicators
import Ingest

/// DESIGN §6 "Guardrails": the opening says when the period starts after the
/// data end and how many check errors there are; "Data checks" lists every
/// finding of the cross-file checks by kind with its count, naming no one.
extension ReportComposer {
    /// Sentences for the opening (empty when there is nothing to say).
    var guardrailParagraphs: [ReportDocument.Block] {
        let l = language
        var blocks: [ReportDocument.Block] = []
        if let latest = release.latestDate, release.period.from > latest {
            blocks.append(
                .paragraph(
                    l.t(
                        "**Warning: the period starts after the last date recorded in the data (\(l.date(latest))).** Nothing is recorded after that date, so activity figures are zero and outcomes show only what was recorded up to it: import the newer exports first.",
                        "**Attenzione: il periodo inizia dopo l'ultima data registrata nei dati (\(l.date(latest))).** Dopo quella data non c'è nulla di registrato: le cifre di attività sono zero e gli esiti mostrano solo quanto registrato fino ad allora; importare prima gli export più recenti."
                    )))
        }
        let errors = release.dataChecks.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }
        if errors > 0 {
            blocks.append(
                .paragraph(
                    l.t(
                        "**The data checks found \(l.count(errors)) error(s)** (see \"Data checks\"): figures that use the records concerned may be wrong until the exports are corrected.",
                        "**I controlli sui dati hanno trovato \(l.count(errors)) errore/i** (vedi \"Controlli sui dati\"): le cifre che usano quei record possono essere sbagliate finché gli export non sono corretti."
                    )))
        }
        return blocks
    }

    var dataChecksSection: [ReportDocument.Block] {
        let l = language
        let heading = ReportDocument.Block.heading(level: 2, text: l.t("Data checks", "Controlli sui dati"))
        guard !release.dataChecks.isEmpty else {
            return [
                heading,
                .paragraph(
                    l.t(
                        "The cross-file checks (attendance against groups, enrolment and leaving dates; outcome, service and questionnaire dates and values) found nothing.",
                        "I controlli incrociati (presenze rispetto a gruppi, date di iscrizione e uscita; date e valori di esiti, servizi e questionari) non hanno trovato nulla."
                    )),
            ]
        }
        let rows: [[Cell]] = release.dataChecks.map { c in
            [
                Cell(checkName(c.kind), csv: .text(c.kind.rawValue)),
                Cell(c.severity == .error ? l.t("error", "errore") : l.t("warning", "avviso"), csv: .text(c.severity.rawValue)),
                Cell(l.count(c.count), csv: .integer(c.count)),
            ]
        }
        return [
            heading,
            table(
                id: "data_checks",
                caption: l.t(
                    "Findings of the cross-file checks, by kind (records, not people; `evalrun check` lists each one)",
                    "Risultati dei controlli incrociati, per tipo (record, non persone; `evalrun check` li elenca uno per uno)"),
                columns: [
                    Column(l.t("Check", "Controllo"), key: "check"), Column(l.t("Severity", "Gravità"), key: "severity"),
                    Column(l.t("Findings", "Casi"), key: "count", .number),
                ],
                rows: rows),
        ]
    }

    func checkName(_ kind: ConsistencyCheck.Kind) -> String { DataCheckName.of(kind, language) }
}

/// The name of each cross-file check, in words (the report's "Data checks", `evalrun check`).
public enum DataCheckName {
    public static func of(_ kind: ConsistencyCheck.Kind, _ l: ReportLanguage) -> String {
        switch kind {
        case .meetingWithoutDate: return l.t("meeting without a date", "incontro senza data")
        case .groupWithoutMeetings: return l.t("group without meetings", "gruppo senza incontri")
        case .markInAnotherGroup:
            return l.t("attendance in another group than the participant's", "presenza in un gruppo diverso da quello del partecipante")
        case .presentAtCancelledMeeting: return l.t("present at a cancelled meeting", "presente a un incontro annullato")
        case .presentBeforeEnrolment: return l.t("present before enrolling", "presente prima dell'iscrizione")
        case .presentAfterLeaving: return l.t("present after leaving", "presente dopo l'uscita")
        case .outcomeOutOfRange: return l.t("outcome dated before 1990 or in the future", "esito datato prima del 1990 o nel futuro")
        case .outcomeBeforeEnrolment: return l.t("outcome dated before enrolment", "esito datato prima dell'iscrizione")
        case .undeclaredInstrument: return l.t("questionnaire of an undeclared instrument", "questionario di uno strumento non dichiarato")
        case .itemOutOfRange: return l.t("questionnaire item out of range", "risposta fuori scala")
        case .wrongItemCount: return l.t("questionnaire with the wrong number of items", "questionario con un numero errato di domande")
        case .serviceBeforeEnrolment: return l.t("service before enrolment", "servizio prima dell'iscrizione")
        case .serviceInFuture: return l.t("service dated in the future", "servizio datato nel futuro")
        case .questionnaireBeforeEnrolment:
            return l.t("questionnaire completed before enrolment", "questionario compilato prima dell'iscrizione")
        case .blankItems:
            return l.t(
                "questionnaire left out of scoring: blank items", "questionario escluso dal punteggio: domande senza risposta")
        }
    }
}
