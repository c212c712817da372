import EvaluationDomain
import Store

/// The earlier releases of a database as a new release consults them (METHODS §9
/// *Releases*): a count is withheld when subtracting it from an earlier released
/// count of the same definition and breakdown (their windows nested), or from the
/// sum of an earlier release's cells that cover the same groups, gives 1 to
/// threshold − 1 people; and cells of this release that add up to an earlier
/// released cell form a partition, protected like any other.
struct ReleaseScreen {
    let threshold: Int
    /// Earlier cells by definition, with their release's index.
    private let byDefinition: [String: [(release: Int, cell: ReleaseCell)]]

    init(history: ReleaseHistory, threshold: Int) {
        self.threshold = threshold
        var index: [String: [(release: Int, cell: ReleaseCell)]] = [:]
        for (r, cells) in history.releases.enumerated() {
            for cell in cells { index[cell.definition, default: []].append((r, cell)) }
        }
        byDefinition = index
    }

    private func isSmallDifference(_ a: Int, _ b: Int) -> Bool {
        let d = abs(a - b)
        return d >= 1 && d < threshold
    }

    /// Whether releasing `cell` (its value set) would give a small count back by a
    /// difference with what was released before.
    func conflicts(_ cell: ReleaseCell) -> Bool {
        guard let x = cell.value, let earlier = byDefinition[cell.definition] else { return false }
        // The same cell at another (nested) window.
        for (_, e) in earlier where e.attribute == cell.attribute && e.level == cell.level && e.isNested(with: cell) {
            if let y = e.value, isSmallDifference(x, y) { return true }
        }
        // The sum of an earlier release's cells that cover exactly this cell's groups
        // (a site's groups released by `--by group_id`), at one window nested with this one.
        guard !cell.groups.isEmpty, !cell.attribute.isEmpty else { return false }
        let mine = Set(cell.groups)
        var covers: [String: (groups: Set<String>, sum: Int)] = [:]
        for (r, e) in earlier where !e.groups.isEmpty && !e.attribute.isEmpty && e.isNested(with: cell) {
            let theirs = Set(e.groups)
            guard theirs.isSubset(of: mine), !(e.attribute == cell.attribute && e.level == cell.level) else { continue }
            let key = "\(r)|\(e.attribute)|\(e.from?.iso8601 ?? "")|\(e.to.iso8601)"
            var entry = covers[key] ?? ([], 0)
            entry.groups.formUnion(theirs)
            entry.sum += e.value ?? 0
            covers[key] = entry
        }
        return covers.values.contains { $0.groups == mine && isSmallDifference(x, $0.sum) }
    }

    /// Sets of this release's cells (by ledger key) that add up to a cell an earlier
    /// release showed: the groups of an earlier level split among several levels now, at
    /// a window nested with it (the earlier cell minus the parts shown now is the hidden
    /// part, give or take the change between the windows, which is often none).
    func partitions(_ cells: [(key: String, cell: ReleaseCell)]) -> [[String]] {
        var result: [[String]] = []
        var byDefinitionNow: [String: [(key: String, cell: ReleaseCell)]] = [:]
        for item in cells where !item.cell.groups.isEmpty && !item.cell.attribute.isEmpty {
            byDefinitionNow[item.cell.definition, default: []].append(item)
        }
        for (definition, now) in byDefinitionNow {
            for (_, e) in byDefinition[definition] ?? [] where e.value != nil && !e.groups.isEmpty && !e.attribute.isEmpty {
                let total = Set(e.groups)
                let parts = now.filter { $0.cell.isNested(with: e) && Set($0.cell.groups).isSubset(of: total) }
                guard parts.count >= 2 else { continue }
                let union = parts.reduce(into: Set<String>()) { $0.formUnion($1.cell.groups) }
                if union == total { result.append(parts.map(\.key)) }
            }
        }
        return result.sorted { $0.joined(separator: ",") < $1.joined(separator: ",") }
    }
}
