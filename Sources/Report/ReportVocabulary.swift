import EvaluationDomain
import Indicators

/// The words a report uses for the codes of the data (METHODS §6: "codes as
/// words"): instruments by their full name, outcome types, waves, the
/// attributes and levels the contract defines, services it names and the
/// kinds of input files, in English and Italian. A code the contract does not
/// define is printed as the data wrote it.
struct ReportVocabulary: Sendable {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    /// An instrument's full name with its code: "Warwick-Edinburgh Mental
    /// Wellbeing Scale (WEMWBS)"; a declared instrument by its code.
    func instrument(_ id: String) -> String {
        switch id {
        case "WEMWBS":
            return language.text("words.warwick_edinburgh_mental_wellbeing_scale_wemwbs")
        case "SWEMWBS":
            return language.text("words.short_warwick_edinburgh_mental_wellbeing_scale")
        case "RSES": return language.text("words.rosenberg_self_esteem_scale_rses")
        case "GHQ12": return language.text("words.general_health_questionnaire_ghq_12")
        case "GHQ12-GHQ":
            return language.text("words.general_health_questionnaire_ghq_scoring_ghq")
        case "GSE": return language.text("words.general_self_efficacy_scale_gse")
        case "PHQ9": return language.text("words.patient_health_questionnaire_phq_9")
        default: return id
        }
    }

    func outcomeType(_ type: OutcomeType) -> String {
        switch type {
        case .traineeship: return language.text("words.traineeship")
        case .fixedTerm: return language.text("words.fixed_term_contract")
        case .permanent: return language.text("words.permanent_contract")
        case .selfEmployment: return language.text("words.self_employment")
        case .training: return language.text("words.training")
        case .other: return language.text("words.other")
        }
    }

    func wave(_ wave: Wave) -> String {
        switch wave {
        case .baseline: return language.text("words.start")
        case .end: return language.text("words.end")
        case .followup: return language.text("words.follow_up")
        }
    }

    /// An attribute's name: the contract's attributes and services in words,
    /// `service:x` as "used x", anything else as written.
    func attribute(_ name: String) -> String {
        if name.hasPrefix("service:") {
            let s = service(String(name.dropFirst("service:".count)))
            return language.text("words.used", s)
        }
        if name.hasPrefix("service_hours:") {
            let s = service(String(name.dropFirst("service_hours:".count)))
            return language.text("words.hours_of", s)
        }
        switch name {
        case "sex": return language.text("words.sex")
        case "education": return language.text("words.education")
        case "status_at_entry": return language.text("words.status_at_entry")
        case "referred_by": return language.text("words.referred_by")
        case "site": return language.text("words.site")
        case "composition": return language.text("words.group_composition")
        case "group_id": return language.text("words.group")
        case "programme": return language.text("words.programme")
        case "facilitator": return language.text("words.facilitator")
        case "age": return language.text("words.age")
        case "birth_year": return language.text("words.year_of_birth")
        case "company": return language.text("words.company")
        case "start_year": return language.text("words.start_year")
        default: return name
        }
    }

    /// An attribute's name as a sentence's subject or object, with the article Italian
    /// needs ("la composizione del gruppo", "l'età"; an attribute of the exports'
    /// own columns as "la caratteristica «azienda»"); English needs none.
    func attributeWithArticle(_ name: String) -> String {
        let known = [
            "sex", "education", "status_at_entry", "referred_by", "site", "composition", "group_id", "programme", "facilitator",
            "age", "birth_year", "company", "start_year",
        ]
        guard known.contains(name) else { return language.text("words.the_other", attribute(name)) }
        return language.text("words.the.\(name)")
    }

    /// A level of an attribute in words where the contract defines the codes
    /// (composition, sex, `yes`/`no` of a service, `(missing)`).
    func level(_ level: String, of attribute: String) -> String {
        if level == Levels.missing { return language.text("words.missing") }
        if attribute == "composition", let c = Composition(parsing: level) {
            return c == .homogeneous ? language.text("words.homogeneous") : language.text("words.heterogeneous")
        }
        if attribute == "sex" {
            switch level {
            case "F": return language.text("words.women")
            case "M": return language.text("words.men")
            default: return level
            }
        }
        if attribute.hasPrefix("service:") {
            switch level {
            case "yes": return language.text("words.yes")
            case "no": return language.text("words.no")
            default: return level
            }
        }
        return level
    }

    /// A service the contract names, in words; others as written.
    func service(_ name: String) -> String {
        switch Vocabulary.key(name) {
        case "counselling", "counseling": return language.text("words.individual_counselling")
        case "guidance interview", "guidance": return language.text("words.guidance_interview")
        case "support pact": return language.text("words.support_pact")
        case "workshop": return language.text("words.workshop")
        case "work experience": return language.text("words.work_experience")
        default: return name
        }
    }

    func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .groups: return language.text("words.groups")
        case .participants: return language.text("words.participants")
        case .sessions: return language.text("words.meetings")
        case .attendance: return language.text("words.attendance")
        case .questionnaires: return language.text("words.questionnaires")
        case .services: return language.text("words.services")
        case .outcomes: return language.text("words.outcomes")
        case .comparison: return language.text("words.comparison_group")
        case .comparisonOutcomes: return language.text("words.comparison_outcomes")
        }
    }
}
