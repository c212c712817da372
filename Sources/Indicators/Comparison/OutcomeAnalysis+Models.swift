import EvaluationDomain
import LinearAlgebra
import Statistics
import Store

extension OutcomeAnalysis {
    /// The adjusted model (logistic, linear or Cox) and, for continuous
    /// outcomes, the random-intercept mixed model (METHODS §5 "Models", "Too few clusters").
    func adjustedModel(_ data: OutcomeData, levelIndex: [Int], groupOf: [Int], into result: inout OutcomeComparison) {
        let model = AdjustedModel(data.kind)
        let intercept = data.kind != .survival
        let (rows, matrix, terms) = design(data, levelIndex: levelIndex, intercept: intercept)
        let reported = terms.filter { $0 != "(Intercept)" }
        let groups = rows.map { groupOf[$0] }
        if let reason = reasonNotToFit(
            data, rows: rows, groups: groups, matrix: matrix, terms: terms, levelIndex: levelIndex, groupOf: groupOf)
        {
            unavailable(reason, data: data, reported: reported, into: &result)
            return
        }
        let response = rows.map { data.values[$0] }
        switch fitted(model, data: data, rows: rows, response: response, matrix: matrix, terms: terms, groups: groups, reported: reported) {
        case .success(let terms): result.adjusted = terms
        case .failure(let reason):
            unavailable(reason.message, data: data, reported: reported, into: &result)
            return
        }
        if data.kind == .continuous {
            mixedModel(response: response, matrix: matrix, terms: terms, groups: groups, into: &result)
        }
    }

    /// Null values with a warning, for the mixed model too (METHODS §6).
    private func unavailable(_ warning: ComparisonNote, data: OutcomeData, reported: [String], into result: inout OutcomeComparison) {
        let model = AdjustedModel(data.kind)
        result.adjusted = reported.map { OutcomeComparison.AdjustedTerm(term: $0, model: model) }
        result.adjustedWarning = warning
        if data.kind == .continuous {
            result.mixed = levelTerms.map { .init(term: $0) }
            result.mixedWarning = warning
        }
    }

    /// Why the model is not fitted to the rows it would use (those with every
    /// covariate): a level in fewer than two groups, no more groups than parameters,
    /// a constant covariate or a constant outcome; `nil` when it can be tried.
    private func reasonNotToFit(
        _ data: OutcomeData, rows: [Int], groups: [Int], matrix: Matrix, terms: [String], levelIndex: [Int], groupOf: [Int]
    ) -> ComparisonNote? {
        // Groups per level among the rows the model uses (those with every covariate).
        var groupSets = [Set<Int>](repeating: [], count: levels.count)
        for row in rows { groupSets[levelIndex[row]].insert(groupOf[row]) }
        let groupsPerLevel = groupSets.map(\.count)
        let thin = groupsPerLevel.indices.filter { groupsPerLevel[$0] < 2 }
        if !thin.isEmpty {
            return .thinLevels(thin.map { (levels[$0], groupsPerLevel[$0]) })
        }
        let clusterCount = Set(groups).count
        let parameters = matrix.columns
        if parameters >= clusterCount {
            return .tooFewClusters(parameters: parameters, groups: clusterCount)
        }
        if let name = constantCovariate(matrix: matrix, terms: terms) {
            return .constantCovariate(name, participants: rows.count)
        }
        if data.kind != .survival, let first = rows.first.map({ data.values[$0] }), rows.allSatisfy({ data.values[$0] == first }) {
            return .constantOutcome(first)
        }
        return nil
    }

    /// The outcome kind's model fitted: the data failing to support it is a caveat
    /// (`ModelUnavailable`), any other error a defect.
    private func fitted(
        _ model: AdjustedModel, data: OutcomeData, rows: [Int], response: [Double], matrix: Matrix, terms: [String],
        groups: [Int], reported: [String]
    ) -> Result<[OutcomeComparison.AdjustedTerm], ModelUnavailable> {
        do {
            switch model {
            case .logistic:
                return try logistic(response: response, matrix: matrix, terms: terms, groups: groups, reported: reported)
            case .linear:
                return try linear(response: response, matrix: matrix, terms: terms, groups: groups, reported: reported)
            case .cox:
                return try cox(time: response, events: rows.map { data.events[$0] }, matrix: matrix, terms: terms, groups: groups)
            }
        } catch let error as LinearAlgebraError {
            return .failure(ModelUnavailable(.notFitted(error)))
        } catch let error as RegressionError {
            return .failure(ModelUnavailable(.notFitted(error)))
        } catch let error as SurvivalError {
            return .failure(ModelUnavailable(.notFitted(error)))
        } catch {
            // Not a property of the data: a defect, reported as such rather than as a caveat.
            return .failure(ModelUnavailable(.internalError(error)))
        }
    }

