extension ReportComposer {
    /// The rows of the workbook's "Notes" sheet (METHODS §6 `report.xlsx`): the
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
            (l.text("report.workbook.report"), title),
            (l.text("report.workbook.period"), periodText.prefix(1).uppercased() + periodText.dropFirst()),
        ]
        if policy.isApplied {
            notes.append(
                (
                    l.text("report.workbook.suppression"),
                    l.text("report.workbook.to_protect_the_people_in_it", t, roundingText)
                ))
            notes.append(
                (
                    policy.suppressedMarker,
                    l.text("report.workbook.in_the_report_a_count_of", t, t - 1, c)
                ))
            notes.append(
                (
                    c,
                    l.text("report.workbook.confidential_withheld_a_count_of_fewer", t)
                ))
        } else {
            notes.append(
                (
                    l.text("report.workbook.suppression"),
                    l.text("report.workbook.not_for_distribution_small_counts_are")
                ))
        }
        notes.append(
            (
                Disclosure.notComputableCSVMarker,
                l.text("report.workbook.not_computable_printed_in_the_report")
            ))
        notes.append(
            (
                l.text("report.workbook.tables"),
                l.text("report.workbook.one_sheet_per_file_of_tables")
            ))
        return notes
    }
}
