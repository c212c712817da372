/// Counts of people improved, unchanged and deteriorated; they add up to `total`.
public struct ChangeCounts: Sendable, Equatable, Hashable, Codable {
    public var improved: Int
    public var unchanged: Int
    public var deteriorated: Int

    public init(improved: Int = 0, unchanged: Int = 0, deteriorated: Int = 0) {
        self.improved = improved
        self.unchanged = unchanged
        self.deteriorated = deteriorated
    }

    /// Counts of the given classifications.
    public init(_ categories: some Sequence<ChangeCategory>) {
        self.init()
        for category in categories { add(category) }
    }

    /// Counts one more person in `category`.
    public mutating func add(_ category: ChangeCategory) {
        switch category {
        case .improved: improved += 1
        case .unchanged: unchanged += 1
        case .deteriorated: deteriorated += 1
        }
    }

    /// Everyone classified.
    public var total: Int { improved + unchanged + deteriorated }
}