    /// Why a model gives no values (a separation, an exact fit, no event…): a caveat, not a failure.
    struct ModelUnavailable: Error {
        var message: ComparisonNote
        init(_ message: ComparisonNote) { self.message = message }
    }

    /// Logistic regression (IRLS) with model-based and CR2 errors, and the wild
    /// cluster score bootstrap for the by-terms; separation or non-convergence gives no values.
    func logistic(response: [Double], matrix: Matrix, terms: [String], groups: [Int], reported: [String]) throws
        -> Result<[OutcomeComparison.AdjustedTerm], ModelUnavailable>
    {
        let fit = try LogisticRegression(design: matrix, response: response, terms: terms).fit()
        // Separation explains a non-convergence: name it first.
        if let problem = fit.diagnostics.first(where: { $0.kind == .separation })
            ?? fit.diagnostics.first(where: { $0.kind == .nonConvergence })
        {
            return .failure(ModelUnavailable(ComparisonNote(problem)))
        }
        let terms = try regressionTerms(fit, groups: groups, model: .logistic, reported: reported)
        let bootstrap = ScoreWildClusterBootstrap(design: matrix, response: response, cluster: groups)
        return .success(withWildBootstrap(terms, fitted: fit.terms, groups: groups) { try bootstrap.test(coefficient: $0) })
    }

    /// Linear regression with model-based and CR2 errors; an exact fit gives no values.
    func linear(response: [Double], matrix: Matrix, terms: [String], groups: [Int], reported: [String]) throws
        -> Result<[OutcomeComparison.AdjustedTerm], ModelUnavailable>
    {
        let fit = try LinearRegression(design: matrix, response: response, terms: terms).fit()
        // An exact fit leaves no residual variation: standard errors and
        // p-values are 0/0 (R's lm warns "essentially perfect fit" and prints noise).
        let mean = response.reduce(0, +) / Double(response.count)
        let spread = (response.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(response.count)).squareRoot()
        guard let sigma = fit.sigma, sigma > 1e-10 * spread else {
            return .failure(ModelUnavailable(.exactFit))
        }
        let terms = try regressionTerms(fit, groups: groups, model: .linear, reported: reported)
        let bootstrap = WildClusterBootstrap(design: matrix, response: response, cluster: groups)
        return .success(withWildBootstrap(terms, fitted: fit.terms, groups: groups) { try bootstrap.test(coefficient: $0) })
    }

    /// The by-terms with their wild cluster bootstrap (`test` of a coefficient by
    /// its index among `fitted`), when the groups are few enough for it; a test
    /// that cannot run leaves the term's `wild_bootstrap` null.
    func withWildBootstrap(
        _ terms: [OutcomeComparison.AdjustedTerm], fitted: [String], groups: [Int],
        test: (Int) throws -> WildClusterBootstrap.Result
    ) -> [OutcomeComparison.AdjustedTerm] {
        var terms = terms
        for k in terms.indices where levelTerms.contains(terms[k].term) {
            guard let j = fitted.firstIndex(of: terms[k].term) else { continue }
            terms[k].wildBootstrap = try? test(j)
        }
        return terms
    }

    /// Cox proportional hazards (Efron ties) with model-based and grouped-sandwich errors.
    func cox(time: [Double], events: [Bool], matrix: Matrix, terms: [String], groups: [Int]) throws
        -> Result<[OutcomeComparison.AdjustedTerm], ModelUnavailable>
    {
        guard events.contains(true) else { return .failure(ModelUnavailable(.noJob)) }
        let fit = try CoxRegression(time: time, event: events, covariates: matrix, cluster: groups).fit()
        if let problem = fit.diagnostics.first(where: { $0.kind == .monotoneLikelihood || $0.kind == .nonConvergence }) {
            return .failure(ModelUnavailable(ComparisonNote(problem)))
        }
        let z = Normal().quantile(0.975)
        return .success(
            zip(terms, fit.coefficientTable(confidenceLevel: 0.95)).map { term, c in
                var t = OutcomeComparison.AdjustedTerm(term: term, model: .cox)
                t.estimate = c.estimate
                t.seModel = c.standardError
                t.pModel = c.pValue
                t.seRobust = c.robustStandardError
                t.pRobust = c.robustPValue
                if let se = c.robustStandardError {
                    t.ciLowRobust = c.estimate - z * se
                    t.ciHighRobust = c.estimate + z * se
                }
                return t
            })
    }

