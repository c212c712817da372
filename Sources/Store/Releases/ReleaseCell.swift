import EvaluationDomain

/// One count a funder output released, or withheld, as the database records it
/// (METHODS §9 *Releases*). Two cells of one definition describe nested sets of
/// people when their windows are nested and their breakdown cell is the same, so
/// the difference of their values is a count of people too.
public struct ReleaseCell: Sendable, Equatable, Hashable {
    /// What is counted, independent of the period: `cohort`, `retention.retained`,
    /// `reach.enrolled`, `wellbeing/WEMWBS/end/pairs`, …
    public var definition: String
    /// The breakdown: the attribute of `--by` or `compare --by` (empty: everyone).
    public var attribute: String
    /// The attribute's level (empty: everyone).
    public var level: String
    /// The groups the cell's people belong to, sorted, when the attribute is a group
    /// attribute or the cell is everyone (empty otherwise): a site's cell is the sum of
    /// the cells of its groups.
    public var groups: [String]
    /// The people counted are those of the period `from`…`to` (activity figures), or
    /// everyone enrolled by `to` when `from` is `nil` (cohort figures).
    public var from: CalendarDate?
    public var to: CalendarDate
    /// The value released (as published: rounded when counts are), `nil` when withheld.
    public var value: Int?

    public init(
        definition: String, attribute: String = "", level: String = "", groups: [String] = [], from: CalendarDate?,
        to: CalendarDate, value: Int?
    ) {
        self.definition = definition
        self.attribute = attribute
        self.level = level
        self.groups = groups
        self.from = from
        self.to = to
        self.value = value
    }

    /// Whether the people of one window contain those of the other's.
    public func isNested(with other: ReleaseCell) -> Bool {
        func contains(_ a: ReleaseCell, _ b: ReleaseCell) -> Bool {
            (a.from.map { f in b.from.map { f <= $0 } ?? false } ?? true) && b.to <= a.to
        }
        return contains(self, other) || contains(other, self)
    }

    /// Whether the two describe the same window.
    public func hasSameWindow(as other: ReleaseCell) -> Bool { from == other.from && to == other.to }
}

/// One recorded release: when, by which command with which options, and how many
/// counts it released and withheld.
public struct ReleaseRecord: Sendable, Equatable {
    public var id: Int64
    public var releasedAt: String
    public var command: String
    public var options: String
    public var released: Int
    public var withheld: Int
}

/// The cells of the earlier releases, grouped by release.
public struct ReleaseHistory: Sendable {
    public var releases: [[ReleaseCell]]

    public init(releases: [[ReleaseCell]] = []) {
        self.releases = releases
    }

    public var isEmpty: Bool { releases.allSatisfy(\.isEmpty) }
}
