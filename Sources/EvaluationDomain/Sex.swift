/// Normalisation of the known categorical column `sex` (METHODS §5 "Known
/// categorical columns"): F/M, female/male, donna/uomo, femmina/maschio in any
/// case become `F`/`M`; anything else is kept as written.
public enum Sex {
    public static func normalise(_ text: String) -> String {
        switch text.lowercased() {
        case "f", "female", "donna", "femmina", "woman": return "F"
        case "m", "male", "uomo", "maschio", "man": return "M"
        default: return text
        }
    }
}
