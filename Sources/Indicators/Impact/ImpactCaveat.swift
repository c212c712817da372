/// What a reader of an impact estimate must know before quoting it (METHODS §10).
/// Counts of people are not carried here: a report quotes them as the ledger released them.
public enum ImpactCaveat: Sendable, Equatable {
    /// Matching balances only what was measured: the covariates named.
    case unmeasuredConfounding(covariates: [String])
    /// Covariates (or levels) whose standardised difference stays above 0.1 after matching or weighting.
    case imbalanceRemains(covariates: [String])
    /// Participants left without a match within the caliper: the effect is on the matched ones.
    case unmatched
    /// Under weighting, the comparison group counts as this many people.
    case smallEffectiveSample(effective: Double)
    /// The interval clustered by the participants' groups rests on few groups.
    case fewGroups(groups: Int, df: Double?)
    /// People whose score lies outside the other side's range.
    case outsideCommonSupport
    /// The logistic fit separates the sides (a score of 0 or 1).
    case separation

    /// The JSON `kind`.
    public var kind: String {
        switch self {
        case .unmeasuredConfounding: return "unmeasured_confounding"
        case .imbalanceRemains: return "imbalance_after_matching"
        case .unmatched: return "unmatched_participants"
        case .smallEffectiveSample: return "small_effective_sample"
        case .fewGroups: return "few_groups"
        case .outsideCommonSupport: return "outside_common_support"
        case .separation: return "separation"
        }
    }
}
