/// Normalisation shared by every vocabulary of the inputs (column names, waves,
/// outcome types, presence marks): lower-cased, `_` and `-` read as spaces,
/// runs of spaces collapsed, accents on Italian vowels kept apart where they
/// carry meaning (`sì`) but accepted unaccented too by the callers.
package enum Vocabulary {
    /// The comparison key of a word or phrase.
    package static func key(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "_", "-", " ", "\t", "\u{00A0}", ".":
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
