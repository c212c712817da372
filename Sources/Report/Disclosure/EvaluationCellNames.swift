import EvaluationDomain
import Indicators
import Store

/// How the counts of a report are recorded among the database's releases (METHODS §9
/// *Releases*): each ledger key as a definition, a breakdown cell (the `--by`
/// attribute and level, with the level's groups for a group attribute) and the
/// window of people it counts. Activity figures count the period's people; the rest
/// count everyone enrolled by its end. The trend's quarters are the same definitions
/// at each quarter's end. The curves' numbers at risk are rounded and not recorded.
struct EvaluationCellNames {
    let period: Period
    let attribute: String
    /// Per `--by` level: its value and, for a group attribute, its groups' codes.
    let levels: [(level: String, groups: [String])]
    let quarters: [String: Period]

    init(evaluation: ProgrammeEvaluation, subgroups: Subgroups?, groupCodes: [[String]]) {
        period = evaluation.period
        attribute = subgroups?.attribute ?? ""
        levels = (subgroups?.levels ?? []).enumerated().map { k, item in
            (item.level, k < groupCodes.count ? groupCodes[k] : [])
        }
        var quarters: [String: Period] = [:]
        for q in evaluation.trend?.quarters ?? [] { quarters[q.period.label] = q.period }
        self.quarters = quarters
    }

    /// Definitions counting the people of the period rather than the cohort.
    static let activityPrefixes = ["reach.", "services/", "makeup/"]
    /// The trend's counts, as the definitions they are at a quarter's end (`nil`: activity in the quarter).
    static let trendDefinitions: [String: (definition: String, activity: Bool)] = [
        "cohort": ("cohort", false), "retained": ("retention.retained", false), "retention.n": ("retention.n", false),
        "employed": ("reemployment.employed", false), "not_started": ("retention.not_started", false),
        "attended_once": ("reach.attended_once", true), "jobs6m_in": ("jobs/in_work_at_6m/numerator", false),
        "jobs6m_n": ("jobs/in_work_at_6m/denominator", false),
    ]

    func cell(_ key: String, _ value: Int) -> ReleaseCell? {
        var rest = Substring(key)
        var attribute = ""
        var level = ""
        var groups: [String] = []
        if rest.hasPrefix("level"), let slash = rest.firstIndex(of: "/"),
            let k = Int(rest[rest.index(rest.startIndex, offsetBy: 5)..<slash]), levels.indices.contains(k)
        {
            attribute = self.attribute
            (level, groups) = levels[k]
            rest = rest[rest.index(after: slash)...]
        }
        if rest.hasPrefix("retention_curve/") || rest.hasPrefix("time_to_job/") || rest.hasPrefix("first_period/") { return nil }
        if rest.hasPrefix("trend/") {
            let parts = rest.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, let quarter = quarters[String(parts[1])],
                let mapped = Self.trendDefinitions[String(parts[2])]
            else { return nil }
            return ReleaseCell(
                definition: mapped.definition, attribute: attribute, level: level, groups: groups,
                from: mapped.activity ? quarter.from : nil, to: quarter.to, value: value)
        }
        // The key figures' other columns: the same definitions over another window.
        if rest.hasPrefix("since_start/") {
            return ReleaseCell(
                definition: String(rest.dropFirst("since_start/".count)), attribute: attribute, level: level, groups: groups,
                from: nil, to: period.to, value: value)
        }
        if rest.hasPrefix("year_earlier/") {
            let earlier = period.yearEarlier
            return ReleaseCell(
                definition: String(rest.dropFirst("year_earlier/".count)), attribute: attribute, level: level, groups: groups,
                from: earlier.from, to: earlier.to, value: value)
        }
        if rest.hasPrefix("before_period/") { return nil }
        let activity = Self.activityPrefixes.contains { rest.hasPrefix($0) }
        return ReleaseCell(
            definition: String(rest), attribute: attribute, level: level, groups: groups, from: activity ? period.from : nil,
            to: period.to, value: value)
    }
}
