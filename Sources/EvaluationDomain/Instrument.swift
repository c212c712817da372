/// How a questionnaire is scored: the public scoring facts of an instrument
/// (no item wording), built in or declared under `[instruments.ID]` in
/// `evalrun.toml`.
public struct Instrument: Sendable, Equatable, Codable {
    /// How item values combine into a score.
    public enum ScoreRule: String, Sendable, Codable { case sum, mean }
    /// Which direction of change is an improvement.
    public enum Better: String, Sendable, Codable { case higher, lower }

    /// Identifier as written in exports (matched case-insensitively), e.g. `WEMWBS`.
    public var id: String
    /// Number of items (0 for an instrument used only pre-scored).
    public var items: Int
    /// Smallest and largest item value.
    public var min: Double
    public var max: Double
    /// 1-based item numbers scored as `min + max − x`.
    public var reverse: [Int]
    public var score: ScoreRule
    public var better: Better
    /// Items that may be missing; the score is then prorated (mean of the
    /// answered items × items for a sum).
    public var maxMissing: Int
    /// Published reliability for the reliable change index (else α at baseline).
    public var reliability: Double?
    /// Minimal important difference in score points.
    public var mid: Double?
    /// Population reference.
    public var normMean: Double?
    public var normSD: Double?
    public var normSource: String?
    /// Declared score range for pre-scored use (else derived from items).
    public var scoreMin: Double?
    public var scoreMax: Double?
    /// Raw sum → reported score (e.g. SWEMWBS's Rasch metric), indexed by raw sum.
    public var conversion: [Int: Double]?
    /// Item recoding applied after reverse keying (e.g. the GHQ method's 0,0,1,1).
    public var itemRecode: [Double: Double]?
    /// For an alternative scoring of another instrument's answers: that
    /// instrument's id (e.g. `GHQ12-GHQ` scores the `GHQ12` questionnaires).
    public var scoresAnswersOf: String?

    public init(
        id: String, items: Int, min: Double, max: Double, reverse: [Int] = [], score: ScoreRule = .sum,
        better: Better = .higher, maxMissing: Int = 0, reliability: Double? = nil, mid: Double? = nil,
        normMean: Double? = nil, normSD: Double? = nil, normSource: String? = nil,
        scoreMin: Double? = nil, scoreMax: Double? = nil, conversion: [Int: Double]? = nil,
        itemRecode: [Double: Double]? = nil, scoresAnswersOf: String? = nil
    ) {
        self.itemRecode = itemRecode
        self.scoresAnswersOf = scoresAnswersOf
        self.id = id
        self.items = items
        self.min = min
        self.max = max
        self.reverse = reverse
        self.score = score
        self.better = better
        self.maxMissing = maxMissing
        self.reliability = reliability
        self.mid = mid
        self.normMean = normMean
        self.normSD = normSD
        self.normSource = normSource
        self.scoreMin = scoreMin
        self.scoreMax = scoreMax
        self.conversion = conversion
    }

    /// The range a score can take: declared, else items × min … items × max for
    /// sums (min … max for means), through the conversion table when there is one.
    public var scoreRange: ClosedRange<Double> {
        if let low = scoreMin, let high = scoreMax, low <= high { return low...high }
        if let table = conversion, let low = table.values.min(), let high = table.values.max() { return low...high }
        if let recode = itemRecode, let low = recode.values.min(), let high = recode.values.max() {
            return score == .sum ? (Double(items) * low)...(Double(items) * high) : low...high
        }
        switch score {
        case .sum: return (Double(items) * min)...(Double(items) * max)
        case .mean: return min...max
        }
    }

    /// Whether `value` is a valid answer to an item.
    public func accepts(itemValue value: Double) -> Bool {
        value >= min && value <= max && value.rounded() == value
    }

    /// Item values after reverse keying (1-based `reverse` items become `min + max − x`).
    @inlinable
    public func keyed(_ values: some Collection<Double?>) -> [Double?] {
        values.enumerated().map { index, value in
            guard let value else { return nil }
            let keyed = reverse.contains(index + 1) ? min + max - value : value
            return itemRecode.map { $0[keyed] ?? keyed } ?? keyed
        }
    }

    /// The score of one questionnaire, or `nil` when more than `maxMissing`
    /// items are missing. Missing items are prorated: the sum is the mean of the
    /// answered (keyed) items × `items`; a conversion table is applied to the
    /// prorated sum rounded to the nearest integer (halves up).
    @inlinable
    public func score(items values: some Collection<Double?>) -> Double? {
        guard items > 0, values.count == items else { return nil }
        let answered = keyed(values).compactMap { $0 }
        guard !answered.isEmpty, items - answered.count <= maxMissing else { return nil }
        let mean = answered.reduce(0, +) / Double(answered.count)
        switch score {
        case .mean:
            return mean
        case .sum:
            let sum = answered.count == items ? answered.reduce(0, +) : mean * Double(items)
            if let table = conversion {
                return table[Int((sum + 0.5).rounded(.down))]
            }
            return sum
        }
    }

    /// Whether a questionnaire of the right length has more blank items than
    /// `maxMissing` (it is then left out of scoring).
    /// (Inlinable: it is asked of every questionnaire, by the importer and the indicators,
    /// and specialised for their collections it is a plain loop.)
    @inlinable
    public func tooManyBlanks(_ values: some Collection<Double?>) -> Bool {
        var blanks = 0
        for value in values where value == nil { blanks += 1 }
        return blanks > maxMissing
    }

    /// The id of the questionnaires this instrument scores (its own, or the
    /// instrument it re-scores).
    public var answersID: String { scoresAnswersOf ?? id }
}
