/// The footnote under a table that shows disclosure markers (METHODS §5
/// "Markers say what is true"): what `<5` and `[c]` mean, in the report's language.
enum MarkerFootnote {
    static func text(for rows: [[ReportTable.Cell]], policy: Disclosure, language: ReportLanguage) -> String? {
        let used = Set(rows.joined().compactMap(\.withheld))
        let t = policy.threshold
        var notes: [String] = []
        if used.contains(.suppressed) {
            notes.append(
                language.text("markerFootnote.fewer_than_people_1_to_withheld", policy.suppressedMarker, t, t - 1))
        }
        if used.contains(.confidential) {
            notes.append(
                language.text("markerFootnote.withheld_so_that_a_small_count", Disclosure.confidentialMarker, t))
        }
        return notes.isEmpty ? nil : notes.joined(separator: " ")
    }
}
