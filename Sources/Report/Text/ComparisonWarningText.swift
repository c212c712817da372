import Foundation

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
        ("not run: more than two levels", "non eseguito: più di due modalità"),
        (
            "not run: the attribute varies within groups, so relabelling groups would not keep the design",
            "non eseguito: l'attributo varia all'interno dei gruppi, quindi permutare i gruppi non manterrebbe il disegno"
        ),
        ("no job was observed: the Cox model cannot be fitted", "nessun lavoro osservato: il modello di Cox non si può stimare"),
        (
            "fitted probabilities numerically 0 or 1 occurred: the outcome is (quasi-)separated and the coefficients and their standard errors are not estimable",
            "probabilità stimate numericamente pari a 0 o 1: l'esito è (quasi) separato e i coefficienti e i loro errori standard non sono stimabili"
        ),
        (
            "the model fits the outcome exactly (no residual variation): its standard errors and p-values are not defined",
            "il modello riproduce l'esito esattamente (nessuna variabilità residua): errori standard e p-value non sono definiti"
        ),
        ("one or more coefficients may be infinite", "uno o più coefficienti potrebbero essere infiniti"),
        ("the mixed model cannot be fitted: ", "il modello misto non si può stimare: "),
        ("the model cannot be fitted: ", "il modello non si può stimare: "),
        (
            "internal error while fitting the model (please report it): ",
            "errore interno nella stima del modello (da segnalare): "
        ),
        ("not run: ", "non eseguito: "),
    ]

    /// Messages with values inside, English → Italian: each `{}` stands for
    /// the same value in both (after `values` has translated its words).
    static let italianTemplates: [(english: String, italian: String)] = [
        (
            "with this outcome, level {} group(s): a model needs at least 2 groups per level",
            "con questo esito, la modalità {} gruppo/i: un modello richiede almeno 2 gruppi per modalità"
        ),
        (
            "the model has {} parameters for {} groups: too few clusters to estimate it",
            "il modello ha {} parametri per {} gruppi: troppo pochi cluster per stimarlo"
        ),
        (
            "covariate {} takes a single value among the {} participants with this outcome: the design is singular, so the model cannot be fitted",
            "la covariata {} assume un solo valore tra i {} partecipanti con questo esito: il disegno è singolare e il modello non si può stimare"
        ),
        (
            "the outcome is constant (every value is {}): there is no variation to model",
            "l'esito è costante (ogni valore è {}): non c'è variabilità da modellare"
        ),
        (
            "a level has fewer than {} people, or fewer than {} with or without the outcome: its figures and the comparisons are suppressed",
            "una modalità ha meno di {} persone, o meno di {} con o senza l'esito: i suoi dati e i confronti sono oscurati"
        ),
        (
            "suppressed: a level has fewer than {} people, or fewer than {} with or without the outcome",
            "oscurato: una modalità ha meno di {} persone, o meno di {} con o senza l'esito"
        ),
        ("not run: {} groups (run below {})", "non eseguito: {} gruppi (si esegue sotto i {})"),
        ("IRLS did not converge in {} iterations", "l'IRLS non è arrivato a convergenza in {} iterazioni"),
        ("ran out of iterations ({}) and did not converge", "iterazioni esaurite ({}) senza convergenza"),
        (
            "the model predicts every outcome perfectly (deviance {}): the outcome is separated or constant and the coefficients and their standard errors are not estimable",
            "il modello prevede ogni esito perfettamente (devianza {}): l'esito è separato o costante e i coefficienti e i loro errori standard non sono stimabili"
        ),
        (
            "log-likelihood converged before variable(s) {}; coefficient may be infinite",
            "la log-verosimiglianza è arrivata a convergenza prima della/e variabile/i {}; il coefficiente potrebbe essere infinito"
        ),
    ]

    /// The Italian wording of `message` (templates first, then exact messages and openings).
    static func text(_ message: String, _ language: ReportLanguage) -> String {
        guard language == .it else { return message }
        for (english, italian) in Self.italianTemplates {
            guard let values = Self.values(in: message, template: english) else { continue }
            var out = ""
            for (k, piece) in italian.components(separatedBy: "{}").enumerated() {
                if k > 0 { out += values[k - 1].replacingOccurrences(of: " has ", with: " ha ") }
                out += piece
            }
            return out
        }
        for (english, italian) in Self.italian where message.hasPrefix(english) {
            return italian + message.dropFirst(english.count)
        }
        return message
    }

    /// The values that fill the template's `{}`s to give `message`, or `nil`
    /// when it does not have the template's words around them.
    static func values(in message: String, template: String) -> [String]? {
        let pieces = template.components(separatedBy: "{}")
        guard let first = pieces.first, let last = pieces.last, pieces.count > 1, message.hasPrefix(first),
            message.hasSuffix(last), message.count >= first.count + last.count
        else { return nil }
        var rest = message.dropFirst(first.count).dropLast(last.count)
        var values: [String] = []
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return nil }
            values.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        values.append(String(rest))
        return values
    }
}
