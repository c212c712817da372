import LinearAlgebra
import Statistics

extension OutcomeAnalysis {
    /// Each non-reference level's headline effect (METHODS §9 *Headline effects*): the
    /// coefficient of its indicator in the linear model of the outcome (a binary outcome's
    /// 0/1 too, so that the effect is a risk difference, in percentage points), with its
    /// CR2 interval and Satterthwaite df, the wild cluster bootstrap p and, with two
    /// levels constant within groups, the randomization p. A continuous outcome's linear
    /// model is its adjusted model: its terms are reused. No effect where the model
    /// cannot be fitted (the adjusted model's warning says why).
    func headline(_ data: OutcomeData, levelIndex: [Int], groupOf: [Int], into result: inout OutcomeComparison) {
        guard data.kind != .survival else { return }
        let scale = data.kind == .binary ? 100.0 : 1.0
        var headline = levelTerms.map {
            OutcomeComparison.Headline(level: $0, unit: data.kind == .binary ? "percentage_points" : "points")
        }
        defer { result.headline = headline }
        let (rows, matrix, terms) = design(data, levelIndex: levelIndex, intercept: true)
        let groups = rows.map { groupOf[$0] }
        var groupSets = [Set<Int>](repeating: [], count: levels.count)
        for row in rows { groupSets[levelIndex[row]].insert(groupOf[row]) }
        let response = rows.map { data.values[$0] }
        guard groupSets.allSatisfy({ $0.count >= 2 }), matrix.columns < Set(groups).count,
            let first = response.first, response.contains(where: { $0 != first })
        else { return }
        let fitted: [OutcomeComparison.AdjustedTerm]
        if data.kind == .continuous {
            fitted = result.adjusted
        } else if case .success(let t)? = try? linear(
            response: response, matrix: matrix, terms: terms, groups: groups, reported: levelTerms)
        {
            fitted = t
        } else {
            return
        }
        for (k, level) in levelTerms.enumerated() {
            guard let t = fitted.first(where: { $0.term == level }), t.estimate != nil else { continue }
            var h = headline[k]
            h.estimate = t.estimate.map { $0 * scale }
            h.ciLow = t.ciLowCR2.map { $0 * scale }
            h.ciHigh = t.ciHighCR2.map { $0 * scale }
            h.df = t.dfCR2
            h.pCR2 = t.pCR2
            h.pWild = t.wildBootstrap?.p
            h.pRandomization = levels.count == 2 ? result.randomization?.p : nil
            let fewGroups = min(groupSets[0].count, groupSets[k + 1].count) < OutcomeComparison.Headline.minimumGroups
            h.reliable = (t.dfCR2 ?? 0) >= OutcomeComparison.Headline.minimumDF && !fewGroups
            headline[k] = h
        }
    }
}
