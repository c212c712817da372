import Indicators
import Statistics
import Store

/// The cells of one release and the constraints between them: the one place
/// where the disclosure policy decides what is withheld (METHODS §5
/// "Suppression of partitions", "Nothing derived from a suppressed count is
/// shown", "Markers say what is true", "Small populations").
///
/// A builder registers every count of people it releases under a key (the
/// same count in two tables is one key, so it is withheld in both or in
/// neither), the partitions those counts form, and every figure derived from
/// them. `solve()` then decides, in a fixed order:
/// 1. primary suppression: a count from 1 to threshold − 1;
/// 2. small populations: every count of a table describing fewer people than
///    the threshold, zeros included, all marked alike (`[c]`), so the markers
///    cannot tell a 1 from a 0;
/// 3. partitions, repeated until nothing changes: when exactly one part of a
///    partition is withheld, the smallest other non-zero part is withheld too
///    (or the partition's total, for partitions protected by their total), so
///    that subtraction from the total cannot reveal it; a withheld total whose
///    parts are all shown has its smallest non-zero part withheld (and so a
///    second one), so that addition cannot reveal it;
/// 4. links: counts that are the same number under two names are withheld together.
/// A derived figure (a rate, share, interval, mean, ratio, bound) is withheld
/// when any count it uses is withheld or when it is computed over fewer people
/// than the threshold.
///
/// Builders run twice: once to register (the values they return are
/// provisional), then with the solution, to release.
struct DisclosureLedger {
    enum Status: Sendable, Equatable {
        case shown, primary, secondary
    }

    struct Partition {
        var parts: [String]
        var total: String?
        /// Withhold the total rather than a second part.
        var protectedByTotal: Bool
    }

    let policy: Disclosure
    private let solution: [String: Status]?
    private(set) var values: [String: Int] = [:]
    /// Keys in registration order, so that solving is deterministic.
    private(set) var keys: [String] = []
    private var smallPopulation: Set<String> = []
    private var partitions: [Partition] = []
    private var links: [[String]] = []
    /// Prefix of the keys registered now (a `--by` level's figures).
    var scope = ""
    /// The people the current scope describes (a `--by` level), when it is one.
    var scopePopulation: Int?
    /// What earlier releases of the database showed, and how a key of this release
    /// is described there (METHODS §9 *Releases*); none for a release not recorded.
    var screen: ReleaseScreen?
    var describe: ((_ key: String, _ value: Int) -> ReleaseCell?)?

    init(policy: Disclosure, solution: [String: Status]? = nil) {
        self.policy = policy
        self.solution = solution
    }

    private func absolute(_ key: String) -> String { scope + key }

    /// Registers a count of people and returns it as released. `population`:
    /// the people the count's table describes, when that is not the count itself.
    mutating func count(_ key: String, _ n: Int, population: Int? = nil) -> Released<Int> {
        let key = absolute(key)
        if let known = values[key] {
            assert(known == n, "disclosure key \(key) registered with two values")
        } else {
            values[key] = n
            keys.append(key)
        }
        if let population, isSmall(population) { smallPopulation.insert(key) }
        if let scopePopulation, isSmall(scopePopulation) { smallPopulation.insert(key) }
        switch status(key) {
        case .shown: return .value(policy.rounded(n))
        case .primary: return .suppressed
        case .secondary: return .confidential
        }
    }

    /// Registers counts that add up to a total that is, or may be, shown elsewhere.
    mutating func partition(_ parts: [String], total: String? = nil, protectedByTotal: Bool = false) {
        partitions.append(Partition(parts: parts.map(absolute), total: total.map(absolute), protectedByTotal: protectedByTotal))
    }

    /// Registers counts that are the same number under different names.
    mutating func link(_ names: [String]) {
        links.append(names.map(absolute))
    }

    /// A figure derived from counts: withheld when one of `uses` is withheld or
    /// `population` is from 1 to threshold − 1; not computable when `nil` or not finite.
    func statistic(_ x: Double?, population: Int, uses: [String] = []) -> Released<Double> {
        if isSmall(population) || scopePopulation.map(isSmall) == true || uses.contains(where: { status(absolute($0)) != .shown }) {
            return .confidential
        }
        guard let x, x.isFinite else { return .notComputable }
        return .value(x)
    }

    /// A figure computed from registered counts (a rate, a share, a cost per person),
    /// withheld as `statistic` withholds it. `compute` receives the counts of `uses`
    /// as they are published: rounded when the policy rounds (METHODS §9 *Rounding that
    /// holds*: no published figure pins an unrounded count), else as they are.
    func derived(uses: [String], population: Int, _ compute: ([Int]) -> Double?) -> Released<Double> {
        let counts = uses.map { policy.rounded(values[absolute($0)] ?? 0) }
        return statistic(compute(counts), population: population, uses: uses)
    }

