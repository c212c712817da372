import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

/// Analyses one outcome for `Comparison`: per-level summaries, unadjusted
/// differences, the adjusted model with model-based and cluster-robust errors,
/// the randomization test, the ICC and the mixed model.
struct OutcomeAnalysis {
    /// Reference first.
    let levels: [String]
    let covariates: CovariateDesign
    let constantWithinGroups: Bool

    /// Groups below which the randomization test is run.
    static let randomizationGroupLimit = 30

    func analyse(_ data: OutcomeData) -> OutcomeComparison {
        let levelIndex = data.levels
        let groupOf = data.groups
        var result = OutcomeComparison(
            outcome: data.name, kind: data.kind, levels: [], differences: [], adjusted: [], adjustedWarning: nil,
            randomization: nil, randomizationNote: nil, icc: nil, mixed: nil, mixedWarning: nil,
            droppedMissingCovariates: data.participants.filter { !covariates.complete.contains($0) }.count,
            clusters: Set(groupOf).count, warnings: [], waves: data.waves)

        // Per level.
        var byLevel: [[Int]] = Array(repeating: [], count: levels.count)
        for row in 0..<data.participants.count { byLevel[levelIndex[row]].append(row) }
        for (k, rows) in byLevel.enumerated() {
            result.levels.append(levelSummary(data, level: k, rows: rows))
        }
        // Unadjusted differences (non-reference minus reference).
        for k in 1..<levels.count {
            result.differences.append(difference(data, level: k, rows: byLevel[k], reference: byLevel[0]))
        }

        adjustedModel(data, levelIndex: levelIndex, groupOf: groupOf, into: &result)
        if data.kind != .survival {
            randomization(data, levelIndex: levelIndex, groupOf: groupOf, into: &result)
            // A constant outcome has no variance to share out: the ICC is 0/0 (lmer
            // returns NaN), so null rather than the 0 a boundary fit would give.
            if let first = data.values.first, data.values.contains(where: { $0 != first }) {
                result.icc = try? RandomInterceptModel.intraclassCorrelation(outcome: data.values, groups: groupOf).icc
            }
            headline(data, levelIndex: levelIndex, groupOf: groupOf, into: &result)
        }
        return result
    }

    /// Level `k`'s size, estimate (proportion, mean, or Kaplan–Meier median days), the
    /// people left out for a missing covariate and the events.
    private func levelSummary(_ data: OutcomeData, level k: Int, rows: [Int]) -> OutcomeComparison.LevelSummary {
        let estimate: Double?
        switch data.kind {
        case .binary, .continuous:
            estimate = rows.isEmpty ? nil : rows.reduce(0) { $0 + data.values[$1] } / Double(rows.count)
        case .survival:
            estimate =
                rows.isEmpty
                ? nil
                : (try? KaplanMeier(time: rows.map { data.values[$0] }, event: rows.map { data.events[$0] }).fit())?.median.estimate
        }
        let dropped = rows.filter { !covariates.complete.contains(data.participants[$0]) }.count
        let events: Int?
        switch data.kind {
        case .binary: events = rows.filter { data.values[$0] == 1 }.count
        case .survival: events = rows.filter { data.events[$0] }.count
        case .continuous: events = nil
        }
        return .init(level: levels[k], n: rows.count, estimate: estimate, droppedMissingCovariates: dropped, events: events)
    }

    /// Level `k` minus the reference, unadjusted: a risk difference with Newcombe's
    /// interval, or Welch's difference of means; none for survival.
    private func difference(_ data: OutcomeData, level k: Int, rows: [Int], reference: [Int]) -> OutcomeComparison.Difference {
        var d = OutcomeComparison.Difference(level: levels[k], estimate: nil, ciLow: nil, ciHigh: nil)
        switch data.kind {
        case .binary:
            if let a = Proportion(successes: rows.filter { data.values[$0] == 1 }.count, trials: rows.count),
                let b = Proportion(successes: reference.filter { data.values[$0] == 1 }.count, trials: reference.count)
            {
                let rd = RiskDifference(comparison: a, reference: b)
                d.estimate = rd.estimate
                let ci = rd.newcombeInterval(level: 0.95)
                d.ciLow = ci?.lower
                d.ciHigh = ci?.upper
            }
        case .continuous:
            let welch = WelchTTest(rows.map { data.values[$0] }, reference.map { data.values[$0] })
            d.estimate = welch.estimate
            d.ciLow = welch.inference?.confidenceInterval.lower
            d.ciHigh = welch.inference?.confidenceInterval.upper
        case .survival:
            break
        }
        return d
    }

    /// Terms of the by-attribute: one per non-reference level, named by the level.
    var levelTerms: [String] { Array(levels.dropFirst()) }

    /// Rows with every covariate, and the design (by-terms then covariates), optionally with an intercept.
    func design(_ data: OutcomeData, levelIndex: [Int], intercept: Bool) -> (rows: [Int], matrix: Matrix, terms: [String]) {
        let rows = data.participants.indices.filter { covariates.complete.contains(data.participants[$0]) }
        var columns: [[Double]] = []
        var terms: [String] = []
        if intercept {
            columns.append(Array(repeating: 1, count: rows.count))
            terms.append("(Intercept)")
        }
        for k in 1..<levels.count {
            columns.append(rows.map { levelIndex[$0] == k ? 1 : 0 })
            terms.append(levels[k])
        }
        for column in covariates.columns {
            columns.append(rows.map { column.values[data.participants[$0]] ?? 0 })
            terms.append(column.term)
        }
        return (rows, Matrix(columns: columns), terms)
    }
}