    /// The first covariate whose design columns are constant over the model's
    /// rows (a numeric covariate with one value, a categorical one with one
    /// level present), or one with a single level in the whole sample.
    func constantCovariate(matrix: Matrix, terms: [String]) -> String? {
        if let name = covariates.singleLevel.first { return name }
        let covariateTerms = Set(covariates.columns.map(\.term))
        for (j, term) in terms.enumerated() where covariateTerms.contains(term) {
            let column = matrix.column(j)
            if let first = column.first, column.allSatisfy({ $0 == first }) {
                return covariates.columns.first { $0.term == term }?.covariate ?? term
            }
        }
        return nil
    }

    func regressionTerms(_ fit: some RegressionFit, groups: [Int], model: AdjustedModel, reported: [String]) throws -> [OutcomeComparison
        .AdjustedTerm]
    {
        let modelTable = fit.coefficientTable(level: 0.95)
        let cr2 = try ClusterRobustCR2(fit, cluster: groups).coefficientTable(level: 0.95)
        return reported.map { term in
            var t = OutcomeComparison.AdjustedTerm(term: term, model: model)
            if let row = modelTable.row(for: term) {
                t.estimate = row.estimate
                t.seModel = row.standardError
                t.pModel = row.pValue
            }
            if let row = cr2.row(for: term) {
                t.seCR2 = row.standardError
                t.dfCR2 = row.degreesOfFreedom
                t.pCR2 = row.pValue
                t.ciLowCR2 = row.lower
                t.ciHighCR2 = row.upper
            }
            return t
        }
    }

    func mixedModel(response: [Double], matrix: Matrix, terms: [String], groups: [Int], into result: inout OutcomeComparison) {
        do {
            let fit = try RandomInterceptModel(response: response, design: matrix, groups: groups, termNames: terms).fit()
            result.mixed = levelTerms.map { term in
                guard let j = fit.termNames.firstIndex(of: term) else { return .init(term: term) }
                return .init(
                    term: term, estimate: fit.coefficients[j], se: fit.standardErrors[j], sdGroup: fit.sdGroup,
                    sdResidual: fit.sdResidual)
            }
            if fit.boundary { result.mixedWarning = .boundaryFit }
        } catch {
            result.mixed = levelTerms.map { .init(term: $0) }
            result.mixedWarning = .mixedNotFitted(error)
        }
    }

    /// The group-level randomization test (METHODS §5): below 30 groups, two
    /// levels, an attribute constant within groups; relabels the groups with at
    /// least one observation of this outcome.
    func randomization(_ data: OutcomeData, levelIndex: [Int], groupOf: [Int], into result: inout OutcomeComparison) {
        let groupsWithData = Array(Set(groupOf)).sorted()
        guard levels.count == 2 else {
            result.randomizationNote = .moreThanTwoLevels
            return
        }
        guard constantWithinGroups else {
            result.randomizationNote = .variesWithinGroups
            return
        }
        guard groupsWithData.count < Self.randomizationGroupLimit else {
            result.randomizationNote = .tooManyGroups(groupsWithData.count, limit: Self.randomizationGroupLimit)
            return
        }
        let position = Dictionary(uniqueKeysWithValues: groupsWithData.enumerated().map { ($1, $0) })
        var carries = [Bool](repeating: false, count: groupsWithData.count)
        for row in levelIndex.indices where levelIndex[row] == 1 {
            if let g = position[groupOf[row]] { carries[g] = true }
        }
        do {
            let test = try GroupRandomizationTest(
                values: data.values, groups: groupOf.map { position[$0] ?? 0 }, carriesLevel: carries)
            let outcome = try test.run()
            result.randomization = .init(p: outcome.p, relabelings: outcome.relabelings, exact: outcome.exact)
        } catch {
            result.randomizationNote = .randomizationNotRun(error)
        }
    }
}