    /// A figure that would pin the number of people it is over when printed at full
    /// precision (a mean, a standard deviation, Cronbach's α): as `statistic`, and
    /// coarsened to two decimals when the policy rounds counts, since the count it is
    /// over is then published rounded (METHODS §9 *Linked statistics*).
    func linked(_ x: Double?, population: Int, uses: [String] = []) -> Released<Double> {
        let released = statistic(x, population: population, uses: uses)
        guard policy.roundingBase > 1, case .value(let v) = released else { return released }
        return .value((v * 100).rounded() / 100)
    }

    /// Whether a registered count is withheld.
    func isWithheld(_ key: String) -> Bool { status(absolute(key)) != .shown }

    /// Registered keys under a prefix, without it, in registration order.
    func keys(under prefix: String) -> [String] {
        keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    private func isSmall(_ people: Int) -> Bool { policy.isSmall(people) }

    private func initialStatus(_ key: String) -> Status {
        // In a table of fewer people than the threshold every cell is [c]: a
        // `<5` beside a `[c]` there would tell a 1 from a 0.
        if smallPopulation.contains(key) { return .secondary }
        let value = values[key] ?? 0
        if isSmall(value) { return .primary }
        // A difference with an earlier release would give a small count back.
        if policy.isApplied, let screen, var cell = describe?(key, value) {
            cell.value = policy.rounded(value)
            if screen.conflicts(cell) { return .secondary }
        }
        return .shown
    }

    /// The cells of this release as the database records them: every described key,
    /// with its published value, or `nil` when withheld.
    func releasedCells(_ solution: [String: Status]) -> [ReleaseCell] {
        guard let describe else { return [] }
        return keys.compactMap { key in
            guard let value = values[key], var cell = describe(key, value) else { return nil }
            cell.value = (solution[key] ?? .shown) == .shown ? policy.rounded(value) : nil
            return cell
        }
    }

    private func status(_ key: String) -> Status {
        solution?[key] ?? initialStatus(key)
    }

    /// Decides every registered count's status.
    func solve() -> [String: Status] {
        var status: [String: Status] = [:]
        for key in keys { status[key] = initialStatus(key) }
        guard policy.isApplied else { return status }
        func hidden(_ key: String) -> Bool { (status[key] ?? .shown) != .shown }
        var partitions = self.partitions
        let cells = describe.map { describe in
            keys.compactMap { key in values[key].flatMap { describe(key, $0) }.map { (key: key, cell: $0) } }
        }
        if let screen, let cells {
            for parts in screen.partitions(cells) {
                // Several windows of one partition may be listed: each set once.
                let unique = Array(Set(parts)).sorted()
                if unique.count >= 2 { partitions.append(Partition(parts: unique, total: nil, protectedByTotal: false)) }
            }
        }
        // Counts of one definition and breakdown over nested windows within this release
        // (the trend's quarters, the period beside its quarters): a small difference
        // withholds the one of the narrower window, so the period's own figure stays.
        let nestedSeries: [[(key: String, cell: ReleaseCell)]] = (cells ?? []).reduce(into: [String: [(key: String, cell: ReleaseCell)]]())
        {
            $0["\($1.cell.definition)|\($1.cell.attribute)|\($1.cell.level)", default: []].append($1)
        }.values.filter { $0.count > 1 }.map { $0.sorted { ($0.cell.to, $0.key) > ($1.cell.to, $1.key) } }
        var changed = true
        while changed {
            changed = false
            for series in nestedSeries {
                for (i, wide) in series.enumerated() where !hidden(wide.key) {
                    for narrow in series[(i + 1)...] where !hidden(narrow.key) && narrow.cell.isNested(with: wide.cell) {
                        let d = abs((values[wide.key] ?? 0) - (values[narrow.key] ?? 0))
                        if d >= 1 && d < policy.threshold, status[narrow.key] != nil {
                            status[narrow.key] = .secondary
                            changed = true
                        }
                    }
                }
            }
            for names in links where names.contains(where: hidden) {
                for key in names where !hidden(key) && status[key] != nil {
                    status[key] = .secondary
                    changed = true
                }
            }
            for p in partitions {
                // A withheld total whose parts are all shown is their sum: withhold a part (the rule
                // below then withholds a second one).
                if let total = p.total, hidden(total), !p.parts.contains(where: hidden),
                    let smallest = p.parts.filter({ (values[$0] ?? 0) > 0 }).min(by: { (values[$0] ?? 0) < (values[$1] ?? 0) }),
                    status[smallest] != nil
                {
                    status[smallest] = .secondary
                    changed = true
                }
                guard p.parts.filter(hidden).count == 1 else { continue }
                if !p.protectedByTotal {
                    let candidates = p.parts.enumerated().filter { !hidden($0.element) && (values[$0.element] ?? 0) > 0 }
                    if let next = candidates.min(by: { (values[$0.element] ?? 0, $0.offset) < (values[$1.element] ?? 0, $1.offset) }) {
                        status[next.element] = .secondary
                        changed = true
                        continue
                    }
                }
                if let total = p.total, status[total] != nil, !hidden(total) {
                    status[total] = .secondary
                    changed = true
                }
            }
        }
        return status
    }
}
