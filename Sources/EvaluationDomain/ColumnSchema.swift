/// The columns a file kind knows (METHODS §3 table and "Italian and survey-tool
/// names"): canonical names, the aliases recognised without configuration,
/// and which are required.
public struct ColumnSchema: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var aliases: [String]
        public var required: Bool
    }

    public var kind: FileKind
    public var columns: [Column]
    /// Whether unknown columns are kept as attributes (groups, participants).
    public var keepsExtraColumns: Bool

    /// Header comparison key: lower-cased, spaces and `_` alike (METHODS §5 "Reading files").
    public static func key(_ header: String) -> String {
        Vocabulary.key(header)
    }

    /// The schema of a file kind.
    public static func of(_ kind: FileKind) -> ColumnSchema {
        func c(_ name: ColumnName, _ aliases: [String] = [], required: Bool = false) -> Column {
            Column(name: name.rawValue, aliases: aliases, required: required)
        }
        let participant = c(.participantID, ["codice_partecipante", "id_partecipante", "codice"], required: true)
        let group = c(.groupID, ["gruppo", "codice_gruppo", "id_gruppo"], required: true)
        let person = c(.personID, ["codice_persona", "id_persona", "codice"], required: true)
        switch kind {
        case .groups:
            return ColumnSchema(
                kind: kind,
                columns: [
                    group,
                    c(.composition, ["composizione", "tipo_gruppo"]),
                    c(.programme, ["progetto", "programma", "program"]),
                    c(.site, ["sede", "comune"]),
                    c(.startDate, ["data_inizio"]),
                    c(.plannedSessions, ["incontri_previsti"]),
                    c(.facilitator, ["facilitatore", "facilitatrice"]),
                ], keepsExtraColumns: true)
        case .participants:
            return ColumnSchema(
                kind: kind,
                columns: [
                    participant, group,
                    c(.enrolledOn, ["data_iscrizione", "iscritto_il"], required: true),
                    c(.leftOn, ["data_uscita", "ritirato_il"]),
                    c(.sex, ["sesso", "genere", "gender"]),
                    c(.birthYear, ["anno_nascita", "anno_di_nascita"]),
                    c(.education, ["titolo_di_studio", "istruzione"]),
                    c(.statusAtEntry, ["condizione_ingresso", "condizione"]),
                    c(.referredBy, ["inviante", "inviato_da"]),
                    c(.unemployedSince, ["disoccupato_dal"]),
                    c(.followedUpUntil, ["seguito_fino_al", "ultimo_contatto"]),
                ], keepsExtraColumns: true)
        case .sessions:
            return ColumnSchema(
                kind: kind,
                columns: [
                    group,
                    c(.sessionNo, ["incontro", "n_incontro", "numero_incontro"], required: true),
                    c(.date, ["data"]),
                    c(.held, ["svolto", "tenuto"]),
                ], keepsExtraColumns: false)
        case .attendance:
            return ColumnSchema(
                kind: kind,
                columns: [
                    group, participant,
                    c(.sessionNo, ["incontro", "n_incontro", "numero_incontro"]),
                    c(.date, ["data"]),
                    c(.present, ["presente", "presenza"], required: true),
                ], keepsExtraColumns: false)
        case .questionnaires:
            return ColumnSchema(
                kind: kind,
                columns: [
                    participant,
                    c(.instrument, ["strumento", "questionario", "scala"], required: true),
                    c(.wave, ["rilevazione", "fase"], required: true),
                    c(.completedOn, ["data_compilazione", "compilato_il"]),
                    c(.score, ["punteggio"]),
                ], keepsExtraColumns: false)
        case .services:
            return ColumnSchema(
                kind: kind,
                columns: [
                    participant,
                    c(.service, ["servizio"], required: true),
                    c(.date, ["data"], required: true),
                    c(.hours, ["ore"]),
                    c(.provider, ["erogatore"]),
                    c(.amount, ["importo"]),
                ], keepsExtraColumns: false)
        case .outcomes:
            return ColumnSchema(
                kind: kind,
                columns: [
                    participant,
                    c(.eventDate, ["data_evento", "data_avvio"], required: true),
                    c(.outcome, ["esito", "tipo_esito", "tipo_contratto"], required: true),
                    c(.source, ["fonte"]),
                    c(.endDate, ["data_fine"]),
                ], keepsExtraColumns: false)
        case .comparison:
            return ColumnSchema(
                kind: kind,
                columns: [
                    person,
                    c(.referenceDate, ["data_riferimento", "data_registrazione", "data_iscrizione_cpi"], required: true),
                    c(.followedUpUntil, ["seguito_fino_al", "ultimo_contatto"]),
                    c(.sex, ["sesso", "genere", "gender"]),
                    c(.birthYear, ["anno_nascita", "anno_di_nascita"]),
                    c(.education, ["titolo_di_studio", "istruzione"]),
                    c(.statusAtEntry, ["condizione_ingresso", "condizione"]),
                ], keepsExtraColumns: true)
        case .comparisonOutcomes:
            return ColumnSchema(
                kind: kind,
                columns: [
                    person,
                    c(.eventDate, ["data_evento", "data_avvio"], required: true),
                    c(.outcome, ["esito", "tipo_esito", "tipo_contratto"], required: true),
                    c(.source, ["fonte"]),
                    c(.endDate, ["data_fine"]),
                ], keepsExtraColumns: false)
        }
    }

    /// The canonical name a header stands for, if any (mapping from the project
    /// configuration first, then canonical names and aliases).
    public func canonicalName(for header: String, mapping: [String: String] = [:]) -> String? {
        let k = ColumnSchema.key(header)
        if let mapped = mapping[k] { return mapped }
        for column in columns {
            if ColumnSchema.key(column.name) == k || column.aliases.contains(where: { ColumnSchema.key($0) == k }) {
                return column.name
            }
        }
        return nil
    }

    /// If `header` names a questionnaire item (`item_3`, `domanda_3`, `q3`, `q_3`),
    /// its 1-based number.
    public static func itemNumber(_ header: String) -> Int? {
        let k = key(header)
        for prefix in ["item ", "domanda ", "q ", "item", "domanda", "q"] where k.hasPrefix(prefix) {
            if let n = Int(k.dropFirst(prefix.count)), n >= 1 { return n }
        }
        return nil
    }
}
