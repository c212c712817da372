import EvaluationDomain
import Statistics
import Store

/// Wellbeing change per instrument, baseline → `wave` (METHODS §4 and §5
/// "Wellbeing"): change = wave − baseline over the pairs.
public struct WellbeingChange: Sendable {
    public var instrument: Instrument
    public var wave: Wave
    public var pairedT: PairedTTest
    public var wilcoxon: WilcoxonSignedRankTest
    public var cohenDz: CohensDz
    public var hedgesGav: HedgesGav
    /// α at baseline (complete questionnaires), the RCI's reliability unless one is declared.
    public var alphaBaseline: CronbachAlpha?
    public var reliableChange: ChangeCounts?
    public var midChange: ChangeCounts?
    public var attrition: Attrition
    /// Questionnaires of this wave, and of the baseline, left out of scoring for blank items.
    public var leftOutBlankItems: Int
    public var leftOutBlankItemsBaseline: Int

    /// Baseline means of those with and without this wave.
    public struct Attrition: Sendable {
        public var completers: SampleSummary
        public var dropouts: SampleSummary
        public var welch: WelchTTest
        /// Dropouts who belong to groups still running at the period end.
        public var dropoutsInRunningGroups: Int
    }
}

/// Cronbach's α of one instrument at one wave (instrument quality).
public struct InstrumentQuality: Sendable {
    public var instrument: String
    public var wave: Wave
    public var alpha: CronbachAlpha
}

/// Scores and computes every wellbeing element of a cohort.
public struct WellbeingAnalysis: Sendable {
    public var changes: [WellbeingChange]
    public var quality: [InstrumentQuality]

    public init(snapshot: ProgrammeSnapshot, members: [Int], to: CalendarDate, configuration: ProjectConfiguration) {
        let scored = WellbeingScores(snapshot: snapshot, members: members, to: to)
        let ended = GroupEnd.ends(snapshot: snapshot, to: to)
        var changes: [WellbeingChange] = []
        var quality: [InstrumentQuality] = []
        for instrument in scored.analysed(configuration) {
            guard let waves = scored.questionnaires[instrument.answersID.uppercased()] else { continue }
            var alphas: [Wave: CronbachAlpha] = [:]
            for wave in Wave.allCases {
                guard let rows = waves[wave], instrument.items >= 2 else { continue }
                let complete = rows.compactMap { q -> [Double?]? in
                    q.items.count == instrument.items && !q.items.contains(where: { $0 == nil }) ? instrument.keyed(q.items) : nil
                }
                guard !complete.isEmpty else { continue }
                let alpha = CronbachAlpha(rows: complete)
                alphas[wave] = alpha
                quality.append(InstrumentQuality(instrument: instrument.id, wave: wave, alpha: alpha))
            }
            let baseline = scored.scores(instrument, .baseline)
            let baselineSD = SampleSummary(baseline.map(\.value)).sd
            let direction: Direction = instrument.better == .higher ? .higherIsBetter : .lowerIsBetter
            for wave in [Wave.end, .followup] {
                guard let rows = waves[wave], !rows.isEmpty else { continue }
                let (pairs, unpaired) = WellbeingScores.pair(baseline: baseline, later: scored.scores(instrument, wave))
                let before = pairs.map(\.before)
                let after = pairs.map(\.after)
                let deltas = zip(before, after).map { $1 - $0 }
                let reliability = instrument.reliability ?? alphas[.baseline]?.alpha
                let rci = baselineSD.flatMap { sd in
                    reliability.flatMap { ReliableChangeIndex(sdBaseline: sd, reliability: $0, direction: direction) }
                }
                let mid = instrument.mid.flatMap { MinimalImportantDifference($0, direction: direction) }
                let completers = before
                let dropouts = unpaired.map(\.value)
                let running = unpaired.filter { ended[snapshot.participants[$0.participant].group] == nil }.count
                changes.append(
                    WellbeingChange(
                        instrument: instrument, wave: wave, pairedT: PairedTTest(baseline: before, end: after),
                        wilcoxon: WilcoxonSignedRankTest(baseline: before, end: after),
                        cohenDz: CohensDz(changes: deltas), hedgesGav: HedgesGav(baseline: before, end: after),
                        alphaBaseline: alphas[.baseline], reliableChange: rci?.counts(deltas), midChange: mid?.counts(deltas),
                        attrition: WellbeingChange.Attrition(
                            completers: SampleSummary(completers), dropouts: SampleSummary(dropouts),
                            welch: WelchTTest(completers, dropouts), dropoutsInRunningGroups: running),
                        leftOutBlankItems: scored.leftOutForBlankItems(instrument, wave),
                        leftOutBlankItemsBaseline: scored.leftOutForBlankItems(instrument, .baseline)))
            }
        }
        self.changes = changes
        self.quality = quality
    }
}

extension WellbeingChange {
    /// 95% t interval of a wave's mean over the pairs (the before/after figure).
    public static func meanInterval(_ s: SampleSummary) -> ConfidenceInterval? {
        guard let mean = s.mean, let se = s.standardError, s.n >= 2 else { return nil }
        let t = StudentT(degreesOfFreedom: Double(s.n - 1)).quantile(0.975)
        return ConfidenceInterval(lower: mean - t * se, upper: mean + t * se, level: 0.95)
    }
}
