import Testing

@testable import Report

/// The warnings `compare` attaches to a model, in Italian for `--lang it`
/// (worded in English by the Indicators layer, for `compare --json`).
@Suite("Comparison warnings in Italian")
struct ComparisonWarningTextTests {
    static let cases: [(String, String)] = [
        (
            "with this outcome, level 'Lugo' has 1 group(s): a model needs at least 2 groups per level",
            "con questo esito, la modalità 'Lugo' ha 1 gruppo/i: un modello richiede almeno 2 gruppi per modalità"
        ),
        (
            "with this outcome, level 'A' has 1, 'B' has 0 group(s): a model needs at least 2 groups per level",
            "con questo esito, la modalità 'A' ha 1, 'B' ha 0 gruppo/i: un modello richiede almeno 2 gruppi per modalità"
        ),
        (
            "a level has fewer than 5 people, or fewer than 5 with or without the outcome: its figures and the comparisons are suppressed",
            "una modalità ha meno di 5 persone, o meno di 5 con o senza l'esito: i suoi dati e i confronti sono oscurati"
        ),
        (
            "suppressed: a level has fewer than 5 people, or fewer than 5 with or without the outcome",
            "oscurato: una modalità ha meno di 5 persone, o meno di 5 con o senza l'esito"
        ),
        ("not run: 31 groups (run below 30)", "non eseguito: 31 gruppi (si esegue sotto i 30)"),
        ("not run: more than two levels", "non eseguito: più di due modalità"),
        ("not run: something new", "non eseguito: something new"),
        (
            "the model has 4 parameters for 3 groups: too few clusters to estimate it",
            "il modello ha 4 parametri per 3 gruppi: troppo pochi cluster per stimarlo"
        ),
        (
            "the outcome is constant (every value is 0): there is no variation to model",
            "l'esito è costante (ogni valore è 0): non c'è variabilità da modellare"
        ),
        ("IRLS did not converge in 25 iterations", "l'IRLS non è arrivato a convergenza in 25 iterazioni"),
        ("the model cannot be fitted: singular", "il modello non si può stimare: singular"),
    ]

    @Test("each warning reads in Italian with its values in place; English is left as written")
    func italian() {
        for (english, italian) in Self.cases {
            #expect(ComparisonWarningText.text(english, .it) == italian)
            #expect(ComparisonWarningText.text(english, .en) == english)
        }
        #expect(ComparisonWarningText.text("an unknown warning", .it) == "an unknown warning")
    }

    @Test("a template needs its own words around the values")
    func templateMatching() {
        #expect(
            ComparisonWarningText.values(in: "not run: 3 groups (run below 30)", template: "not run: {} groups (run below {})") == [
                "3", "30",
            ])
        #expect(ComparisonWarningText.values(in: "not run: 3 groups", template: "not run: {} groups (run below {})") == nil)
        #expect(ComparisonWarningText.values(in: "the model has", template: "the model has {} parameters for {} groups: x") == nil)
    }
}
