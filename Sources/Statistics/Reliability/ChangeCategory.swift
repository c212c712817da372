/// How one person's change is classified by a reliable change index or a
/// minimal important difference.
public enum ChangeCategory: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Improved (reliably, or by at least the MID).
    case improved
    /// No reliable change, or less than the MID either way.
    case unchanged
    /// Deteriorated (reliably, or by at least the MID).
    case deteriorated
}
