import Indicators

/// The sentences of the impact report in the report's language (catalogue keys `impact.*`).
struct ImpactText {
    let language: ReportLanguage
    /// The released counts the caveats quote (a count of people is printed as released, `<5` included).
    let release: ReleasedImpact

    func caveat(_ caveat: ImpactCaveat) -> String {
        let l = language
        let cells = ReleasedCells(policy: release.policy, language: l)
        switch caveat {
        case .unmeasuredConfounding(let covariates):
            return l.text("impact.caveat.unmeasured", covariates.joined(separator: ", "))
        case .imbalanceRemains(let covariates):
            return l.text("impact.caveat.imbalance", covariates.joined(separator: ", "))
        case .unmatched:
            return l.text(
                "impact.caveat.unmatched", cells.count(release.treated.unmatched).display,
                cells.count(release.treated.observed).display)
        case .smallEffectiveSample(let effective):
            return l.text("impact.caveat.small_ess", l.number(effective, digits: 1), cells.count(release.controls.matched).display)
        case .fewGroups(let groups, let df):
            return l.text("impact.caveat.few_groups", l.count(groups), df.map { l.number($0, digits: 1) } ?? "–")
        case .outsideCommonSupport:
            return l.text(
                "impact.caveat.support", cells.count(release.treated.outsideSupport).display,
                cells.count(release.controls.outsideSupport).display)
        case .separation:
            return l.text("impact.caveat.separation")
        }
    }
}
