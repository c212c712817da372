import EvaluationDomain
import Foundation
import Indicators

/// The words of a comparison's caveats (METHODS §5 "Caveats a researcher
/// needs"), in the report's language.
struct ComparisonCaveatText: Sendable {
    let language: ReportLanguage

    func message(_ caveat: ComparisonCaveat, attribute code: String) -> String {
        let l = language
        let words = ReportVocabulary(l)
        let level = { (v: String) in words.level(v, of: code) }
        switch caveat {
        case .fewClusters(let counts):
            let list = counts.map { "\(level($0.level)): \($0.count)" }.joined(separator: ", ")
            return l.text("comparisonCaveatText.few_clusters_fewer_than_10_groups", list)
        case .groupConfounder(let other, let v, let groups):
            return l.text(
                "comparisonCaveatText.confounding_at_group_level_groups_table", words.attributeWithArticle(other),
                words.attributeWithArticle(code), groups, l.number(v, digits: 2))
        case .unequalFollowUp(let medians):
            let list = medians.map { "\(level($0.level)): \(l.number($0.value / TimeToJob.daysPerMonth, digits: 1))" }.joined(
                separator: ", ")
            return l.text("comparisonCaveatText.unequal_follow_up_the_median_observation", list)
        case .multipleOutcomes(let count, let contrasts):
            // The chance of at least one p < 0.05 among k independent tests of no difference.
            let chance = 1 - pow(0.95, Double(contrasts))
            return l.text(
                "comparisonCaveatText.multiple_outcomes_outcomes_are_compared_with", count, contrasts, l.percent(chance),
                l.number(0.05 * Double(contrasts), digits: 2))
        case .baselineImbalance(let name, let category, let other, let reference, let smd):
            let what: String
            if name.hasPrefix("baseline:") {
                what = l.text("comparisonCaveatText.baseline_score", String(name.dropFirst("baseline:".count)))
            } else if name.hasPrefix("completed:") {
                let parts = name.split(separator: ":")
                what = l.text(
                    "comparisonCaveatText.completion", parts.count > 1 ? String(parts[1]) : "",
                    parts.count > 2 ? words.wave(Wave(rawValue: String(parts[2])) ?? .end) : "")
            } else {
                what = words.attribute(name) + (category.map { ": " + words.level($0, of: name) } ?? "")
            }
            return l.text(
                "comparisonCaveatText.baseline_imbalance", what, level(other), level(reference), l.number(smd, digits: 2))
        case .unadjustedIgnoresClustering:
            return l.text("comparisonCaveatText.the_unadjusted_differences_newcombe_and_welch")
        }
    }
}
