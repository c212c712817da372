/// What each column of each file kind holds — meaning, type, accepted values and an
/// example, in English and Italian — beside the columns themselves (`ColumnSchema`):
/// `evalrun template` writes DATA_DICTIONARY.md and the workbook's header comments from it.
extension ColumnSchema {
    /// What a column holds: meaning, type, accepted values and an example, in both languages.
    public struct Description: Sendable {
        public var meaning: (en: String, it: String)
        public var type: (en: String, it: String)
        public var accepted: (en: String, it: String)
        public var example: String
    }

    static let date = ("date: yyyy-mm-dd or dd/mm/yyyy", "data: aaaa-mm-gg o gg/mm/aaaa")
    static let text = ("text", "testo")
    static let whole = ("whole number", "numero intero")
    static let number = (
        "number (decimal point; a decimal comma in ';'-separated files, as Excel in Italian saves them)",
        "numero (punto decimale; virgola decimale nei file separati da ';', come li salva Excel in italiano)"
    )

    /// What each column holds, by its typed name (a date of services.csv has its own, below).
    static let descriptions: [ColumnName: Description] = [
        .groupID: Description(
            meaning: ("the group's code, the same in every file", "il codice del gruppo, uguale in tutti i file"), type: text,
            accepted: ("any code", "qualsiasi codice"), example: "G001"),
        .personID: Description(
            meaning: (
                "the code of a person in the comparison group, who did not take part (a pseudonym; never a name or tax code)",
                "il codice di una persona del gruppo di confronto, che non ha partecipato (uno pseudonimo; mai nome o codice fiscale)"
            ),
            type: text, accepted: ("any code that is not a participant's", "qualsiasi codice che non sia di un partecipante"),
            example: "C00001"),
        .referenceDate: Description(
            meaning: (
                "the date from which the person's outcomes count (registration at the job centre), as enrolment for a participant",
                "la data da cui contano gli esiti della persona (iscrizione al centro per l'impiego), come l'iscrizione per un partecipante"
            ),
            type: date, accepted: ("a date", "una data"), example: "2016-03-01"),
        .participantID: Description(
            meaning: (
                "the participant's code (a pseudonym; never a name or tax code)",
                "il codice del partecipante (uno pseudonimo; mai nome o codice fiscale)"
            ),
            type: text, accepted: ("any code", "qualsiasi codice"), example: "P00001"),
        .composition: Description(
            meaning: (
                "whether the group gathers workers of one company or mixed backgrounds",
                "se il gruppo riunisce lavoratori di una sola azienda o provenienze miste"
            ),
            type: text,
            accepted: ("homogeneous / heterogeneous (omogeneo / eterogeneo)", "omogeneo / eterogeneo (homogeneous / heterogeneous)"),
            example: "omogeneo"),
        .programme: Description(
            meaning: ("the programme or project", "il programma o progetto"), type: text, accepted: ("any text", "testo libero"),
            example: "AMA Lavoro 2016"),
        .site: Description(
            meaning: ("where the group meets", "dove il gruppo si incontra"), type: text, accepted: ("any text", "testo libero"),
            example: "Forlì"),
        .startDate: Description(
            meaning: ("the group's first meeting", "il primo incontro del gruppo"), type: date, accepted: ("a date", "una data"),
            example: "2016-03-15"),
        .plannedSessions: Description(
            meaning: ("meetings planned for the group", "incontri previsti per il gruppo"), type: whole,
            accepted: ("1 or more", "1 o più"), example: "18"),
        .facilitator: Description(
            meaning: ("who leads the group", "chi conduce il gruppo"), type: text, accepted: ("any text", "testo libero"),
            example: "facilitatore 1"),
        .enrolledOn: Description(
            meaning: ("the day the participant enrolled", "il giorno dell'iscrizione"), type: date, accepted: ("a date", "una data"),
            example: "2016-03-08"),
        .leftOn: Description(
            meaning: (
                "the day the participant left the group, if they did",
                "il giorno in cui il partecipante ha lasciato il gruppo, se è successo"
            ),
            type: date, accepted: ("a date on or after enrolment, or blank", "una data dall'iscrizione in poi, o vuoto"), example: ""),
        .sex: Description(
            meaning: ("sex", "sesso"), type: text, accepted: ("F / M (donna, uomo, …), or blank", "F / M (donna, uomo, …), o vuoto"),
            example: "F"),
        .birthYear: Description(
            meaning: ("year of birth (age is derived from it)", "anno di nascita (l'età ne deriva)"), type: whole,
            accepted: ("a year", "un anno"), example: "1968"),
        .education: Description(
            meaning: ("highest qualification", "titolo di studio più alto"), type: text, accepted: ("any text", "testo libero"),
            example: "diploma"),
        .statusAtEntry: Description(
            meaning: ("employment status at entry", "condizione lavorativa all'ingresso"), type: text,
            accepted: (
                "e.g. unemployed, never employed, furloughed (cassa integrazione), mobilità",
                "es. disoccupato, mai occupato, cassa integrazione, mobilità"
            ),
            example: "cassa integrazione"),
        .referredBy: Description(
            meaning: ("who referred the participant", "chi ha inviato il partecipante"), type: text,
            accepted: ("any text", "testo libero"), example: "centro per l'impiego"),
        .unemployedSince: Description(
            meaning: ("when the participant lost their job", "da quando il partecipante è senza lavoro"), type: date,
            accepted: ("a date, or blank", "una data, o vuoto"), example: "2015-06-30"),
        .followedUpUntil: Description(
            meaning: (
                "the last day the participant's outcomes are known (lost to follow-up after it)",
                "l'ultimo giorno in cui gli esiti del partecipante sono noti (poi perso al follow-up)"
            ),
            type: date,
            accepted: ("a date, or blank (followed to the period end)", "una data, o vuoto (seguito fino alla fine del periodo)"),
            example: ""),
        .sessionNo: Description(
            meaning: ("the meeting's number within its group", "il numero dell'incontro nel suo gruppo"), type: whole,
            accepted: ("1 or more", "1 o più"), example: "1"),
        .date: Description(
            meaning: ("the meeting's date", "la data dell'incontro"), type: date, accepted: ("a date", "una data"),
            example: "2016-03-15"),
        .held: Description(
            meaning: ("whether the meeting took place", "se l'incontro si è svolto"), type: text,
            accepted: ("1 / 0 (blank = held; 0 = cancelled)", "1 / 0 (vuoto = svolto; 0 = annullato)"), example: "1"),
        .present: Description(
            meaning: ("whether the participant attended", "se il partecipante era presente"), type: text,
            accepted: ("1/0, sì/no, P/A, x/blank", "1/0, sì/no, P/A, x/vuoto"), example: "1"),
        .instrument: Description(
            meaning: ("the questionnaire", "il questionario"), type: text,
            accepted: (
                "WEMWBS, SWEMWBS, RSES, GHQ12, GSE, PHQ9, or one declared in evalrun.toml",
                "WEMWBS, SWEMWBS, RSES, GHQ12, GSE, PHQ9, o uno dichiarato in evalrun.toml"
            ),
            example: "WEMWBS"),
        .wave: Description(
            meaning: ("when it was filled in", "quando è stato compilato"), type: text,
            accepted: (
                "baseline / end / followup (T0/T1/T2, pre/post, ingresso/fine)",
                "ingresso / fine / follow-up (T0/T1/T2, pre/post, baseline/end)"
            ),
            example: "baseline"),
        .completedOn: Description(
            meaning: ("the day it was filled in", "il giorno della compilazione"), type: date,
            accepted: ("a date, or blank", "una data, o vuoto"), example: "2016-03-15"),
        .score: Description(
            meaning: ("the total score, when the items are not given", "il punteggio totale, quando mancano le risposte"), type: number,
            accepted: ("within the instrument's range", "nell'intervallo dello strumento"), example: ""),
        .service: Description(
            meaning: ("the individual service", "il servizio individuale"), type: text,
            accepted: (
                "e.g. counselling, guidance, support_pact, workshop", "es. counselling, orientamento, support_pact, laboratorio"
            ), example: "counselling"),
        .hours: Description(
            meaning: ("hours of the service", "ore del servizio"), type: number, accepted: ("0 or more", "0 o più"), example: "1.5"),
        .provider: Description(
            meaning: ("who gave the service", "chi ha erogato il servizio"), type: text, accepted: ("any text", "testo libero"),
            example: "sportello lavoro"),
        .amount: Description(
            meaning: (
                "what the service cost (the cost per outcome adds these up)",
                "quanto è costato il servizio (il costo per esito li somma)"
            ), type: number,
            accepted: ("0 or more, in the project's currency", "0 o più, nella valuta del progetto"), example: "300"),
        .eventDate: Description(
            meaning: ("the day the job or training started", "il giorno di avvio del lavoro o della formazione"), type: date,
            accepted: ("a date", "una data"), example: "2016-09-01"),
        .outcome: Description(
            meaning: ("what it was", "di che cosa si tratta"), type: text,
            accepted: (
                "traineeship, fixed_term, permanent, self_employment, training, other (tirocinio, tempo_determinato, tempo_indeterminato, autoimpiego, formazione, altro)",
                "tirocinio, tempo_determinato, tempo_indeterminato, autoimpiego, formazione, altro (traineeship, fixed_term, permanent, self_employment, training, other)"
            ), example: "tempo_determinato"),
        .source: Description(
            meaning: ("where the information comes from", "da dove viene l'informazione"), type: text,
            accepted: ("any text", "testo libero"), example: "comunicazioni obbligatorie"),
        .endDate: Description(
            meaning: (
                "the last day of the job (blank: still going on when the records end, so it counts as in work up to then)",
                "l'ultimo giorno del lavoro (vuoto: ancora in corso quando finiscono i dati, e conta come lavoro fino ad allora)"
            ), type: date,
            accepted: ("a date on or after the start, or blank", "una data uguale o successiva all'inizio, o vuoto"), example: ""),
    ]

