/// The date formats seen in one column, in the order first seen, so that an import can
/// report what it detected (`data: dd/mm/yyyy`, `completed_on: yyyy-mm-ddThh:mm:ss±hh:mm`).
struct DateColumnProfile: Sendable, Equatable, CustomStringConvertible {
    /// The formats seen, in the order first seen.
    private(set) var formats: [DateFormat] = []
    /// How many values were read as dates.
    private(set) var count = 0

    /// An empty profile.
    init() {}

    /// Notes one value read.
    mutating func record(_ parsed: DateParser.Parsed) {
        count += 1
        if formats.last != parsed.format && !formats.contains(parsed.format) { formats.append(parsed.format) }
    }

    /// The formats joined by `, `, or `no dates` when none was read.
    var description: String {
        formats.isEmpty ? "no dates" : formats.map(\.description).joined(separator: ", ")
    }
}
