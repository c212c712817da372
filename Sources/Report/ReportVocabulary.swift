import EvaluationDomain
import Indicators

/// The words a report uses for the codes of the data (DESIGN §6: "codes as
/// words"): instruments by their full name, outcome types, waves, the
/// attributes and levels the contract defines, services it names and the
/// kinds of input files, in English and Italian. A code the contract does not
/// define is printed as the data wrote it.
struct ReportVocabulary: Sendable {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    private func t(_ en: String, _ it: String) -> String { language.t(en, it) }

    /// An instrument's full name with its code: "Warwick-Edinburgh Mental
    /// Wellbeing Scale (WEMWBS)"; a declared instrument by its code.
    func instrument(_ id: String) -> String {
        switch id {
        case "WEMWBS":
            return t("Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)", "Scala del benessere mentale di Warwick-Edinburgh (WEMWBS)")
        case "SWEMWBS":
            return t(
                "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
                "Scala breve del benessere mentale di Warwick-Edinburgh (SWEMWBS)")
        case "RSES": return t("Rosenberg Self-Esteem Scale (RSES)", "Scala dell'autostima di Rosenberg (RSES)")
        case "GHQ12": return t("General Health Questionnaire (GHQ-12)", "Questionario sulla salute generale (GHQ-12)")
        case "GHQ12-GHQ":
            return t(
                "General Health Questionnaire, GHQ scoring (GHQ-12)", "Questionario sulla salute generale, punteggio GHQ (GHQ-12)")
        case "GSE": return t("General Self-Efficacy Scale (GSE)", "Scala di autoefficacia generale (GSE)")
        case "PHQ9": return t("Patient Health Questionnaire (PHQ-9)", "Questionario sulla salute del paziente (PHQ-9)")
        default: return id
        }
    }

    func outcomeType(_ type: OutcomeType) -> String {
        switch type {
        case .traineeship: return t("Traineeship", "Tirocinio")
        case .fixedTerm: return t("Fixed-term contract", "Contratto a tempo determinato")
        case .permanent: return t("Permanent contract", "Contratto a tempo indeterminato")
        case .selfEmployment: return t("Self-employment", "Lavoro autonomo")
        case .training: return t("Training", "Formazione")
        case .other: return t("Other", "Altro")
        }
    }

    func wave(_ wave: Wave) -> String {
        switch wave {
        case .baseline: return t("start", "ingresso")
        case .end: return t("end", "fine")
        case .followup: return t("follow-up", "follow-up")
        }
    }

    /// An attribute's name: the contract's attributes and services in words,
    /// `service:x` as "used x", anything else as written.
    func attribute(_ name: String) -> String {
        if name.hasPrefix("service:") {
            let s = service(String(name.dropFirst("service:".count)))
            return t("used \(s)", "ha usato \(s)")
        }
        if name.hasPrefix("service_hours:") {
            let s = service(String(name.dropFirst("service_hours:".count)))
            return t("hours of \(s)", "ore di \(s)")
        }
        switch name {
        case "sex": return t("sex", "sesso")
        case "education": return t("education", "titolo di studio")
        case "status_at_entry": return t("status at entry", "condizione all'ingresso")
        case "referred_by": return t("referred by", "inviante")
        case "site": return t("site", "sede")
        case "composition": return t("group composition", "composizione del gruppo")
        case "group_id": return t("group", "gruppo")
        case "programme": return t("programme", "programma")
        case "facilitator": return t("facilitator", "facilitatore")
        case "age": return t("age", "età")
        case "birth_year": return t("year of birth", "anno di nascita")
        case "company": return t("company", "azienda")
        case "start_year": return t("start year", "anno di avvio")
        default: return name
        }
    }

    /// A level of an attribute in words where the contract defines the codes
    /// (composition, sex, `yes`/`no` of a service, `(missing)`).
    func level(_ level: String, of attribute: String) -> String {
        if level == Levels.missing { return t("(missing)", "(mancante)") }
        if attribute == "composition", let c = Composition(parsing: level) {
            return c == .homogeneous ? t("homogeneous", "omogeneo") : t("heterogeneous", "eterogeneo")
        }
        if attribute == "sex" {
            switch level {
            case "F": return t("women", "donne")
            case "M": return t("men", "uomini")
            default: return level
            }
        }
        if attribute.hasPrefix("service:") {
            switch level {
            case "yes": return t("yes", "sì")
            case "no": return t("no", "no")
            default: return level
            }
        }
        return level
    }

    /// A service the contract names, in words; others as written.
    func service(_ name: String) -> String {
        switch Vocabulary.key(name) {
        case "counselling", "counseling": return t("individual counselling", "colloquio individuale")
        case "guidance interview", "guidance": return t("guidance interview", "colloquio di orientamento")
        case "support pact": return t("support pact", "patto di servizio")
        case "workshop": return t("workshop", "laboratorio")
        case "work experience": return t("work experience", "esperienza di lavoro")
        default: return name
        }
    }

    func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .groups: return t("groups", "gruppi")
        case .participants: return t("participants", "partecipanti")
        case .sessions: return t("meetings", "incontri")
        case .attendance: return t("attendance", "presenze")
        case .questionnaires: return t("questionnaires", "questionari")
        case .services: return t("services", "servizi")
        case .outcomes: return t("outcomes", "esiti")
        }
    }
}
