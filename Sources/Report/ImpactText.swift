import Indicators

/// The sentences of the impact report in the report's language (catalogue keys `impact.*`).
struct ImpactText {
    let language: ReportLanguage

    func caveat(_ caveat: ImpactCaveat) -> String {
        let l = language
        switch caveat {
        case .unmeasuredConfounding(let covariates):
            return l.text("impact.caveat.unmeasured", covariates.joined(separator: ", "))
        case .imbalanceRemains(let covariates):
            return l.text("impact.caveat.imbalance", covariates.joined(separator: ", "))
        case .unmatched(let count, let of):
            return l.text("impact.caveat.unmatched", l.count(count), l.count(of))
        case .smallEffectiveSample(let effective, let of):
            return l.text("impact.caveat.small_ess", l.number(effective, digits: 1), l.count(of))
        case .fewGroups(let groups, let df):
            return l.text("impact.caveat.few_groups", l.count(groups), df.map { l.number($0, digits: 1) } ?? "–")
        case .outsideCommonSupport(let treated, let controls):
            return l.text("impact.caveat.support", l.count(treated), l.count(controls))
        case .separation:
            return l.text("impact.caveat.separation")
        }
    }
}
