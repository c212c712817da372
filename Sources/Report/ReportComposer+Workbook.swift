extension ReportComposer {
    /// The rows of the workbook's "Notes" sheet (DESIGN §6 `report.xlsx`): the
    /// title, the period, the suppression rule, what the markers of the
    /// sheets mean and how the sheets relate to `tables/`, in the report's
    /// language. The sheets hold the tidy tables, where a withheld count is
    /// `[c]` (the report prints `<5`) and a figure that cannot be computed is
    /// `[x]` (the report prints `–`).
    public var workbookNotes: [(String, String)] {
        let l = language
        let t = policy.threshold
        let c = Disclosure.confidentialMarker
        var notes: [(String, String)] = [
            (l.t("Report", "Rapporto"), title),
            (l.t("Period", "Periodo"), periodText.prefix(1).uppercased() + periodText.dropFirst()),
        ]
        if policy.isApplied {
            notes.append(
                (
                    l.t("Suppression", "Oscuramento"),
                    l.t(
                        "To protect the people in it, the report shows no count of fewer than \(t) people, no figure from which such a count could be worked out (its rate, interval, or a total minus the other parts) and no figure computed from fewer than \(t) people.\(roundingText)",
                        "Per tutelare le persone, il rapporto non mostra conteggi inferiori a \(t) persone, né cifre da cui si potrebbero ricavare (il loro tasso, l'intervallo, o un totale meno le altre parti), né cifre calcolate su meno di \(t) persone.\(roundingText)"
                    )
                ))
            notes.append(
                (
                    policy.suppressedMarker,
                    l.t(
                        "In the report: a count of fewer than \(t) people (1 to \(t - 1)), withheld to protect them. In these sheets it is written \(c).",
                        "Nel rapporto: un conteggio inferiore a \(t) persone (da 1 a \(t - 1)), oscurato per tutelarle. In questi fogli è scritto \(c)."
                    )
                ))
            notes.append(
                (
                    c,
                    l.t(
                        "Confidential, withheld: a count of fewer than \(t) people, a figure from which such a count could be worked out, or a figure computed from fewer than \(t) people.",
                        "Riservato, oscurato: un conteggio inferiore a \(t) persone, una cifra da cui lo si potrebbe ricavare, o una cifra calcolata su meno di \(t) persone."
                    )
                ))
        } else {
            notes.append(
                (
                    l.t("Suppression", "Oscuramento"),
                    l.t(
                        "NOT FOR DISTRIBUTION — small counts are not suppressed (--no-suppress).",
                        "NON DIFFONDERE — i conteggi piccoli non sono oscurati (--no-suppress).")
                ))
        }
        notes.append(
            (
                Disclosure.notComputableCSVMarker,
                l.t(
                    "Not computable (printed – in the report).", "Non calcolabile (indicato con – nel rapporto).")
            ))
        notes.append(
            (
                l.t("Tables", "Tabelle"),
                l.t(
                    "One sheet per file of tables/, with the same columns and values. Rates are fractions shown as percentages; an interval is two columns, ci_low and ci_high; an empty cell has no value.",
                    "Un foglio per ogni file di tables/, con le stesse colonne e gli stessi valori. I tassi sono frazioni mostrate come percentuali; un intervallo occupa due colonne, ci_low e ci_high; una cella vuota non ha valore."
                )
            ))
        return notes
    }
}
