import Indicators

/// The words of a comparison's caveats (DESIGN §5 "Caveats a researcher
/// needs"), in the report's language.
struct ComparisonCaveatText: Sendable {
    let language: ReportLanguage

    func message(_ caveat: ComparisonCaveat, attribute code: String) -> String {
        let l = language
        let words = ReportVocabulary(l)
        let attribute = words.attribute(code)
        let level = { (v: String) in words.level(v, of: code) }
        switch caveat {
        case .fewClusters(let counts):
            let list = counts.map { "\(level($0.level)): \($0.count)" }.joined(separator: ", ")
            return l.t(
                "Few clusters: fewer than 10 groups in a level (\(list)). Cluster-robust errors, their degrees of freedom and the randomization test rest on these few groups; read the intervals as rough.",
                "Pochi cluster: meno di 10 gruppi in un valore (\(list)). Gli errori robusti per gruppo, i loro gradi di libertà e il test di randomizzazione poggiano su questi pochi gruppi; gli intervalli vanno letti come indicativi."
            )
        case .groupConfounder(let other, let v, let groups):
            let name = words.attribute(other)
            return l.t(
                "Confounding at group level: \(name) (groups table) nearly determines \(attribute) among the \(groups) groups (Cramér's V \(l.number(v, digits: 2))). The comparison cannot separate the effect of \(attribute) from that of \(name).",
                "Confondimento a livello di gruppo: \(name) (tabella dei gruppi) determina quasi \(attribute) tra i \(groups) gruppi (V di Cramér \(l.number(v, digits: 2))). Il confronto non può separare l'effetto di \(attribute) da quello di \(name)."
            )
        case .unequalFollowUp(let medians):
            let list = medians.map { "\(level($0.level)): \(l.number($0.value / TimeToJob.daysPerMonth, digits: 1))" }.joined(
                separator: ", ")
            return l.t(
                "Unequal follow-up: the median observation time from enrolment differs between levels by more than 25% (months: \(list)). Re-employment as a yes/no outcome favours the level observed longer; time to first job accounts for it.",
                "Osservazione diseguale: il tempo mediano di osservazione dall'iscrizione differisce tra i valori di oltre il 25% (mesi: \(list)). L'inserimento come esito sì/no favorisce il valore osservato più a lungo; il tempo al primo lavoro ne tiene conto."
            )
        case .multipleOutcomes(let count):
            return l.t(
                "Multiple outcomes: \(count) outcomes are compared. With that many tests, one p-value below 0.05 is expected by chance alone even when the levels do not differ; no correction is applied.",
                "Esiti multipli: si confrontano \(count) esiti. Con tanti test, un p-value sotto 0,05 è atteso per puro caso anche quando i valori non differiscono; non si applica alcuna correzione."
            )
        case .unadjustedIgnoresClustering:
            return l.t(
                "The unadjusted differences (Newcombe and Welch intervals) treat participants as independent, although people of one group share its meetings; the cluster-robust (CR2) and randomization results do not.",
                "Le differenze non aggiustate (intervalli di Newcombe e di Welch) trattano i partecipanti come indipendenti, benché chi è nello stesso gruppo ne condivida gli incontri; i risultati robusti per gruppo (CR2) e il test di randomizzazione no."
            )
        }
    }
}
