import Indicators

/// A `ComparisonNote` in the report's language, from the catalogue
/// (`comparison.note.<code>` with the note's values). A note the catalogue does not
/// word (a statistical diagnostic no comparison has met so far) is printed as the
/// engine wrote it, in English.
struct ComparisonNoteText {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    func text(_ note: ComparisonNote) -> String {
        guard TextCatalogue.entries(language)["comparison.note.\(note.code)"] != nil else { return note.english }
        var arguments = note.arguments
        if note.code == "thin_levels" {
            // Level, groups, level, groups…: one "'level' has n" per level.
            let pairs = stride(from: 0, to: arguments.count - 1, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
            arguments = [pairs.map { language.text("comparison.note.level_has", $0.0, $0.1) }.joined(separator: ", ")]
        }
        return language.text("comparison.note.\(note.code)", arguments: arguments)
    }
}
