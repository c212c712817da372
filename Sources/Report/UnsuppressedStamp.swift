/// The stamp on every page of an output made with `--no-suppress` (METHODS §6):
/// one wording for the funder report and the comparison, recognised by the
/// HTML renderer to repeat it on each printed page.
enum UnsuppressedStamp {
    static func text(_ language: ReportLanguage) -> String {
        language.text("unsuppressedStamp.not_for_distribution_small_counts_are")
    }

    /// Whether a paragraph is the stamp, in either language.
    static func matches(_ text: String) -> Bool {
        ReportLanguage.allCases.contains { text == Self.text($0) }
    }
}
