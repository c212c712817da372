/// The make-up of participants by a categorical attribute ("68% referred by
/// the job centres"): per level, how many and what share of the base.
public struct AttributeMakeUp: Sendable, Equatable {
    public var attribute: String
    public var level: String
    public var n: Int
    public var denominator: Int

    public var share: Double? { denominator > 0 ? Double(n) / Double(denominator) : nil }

    /// Make-up of `members` for each of `attributes`, levels ordered as
    /// `Levels.sorted`. Every level any participant of `universe` has is listed
    /// (with 0 where no member has it), so that the levels shown say nothing
    /// about who is among the members (METHODS §5 "Small populations").
    public static func compute(
        attributes: ParticipantAttributes, names: [String], members: [Int], universe: Range<Int>
    ) -> [AttributeMakeUp] {
        var rows: [AttributeMakeUp] = []
        for name in names {
            guard attributes.values[name] != nil else { continue }
            var counts: [String: Int] = [:]
            for i in universe { counts[attributes.level(name, of: i) ?? Levels.missing] = 0 }
            for i in members { counts[attributes.level(name, of: i) ?? Levels.missing, default: 0] += 1 }
            for level in Levels.sorted(counts.keys) {
                rows.append(AttributeMakeUp(attribute: name, level: level, n: counts[level] ?? 0, denominator: members.count))
            }
        }
        return rows
    }
}
