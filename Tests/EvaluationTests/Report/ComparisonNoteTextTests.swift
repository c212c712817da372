import Statistics
import Testing

@testable import Indicators
@testable import Report

/// The caveats `compare` attaches to a model, worded from the catalogue: in English
/// exactly as the engine writes them for `compare --json`, in Italian with their values
/// in place; nothing parses the English.
@Suite("Comparison notes in both languages")
struct ComparisonNoteTextTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "singular" }
    }

    static let cases: [(ComparisonNote, String)] = [
        (
            .thinLevels([("Lugo", 1)]),
            "con questo esito, la modalità 'Lugo' ha 1 gruppo/i: un modello richiede almeno 2 gruppi per modalità"
        ),
        (
            .thinLevels([("A", 1), ("B", 0)]),
            "con questo esito, la modalità 'A' ha 1, 'B' ha 0 gruppo/i: un modello richiede almeno 2 gruppi per modalità"
        ),
        (
            .suppressed(threshold: 5),
            "una modalità ha meno di 5 persone, o meno di 5 con o senza l'esito: i suoi dati e i confronti sono oscurati"
        ),
        (.suppressedRandomization(threshold: 5), "oscurato: una modalità ha meno di 5 persone, o meno di 5 con o senza l'esito"),
        (.tooManyGroups(31, limit: 30), "non eseguito: 31 gruppi (si esegue sotto i 30)"),
        (.moreThanTwoLevels, "non eseguito: più di due modalità"),
        (.tooFewClusters(parameters: 4, groups: 3), "il modello ha 4 parametri per 3 gruppi: troppo pochi cluster per stimarlo"),
        (.constantOutcome(0), "l'esito è costante (ogni valore è 0): non c'è variabilità da modellare"),
        (
            ComparisonNote(
                Diagnostic(.nonConvergence, "IRLS did not converge in 25 iterations", code: "irls_no_convergence", arguments: ["25"])),
            "l'IRLS non è arrivato a convergenza in 25 iterazioni"
        ),
        (.notFitted(Failure()), "il modello non si può stimare: singular"),
        (
            .constantWithinGroups(attribute: "composition", groups: 8),
            "composition è costante all'interno dei gruppi: le unità dell'inferenza sono i 8 gruppi, non i partecipanti"
        ),
        (.boundaryFit, "adattamento al limite (singolare): la varianza tra i gruppi è stimata pari a 0"),
    ]

    @Test("each note: the English catalogue gives the engine's sentence, the Italian its own with the values in place")
    func bothLanguages() {
        for (note, italian) in Self.cases {
            #expect(ComparisonNoteText(.en).text(note) == note.english)
            #expect(ComparisonNoteText(.it).text(note) == italian)
        }
    }

    @Test("a diagnostic the catalogue does not word is printed as the engine wrote it")
    func unknownCode() {
        let note = ComparisonNote(Diagnostic(.other, "something new"))
        #expect(ComparisonNoteText(.it).text(note) == "something new")
    }
}