    /// `followed_up_until` of the comparison group: the person's, counted from the reference date.
    static let comparisonFollowedUpUntil = Description(
        meaning: (
            "the last day the person's outcomes are known (lost to follow-up after it)",
            "l'ultimo giorno in cui gli esiti della persona sono noti (poi persa al follow-up)"
        ),
        type: date,
        accepted: (
            "a date on or after the reference date, or blank (followed to the period end)",
            "una data dalla data di riferimento in poi, o vuoto (seguita fino alla fine del periodo)"
        ),
        example: "")

    /// A date of services.csv: the day the service was given.
    static let serviceDate = Description(
        meaning: ("the day the service was given", "il giorno in cui il servizio è stato erogato"), type: date,
        accepted: ("a date", "una data"), example: "2016-04-02")

    /// The data dictionary's entry of a column, by canonical name (and by kind where a name means different things).
    public static func description(of column: String, kind: FileKind) -> Description {
        guard let name = ColumnName(rawValue: column) else {
            return Description(meaning: ("", ""), type: text, accepted: ("", ""), example: "")
        }
        if name == .date && kind == .services { return serviceDate }
        if name == .followedUpUntil && kind == .comparison { return comparisonFollowedUpUntil }
        return descriptions[name] ?? Description(meaning: ("", ""), type: text, accepted: ("", ""), example: "")
    }
}

extension ColumnSchema.Column {
    /// What the column holds, in both languages (the data dictionary and the templates' comments).
    public func description(in kind: FileKind) -> ColumnSchema.Description { ColumnSchema.description(of: name, kind: kind) }
}
