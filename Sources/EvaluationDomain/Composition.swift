/// Whether a group gathers workers of one company or mixed backgrounds.
public enum Composition: String, Sendable, Codable, CaseIterable {
    case homogeneous, heterogeneous

    /// Parses `homogeneous`/`heterogeneous` and Italian `omogeneo/a`, `eterogeneo/a`.
    public init?(parsing text: String) {
        switch Vocabulary.key(text) {
        case "homogeneous", "omogeneo", "omogenea", "omogenei", "omogenee": self = .homogeneous
        case "heterogeneous", "eterogeneo", "eterogenea", "eterogenei", "eterogenee", "misto", "mista": self = .heterogeneous
        default: return nil
        }
    }
}
