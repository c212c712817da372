/// The footnote under a table that shows disclosure markers (DESIGN §5
/// "Markers say what is true"): what `<5` and `[c]` mean, in the report's language.
enum MarkerFootnote {
    static func text(for rows: [[ReportTable.Cell]], policy: Disclosure, language: ReportLanguage) -> String? {
        let used = Set(rows.joined().compactMap(\.withheld))
        let t = policy.threshold
        var notes: [String] = []
        if used.contains(.suppressed) {
            notes.append(
                language.t(
                    "\(policy.suppressedMarker): fewer than \(t) people (1 to \(t - 1)), withheld to protect them.",
                    "\(policy.suppressedMarker): meno di \(t) persone (da 1 a \(t - 1)), oscurato per tutelarle."))
        }
        if used.contains(.confidential) {
            notes.append(
                language.t(
                    "\(Disclosure.confidentialMarker): withheld so that a small count cannot be worked out from the figures beside it or in an earlier report, or computed from fewer than \(t) people.",
                    "\(Disclosure.confidentialMarker): oscurato perché un conteggio piccolo non si possa ricavare dalle cifre accanto o da un rapporto precedente, o calcolato su meno di \(t) persone."
                ))
        }
        return notes.isEmpty ? nil : notes.joined(separator: " ")
    }
}
