/// Italian words for the warnings and notes `compare` attaches to a model
/// (the Indicators layer words them in English, the contract's language of
/// `compare --json`). A warning without a translation is printed as written.
enum ComparisonWarningText {
    /// Exact messages and message openings, English → Italian.
    static let italian: [(english: String, italian: String)] = [
        (
            "boundary (singular) fit: the group variance is estimated as 0",
            "adattamento al limite (singolare): la varianza tra i gruppi è stimata pari a 0"
        ),
        ("not run: more than two levels", "non eseguito: più di due valori"),
        (
            "not run: the attribute varies within groups, so relabelling groups would not keep the design",
            "non eseguito: l'attributo varia all'interno dei gruppi, quindi rietichettare i gruppi non manterrebbe il disegno"
        ),
        ("no job was observed: the Cox model cannot be fitted", "nessun lavoro osservato: il modello di Cox non si può stimare"),
        ("the mixed model cannot be fitted: ", "il modello misto non si può stimare: "),
        ("the model cannot be fitted: ", "il modello non si può stimare: "),
        ("not run: ", "non eseguito: "),
    ]

    static func text(_ message: String, _ language: ReportLanguage) -> String {
        guard language == .it else { return message }
        for (english, italian) in Self.italian where message.hasPrefix(english) {
            return italian + message.dropFirst(english.count)
        }
        return message
    }
}
