import Statistics

/// The steps of `ImpactAnalysis` (METHODS §10), each on arrays of the analysed units.
extension ImpactAnalysis {
    /// Matching weights (1 matched, 0 not) and pair labels, or ATT weights.
    struct Assignment {
        var weights: [Double]
        /// The pair of each unit (`-1`: none).
        var pairOf: [Int]
        var caliperWidth: Double?
    }

    /// The propensity score, as glm with its default convergence (MatchIt calls glm so).
    static func propensityScore(_ table: ImpactCovariates, units: [Int], treated: [Bool]) throws -> LogisticFit {
        let design = Self.design(table, units: units)
        do {
            return try LogisticRegression(
                design: design.model, response: treated.map { $0 ? 1 : 0 }, terms: design.terms, tolerance: 1e-8
            ).fit()
        } catch {
            throw ImpactError.scoreNotEstimable("\(error)")
        }
    }

    static func assign(scores: [Double], treated: [Bool], options: ImpactOptions) -> Assignment {
        switch options.method {
        case .nearest:
            let width = options.caliper.map { NearestNeighbourMatch.standardCaliper($0, scores: scores) }
            var assignment = Assignment(
                weights: [Double](repeating: 0, count: scores.count), pairOf: [Int](repeating: -1, count: scores.count),
                caliperWidth: width)
            for (k, pair) in NearestNeighbourMatch(scores: scores, treated: treated, caliperWidth: width).pairs.enumerated() {
                for unit in [pair.treated, pair.control] {
                    assignment.weights[unit] = 1
                    assignment.pairOf[unit] = k
                }
            }
            return assignment
        case .weighting:
            return Assignment(
                weights: AverageTreatmentOnTreatedWeights.weights(scores: scores, treated: treated),
                pairOf: [Int](repeating: -1, count: scores.count), caliperWidth: nil)
        }
    }

    /// The effect (pairs, or HC3 under weighting), CR2 by the participants' groups (a
    /// control takes its pair's group; pairs only), and the effective sample size.
    static func effects(
        outcome y: [Double], treated t: [Bool], assignment: Assignment, method: ImpactOptions.Method, groupOf: (Int) -> Int?
    ) -> (effect: TreatmentEffect?, byGroup: TreatmentEffect?, groupCount: Int, effectiveSampleSize: Double?) {
        switch method {
        case .nearest:
            let sample = y.indices.filter { assignment.pairOf[$0] >= 0 }
            var groupOfPair: [Int: Int] = [:]
            for k in sample where t[k] { groupOfPair[assignment.pairOf[k]] = groupOf(k) }
            let ys = sample.map { y[$0] }
            let ts = sample.map { t[$0] }
            let groups = sample.map { groupOfPair[assignment.pairOf[$0]] ?? -1 }
            return (
                try? TreatmentEffect(outcome: ys, treated: ts, covariance: .pairs(sample.map { assignment.pairOf[$0] })),
                try? TreatmentEffect(outcome: ys, treated: ts, covariance: .cr2(groups)), Set(groups).count, nil
            )
        case .weighting:
            let controlWeights = y.indices.filter { !t[$0] }.map { assignment.weights[$0] }
            return (
                try? TreatmentEffect(outcome: y, treated: t, weights: assignment.weights, covariance: .hc3), nil,
                Set(y.indices.filter { t[$0] }.compactMap(groupOf)).count,
                AverageTreatmentOnTreatedWeights.effectiveSampleSize(controlWeights)
            )
        }
    }

    /// Each side's counts: everyone, observed, left out for a blank covariate, analysed,
    /// matched, in work, and outside the other side's range of scores.
    static func sides(
        units: ImpactUnits, table: ImpactCovariates, analysed: [Int], outcome y: [Double], scores: [Double],
        bySide: (treated: [Double], controls: [Double]), weights: [Double]
    ) -> (treated: Side, controls: Side) {
        let t = analysed.map(units.isTreated)
        func side(_ treatedSide: Bool) -> Side {
            let members = (0..<units.count).filter { units.isTreated($0) == treatedSide }
            let analysedHere = analysed.indices.filter { t[$0] == treatedSide }
            let matched = analysedHere.filter { weights[$0] > 0 }
            let other = treatedSide ? bySide.controls : bySide.treated
            let (low, high) = (other.min() ?? 0, other.max() ?? 0)
            return Side(
                n: members.count, observed: members.filter { units.observed[$0] }.count,
                missingCovariates: members.filter { units.observed[$0] && !table.isComplete($0) }.count,
                analysed: analysedHere.count, matched: matched.count,
                inWorkMatched: matched.filter { y[$0] == 1 }.count, inWorkAnalysed: analysedHere.filter { y[$0] == 1 }.count,
                outsideSupport: analysedHere.filter { scores[$0] < low || scores[$0] > high }.count)
        }
        return (side(true), side(false))
    }
}
