import EvaluationDomain
import Store

/// How the compared levels differed when people enrolled (METHODS §9 *Balance at
/// entry*): per participant attribute (each category's share), age and each
/// instrument's baseline score (means), and questionnaire completion by wave, the
/// reference level's value beside each other level's, with the standardised mean
/// difference over the pooled standard deviation — √((s²_ref + s²_other)/2), the
/// shares' p(1 − p) as their variances. Shown first in a comparison: a difference at
/// entry can explain a difference in outcomes.
public struct BalanceAtEntry: Sendable {
    public struct Row: Sendable, Equatable {
        /// `sex`, `age`, `baseline:WEMWBS`, `completed:WEMWBS:end`.
        public var attribute: String
        /// A category of the attribute (`F`), or `nil` for a mean.
        public var category: String?
        /// The non-reference level.
        public var level: String
        public var valueReference: Double?
        public var valueOther: Double?
        public var smd: Double?
        /// People of each level the value is over.
        public var nReference: Int
        public var nOther: Int
    }

    public var rows: [Row]

    /// Rows as given (a released balance, to find its largest difference).
    public init(rows: [Row]) { self.rows = rows }

    /// |SMD| from which a difference at entry is named in the caveats.
    public static let imbalanceThreshold = 0.25

    /// The row with the largest |SMD|, when it reaches the threshold.
    public var largestImbalance: Row? {
        rows.filter { ($0.smd.map(abs) ?? 0) >= Self.imbalanceThreshold }.max { abs($0.smd ?? 0) < abs($1.smd ?? 0) }
    }

    init(
        snapshot: ProgrammeSnapshot, cohort: [Int], levelOf: [Int: String], levels: [String], to: CalendarDate,
        configuration: ProjectConfiguration, scores: WellbeingScores
    ) {
        let attributes = ParticipantAttributes(snapshot: snapshot, to: to, only: Set(ParticipantAttributes.makeUp + ["age"]))
        var members = [String: [Int]]()
        for i in cohort { members[levelOf[i] ?? "", default: []].append(i) }
        let reference = levels[0]
        var rows: [Row] = []
        func add(_ attribute: String, category: String?, share: Bool, _ values: (Int) -> Double?) {
            for other in levels.dropFirst() {
                let a = (members[reference] ?? []).compactMap(values)
                let b = (members[other] ?? []).compactMap(values)
                rows.append(
                    Row(
                        attribute: attribute, category: category, level: other, valueReference: Self.mean(a), valueOther: Self.mean(b),
                        smd: Self.smd(a, b, share: share), nReference: a.count, nOther: b.count))
            }
        }
        for name in ParticipantAttributes.makeUp where attributes.has(name) {
            let categories = Levels.sorted(Set(cohort.compactMap { attributes.level(name, of: $0) }).filter { $0 != Levels.missing })
            for category in categories {
                add(name, category: category, share: true) { i in
                    guard let v = attributes.level(name, of: i), v != Levels.missing else { return nil }
                    return v == category ? 1 : 0
                }
            }
        }
        if attributes.has("age") {
            add("age", category: nil, share: false) { i in attributes.level("age", of: i).flatMap(Double.init) }
        }
        for instrument in scores.analysed(configuration) {
            var baseline: [Int: Double] = [:]
            for s in scores.scores(instrument, .baseline) where baseline[s.participant] == nil { baseline[s.participant] = s.value }
            add("baseline:\(instrument.id)", category: nil, share: false) { baseline[$0] }
            for wave in [Wave.baseline, .end] {
                let answered = Set(scores.scores(instrument, wave).map(\.participant))
                add("completed:\(instrument.id):\(wave.rawValue)", category: nil, share: true) { answered.contains($0) ? 1 : 0 }
            }
        }
        self.rows = rows
    }

    static func mean(_ x: [Double]) -> Double? { x.isEmpty ? nil : x.reduce(0, +) / Double(x.count) }

    /// The standardised mean difference, other minus reference, over the pooled SD.
    static func smd(_ reference: [Double], _ other: [Double], share: Bool) -> Double? {
        guard let a = mean(reference), let b = mean(other) else { return nil }
        func variance(_ x: [Double], _ m: Double) -> Double? {
            if share { return m * (1 - m) }
            guard x.count > 1 else { return nil }
            return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
        }
        guard let va = variance(reference, a), let vb = variance(other, b) else { return nil }
        let pooled = ((va + vb) / 2).squareRoot()
        return pooled > 0 ? (b - a) / pooled : nil
    }
}
