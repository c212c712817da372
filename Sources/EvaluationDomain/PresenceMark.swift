/// Reads attendance marks as evaluators type them: `1/0`, `sì/si/no`, `s/n`,
/// `yes/no`, `y/n`, `P/A`, `x`/blank, `vero/falso`, `true/false`.
public enum PresenceMark {
    /// The marks accepted, for error messages.
    public static let expected = "1/0, sì/no, s/n, P/A, x/blank, vero/falso"

    /// `true` for present, `false` for absent, `nil` when the text is not a mark.
    /// A blank cell is absent (the `x`/blank convention of sign-in sheets).
    public static func parse(_ text: String) -> Bool? {
        switch Vocabulary.key(text) {
        case "1", "sì", "si", "s", "yes", "y", "p", "x", "vero", "true", "presente", "v": return true
        case "", "0", "no", "n", "a", "falso", "false", "assente", "f": return false
        default: return nil
        }
    }
}
