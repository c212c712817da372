/// The partition of observations into clusters (e.g. participants into
/// groups), as lists of row indices in order of first appearance.
public struct ClusterIndex: Sendable, Equatable {
    /// Row indices of each cluster; clusters in order of first appearance,
    /// rows within a cluster in ascending order.
    public let members: [[Int]]
    /// Number of observations covered.
    public let observationCount: Int

    /// Groups observations by their cluster label.
    public init<Label: Hashable>(_ labels: [Label]) {
        var position: [Label: Int] = [:]
        var members: [[Int]] = []
        for (row, label) in labels.enumerated() {
            if let k = position[label] {
                members[k].append(row)
            } else {
                position[label] = members.count
                members.append([row])
            }
        }
        self.members = members
        self.observationCount = labels.count
    }

    /// Number of clusters.
    public var count: Int { members.count }
}
