import EvaluationDomain
import Foundation
import Ingest

/// `evalrun template DIR` (DESIGN §7): one blank export per file kind with
/// its required and optional columns (Italian names with `--lang it`, the
/// aliases the importer accepts), and `DATA_DICTIONARY.md` describing every
/// column — meaning, type, accepted values, an example — and each file's
/// natural key. The blank files import as they are, and once filled they
/// import without a mapping.
public struct ImportTemplate: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// Item columns written in the questionnaire template (WEMWBS has 14).
    static let itemColumns = 14

    /// What a column holds: meaning, type, accepted values and an example, in both languages.
    struct Entry {
        var meaning: (en: String, it: String)
        var type: (en: String, it: String)
        var accepted: (en: String, it: String)
        var example: String
    }

    static let date = ("date: yyyy-mm-dd or dd/mm/yyyy", "data: aaaa-mm-gg o gg/mm/aaaa")
    static let text = ("text", "testo")
    static let whole = ("whole number", "numero intero")
    static let number = (
        "number (decimal point; a decimal comma in ';'-separated files, as Excel in Italian saves them)",
        "numero (punto decimale; virgola decimale nei file separati da ';', come li salva Excel in italiano)"
    )

    /// The dictionary, by canonical column name (and by kind where a name means different things).
    static func entry(_ column: String, kind: FileKind) -> Entry {
        switch column {
        case "group_id":
            return Entry(
                meaning: ("the group's code, the same in every file", "il codice del gruppo, uguale in tutti i file"), type: text,
                accepted: ("any code", "qualsiasi codice"), example: "G001")
        case "participant_id":
            return Entry(
                meaning: (
                    "the participant's code (a pseudonym; never a name or tax code)",
                    "il codice del partecipante (uno pseudonimo; mai nome o codice fiscale)"
                ),
                type: text, accepted: ("any code", "qualsiasi codice"), example: "P00001")
        case "composition":
            return Entry(
                meaning: (
                    "whether the group gathers workers of one company or mixed backgrounds",
                    "se il gruppo riunisce lavoratori di una sola azienda o provenienze miste"
                ),
                type: text,
                accepted: ("homogeneous / heterogeneous (omogeneo / eterogeneo)", "omogeneo / eterogeneo (homogeneous / heterogeneous)"),
                example: "omogeneo")
        case "programme":
            return Entry(
                meaning: ("the programme or project", "il programma o progetto"), type: text, accepted: ("any text", "testo libero"),
                example: "AMA Lavoro 2016")
        case "site":
            return Entry(
                meaning: ("where the group meets", "dove il gruppo si incontra"), type: text, accepted: ("any text", "testo libero"),
                example: "Forlì")
        case "start_date":
            return Entry(
                meaning: ("the group's first meeting", "il primo incontro del gruppo"), type: date, accepted: ("a date", "una data"),
                example: "2016-03-15")
        case "planned_sessions":
            return Entry(
                meaning: ("meetings planned for the group", "incontri previsti per il gruppo"), type: whole,
                accepted: ("1 or more", "1 o più"), example: "18")
        case "facilitator":
            return Entry(
                meaning: ("who leads the group", "chi conduce il gruppo"), type: text, accepted: ("any text", "testo libero"),
                example: "facilitatore 1")
        case "enrolled_on":
            return Entry(
                meaning: ("the day the participant enrolled", "il giorno dell'iscrizione"), type: date, accepted: ("a date", "una data"),
                example: "2016-03-08")
        case "left_on":
            return Entry(
                meaning: (
                    "the day the participant left the group, if they did",
                    "il giorno in cui il partecipante ha lasciato il gruppo, se è successo"
                ),
                type: date, accepted: ("a date on or after enrolment, or blank", "una data dall'iscrizione in poi, o vuoto"), example: "")
        case "sex":
            return Entry(
                meaning: ("sex", "sesso"), type: text, accepted: ("F / M (donna, uomo, …), or blank", "F / M (donna, uomo, …), o vuoto"),
                example: "F")
        case "birth_year":
            return Entry(
                meaning: ("year of birth (age is derived from it)", "anno di nascita (l'età ne deriva)"), type: whole,
                accepted: ("a year", "un anno"), example: "1968")
        case "education":
            return Entry(
                meaning: ("highest qualification", "titolo di studio più alto"), type: text, accepted: ("any text", "testo libero"),
                example: "diploma")
        case "status_at_entry":
            return Entry(
                meaning: ("employment status at entry", "condizione lavorativa all'ingresso"), type: text,
                accepted: (
                    "e.g. unemployed, never employed, furloughed (cassa integrazione), mobilità",
                    "es. disoccupato, mai occupato, cassa integrazione, mobilità"
                ),
                example: "cassa integrazione")
        case "referred_by":
            return Entry(
                meaning: ("who referred the participant", "chi ha inviato il partecipante"), type: text,
                accepted: ("any text", "testo libero"), example: "centro per l'impiego")
        case "unemployed_since":
            return Entry(
                meaning: ("when the participant lost their job", "da quando il partecipante è senza lavoro"), type: date,
                accepted: ("a date, or blank", "una data, o vuoto"), example: "2015-06-30")
        case "followed_up_until":
            return Entry(
                meaning: (
                    "the last day the participant's outcomes are known (lost to follow-up after it)",
                    "l'ultimo giorno in cui gli esiti del partecipante sono noti (poi perso al follow-up)"
                ),
                type: date,
                accepted: ("a date, or blank (followed to the period end)", "una data, o vuoto (seguito fino alla fine del periodo)"),
                example: "")
        case "session_no":
            return Entry(
                meaning: ("the meeting's number within its group", "il numero dell'incontro nel suo gruppo"), type: whole,
                accepted: ("1 or more", "1 o più"), example: "1")
        case "date" where kind == .services:
            return Entry(
                meaning: ("the day the service was given", "il giorno in cui il servizio è stato erogato"), type: date,
                accepted: ("a date", "una data"), example: "2016-04-02")
        case "date":
            return Entry(
                meaning: ("the meeting's date", "la data dell'incontro"), type: date, accepted: ("a date", "una data"),
                example: "2016-03-15")
        case "held":
            return Entry(
                meaning: ("whether the meeting took place", "se l'incontro si è svolto"), type: text,
                accepted: ("1 / 0 (blank = held; 0 = cancelled)", "1 / 0 (vuoto = svolto; 0 = annullato)"), example: "1")
        case "present":
            return Entry(
                meaning: ("whether the participant attended", "se il partecipante era presente"), type: text,
                accepted: ("1/0, sì/no, P/A, x/blank", "1/0, sì/no, P/A, x/vuoto"), example: "1")
        case "instrument":
            return Entry(
                meaning: ("the questionnaire", "il questionario"), type: text,
                accepted: (
                    "WEMWBS, SWEMWBS, RSES, GHQ12, GSE, PHQ9, or one declared in evalrun.toml",
                    "WEMWBS, SWEMWBS, RSES, GHQ12, GSE, PHQ9, o uno dichiarato in evalrun.toml"
                ),
                example: "WEMWBS")
        case "wave":
            return Entry(
                meaning: ("when it was filled in", "quando è stato compilato"), type: text,
                accepted: (
                    "baseline / end / followup (T0/T1/T2, pre/post, ingresso/fine)",
                    "ingresso / fine / follow-up (T0/T1/T2, pre/post, baseline/end)"
                ),
                example: "baseline")
        case "completed_on":
            return Entry(
                meaning: ("the day it was filled in", "il giorno della compilazione"), type: date,
                accepted: ("a date, or blank", "una data, o vuoto"), example: "2016-03-15")
        case "score":
            return Entry(
                meaning: ("the total score, when the items are not given", "il punteggio totale, quando mancano le risposte"), type: number,
                accepted: ("within the instrument's range", "nell'intervallo dello strumento"), example: "")
        case "service":
            return Entry(
                meaning: ("the individual service", "il servizio individuale"), type: text,
                accepted: (
                    "e.g. counselling, guidance, support_pact, workshop", "es. counselling, orientamento, support_pact, laboratorio"
                ), example: "counselling")
        case "hours":
            return Entry(
                meaning: ("hours of the service", "ore del servizio"), type: number, accepted: ("0 or more", "0 o più"), example: "1.5")
        case "provider":
            return Entry(
                meaning: ("who gave the service", "chi ha erogato il servizio"), type: text, accepted: ("any text", "testo libero"),
                example: "sportello lavoro")
        case "amount":
            return Entry(
                meaning: (
                    "what the service cost (the cost per outcome adds these up)",
                    "quanto è costato il servizio (il costo per esito li somma)"
                ), type: number,
                accepted: ("0 or more, in the project's currency", "0 o più, nella valuta del progetto"), example: "300")
        case "event_date":
            return Entry(
                meaning: ("the day the job or training started", "il giorno di avvio del lavoro o della formazione"), type: date,
                accepted: ("a date", "una data"), example: "2016-09-01")
        case "outcome":
            return Entry(
                meaning: ("what it was", "di che cosa si tratta"), type: text,
                accepted: (
                    "traineeship, fixed_term, permanent, self_employment, training, other (tirocinio, tempo_determinato, tempo_indeterminato, autoimpiego, formazione, altro)",
                    "tirocinio, tempo_determinato, tempo_indeterminato, autoimpiego, formazione, altro (traineeship, fixed_term, permanent, self_employment, training, other)"
                ), example: "tempo_determinato")
        case "source":
            return Entry(
                meaning: ("where the information comes from", "da dove viene l'informazione"), type: text,
                accepted: ("any text", "testo libero"), example: "comunicazioni obbligatorie")
        case "end_date":
            return Entry(
                meaning: ("the day it ended, if known", "il giorno di fine, se noto"), type: date,
                accepted: ("a date, or blank", "una data, o vuoto"), example: "")
        default:
            return Entry(meaning: ("", ""), type: text, accepted: ("", ""), example: "")
        }
    }

    /// The file name of a kind's template (`presenze.csv` in Italian).
    func fileName(_ kind: FileKind) -> String {
        guard language == .it else { return "\(kind.rawValue).csv" }
        switch kind {
        case .groups: return "gruppi.csv"
        case .participants: return "partecipanti.csv"
        case .sessions: return "incontri.csv"
        case .attendance: return "presenze.csv"
        case .questionnaires: return "questionari.csv"
        case .services: return "servizi.csv"
        case .outcomes: return "esiti.csv"
        }
    }

    /// A column's header in the template: the canonical name, or in Italian its first alias.
    func header(_ column: ColumnSchema.Column) -> String {
        language == .it ? (column.aliases.first ?? column.name) : column.name
    }

    /// The headers of a kind's template, items included for questionnaires.
    func headers(_ kind: FileKind) -> [String] {
        var names = ColumnSchema.of(kind).columns.map(header)
        if kind == .questionnaires {
            names += (1...Self.itemColumns).map { language == .it ? "domanda_\($0)" : "item_\($0)" }
        }
        return names
    }

    /// The natural key of each kind (DESIGN §3).
    static func naturalKey(_ kind: FileKind) -> [String] {
        switch kind {
        case .groups: return ["group_id"]
        case .participants: return ["participant_id"]
        case .sessions: return ["group_id", "session_no"]
        case .attendance: return ["group_id", "participant_id", "session_no"]
        case .questionnaires: return ["participant_id", "instrument", "wave"]
        case .services: return ["participant_id", "service", "date"]
        case .outcomes: return ["participant_id", "event_date", "outcome"]
        }
    }

    /// The workbook of `--xlsx`.
    public var workbookName: String { language == .it ? "modelli.xlsx" : "templates.xlsx" }

    /// Every file: the blank exports (headers only, UTF-8, `,`), with `xlsx`
    /// one workbook of them instead, and the dictionary.
    public func files(xlsx: Bool = false) throws -> [(String, Data)] {
        let writer = CSVWriter(format: .rfc4180)
        var files: [(String, Data)] = []
        if xlsx {
            files.append((workbookName, try TemplateWorkbook(template: self).data()))
        } else {
            for kind in FileKind.allCases.sorted() {
                files.append((fileName(kind), try writer.encode(header: headers(kind), rows: [])))
            }
        }
        files.append(("DATA_DICTIONARY.md", Data(dictionary.utf8)))
        return files
    }

    /// `DATA_DICTIONARY.md`.
    public var dictionary: String {
        let l = language
        var out = l.t("# Data dictionary\n\n", "# Dizionario dei dati\n\n")
        out += l.t(
            "One file per kind; import them in any order with `evalrun import DIR` (groups, then participants, then the rest are taken in that order). Headers are matched ignoring case, spaces and `_`; Italian and English names are both accepted. A file is imported whole or not at all; re-importing a corrected file updates rows by their natural key. The example values below are examples only: the files themselves are blank.\n",
            "Un file per tipo; si importano in qualsiasi ordine con `evalrun import CARTELLA` (prima i gruppi, poi i partecipanti, poi il resto). Le intestazioni si riconoscono senza badare a maiuscole, spazi e `_`; sono accettati nomi italiani e inglesi. Un file si importa tutto o niente; reimportare un file corretto aggiorna le righe per chiave naturale. I valori d'esempio qui sotto sono solo esempi: i file sono vuoti.\n"
        )
        for kind in FileKind.allCases.sorted() {
            let schema = ColumnSchema.of(kind)
            out += "\n## \(fileName(kind))\n\n"
            let key = Self.naturalKey(kind).compactMap { name in schema.columns.first { $0.name == name }.map(header) }
            out += l.t("Natural key: ", "Chiave naturale: ") + key.map { "`\($0)`" }.joined(separator: " + ") + ".\n"
            if kind == .attendance {
                out += l.t(
                    "Give `session_no` or `date` (one of the two). A register with one column per meeting (the meeting's date or number as header, presence marks in the cells) is accepted too.\n",
                    "Indicare `incontro` o `data` (uno dei due). È accettato anche un registro con una colonna per incontro (data o numero dell'incontro come intestazione, presenze nelle celle).\n"
                )
            }
            if kind == .questionnaires {
                out += l.t(
                    "Give the answers (`item_1` … as many as the instrument has; blank for a missing answer) or `score`.\n",
                    "Indicare le risposte (`domanda_1` … quante ne ha lo strumento; vuoto se manca) oppure `punteggio`.\n")
            }
            if schema.keepsExtraColumns {
                out += l.t(
                    "Any other column is kept as an attribute usable by `--by` and `compare --adjust`.\n",
                    "Ogni altra colonna è conservata come caratteristica utilizzabile con `--by` e `compare --adjust`.\n")
            }
            out +=
                "\n| "
                + [
                    l.t("column", "colonna"), l.t("required", "obbligatoria"), l.t("meaning", "significato"), l.t("type", "tipo"),
                    l.t("accepted values", "valori accettati"), l.t("example", "esempio"), l.t("also accepted", "accettati anche"),
                ].joined(separator: " | ") + " |\n"
            out += "|---|---|---|---|---|---|---|\n"
            for column in schema.columns {
                let e = Self.entry(column.name, kind: kind)
                let pick = { (pair: (en: String, it: String)) in l == .it ? pair.it : pair.en }
                let also = ([column.name] + column.aliases).filter { $0 != header(column) }.map { "`\($0)`" }.joined(separator: ", ")
                let required =
                    column.required
                    ? l.t("yes", "sì")
                    : (kind == .attendance && ["session_no", "date"].contains(column.name)
                        ? l.t("one of the two", "uno dei due") : l.t("no", "no"))
                out +=
                    "| `\(header(column))` | \(required) | \(pick(e.meaning)) | \(pick(e.type)) | \(pick(e.accepted)) | \(e.example.isEmpty ? "" : "`\(e.example)`") | \(also) |\n"
            }
        }
        return out
    }

    /// Writes the template files into `folder` (a new folder, or the templates
    /// evalrun wrote there before, untouched since: see `OutputFolder`).
    public func write(to folder: OutputFolder, xlsx: Bool = false) throws {
        try folder.write(try files(xlsx: xlsx))
    }
}
