import Foundation
import LinearAlgebra

extension CoxRegression {
    /// Fits the model by Newton–Raphson from β = 0.
    /// - Throws: `SurvivalError.noEvents` without events;
    ///   `SurvivalError.singularDesign` when a column is a linear combination
    ///   of the others (constant columns included; QR with R's tolerance 1e-7);
    ///   `SurvivalError.singularInformation` if the information matrix stops
    ///   being positive definite during the iterations.
    public func fit() throws -> CoxFit {
        let n = time.count
        let p = covariates.columns
        let eventCount = event.lazy.filter { $0 }.count
        guard eventCount > 0 else { throw SurvivalError.noEvents }

        let means = (0..<p).map { j in covariates.column(j).reduce(0, +) / Double(n) }
        let order = time.indices.sorted { time[$0] < time[$1] }
        var x = covariates.selectingRows(order)
        for j in 0..<p {
            for i in 0..<n { x.storage[i + j * n] -= means[j] }
        }
        let qr = try QRDecomposition(x)
        guard qr.isFullRank else { throw SurvivalError.singularDesign(aliasedColumns: qr.aliasedColumns) }

        let sortedEvent = order.map { event[$0] }
        var groupStart: [Int] = []
        var deaths: [Int] = []
        for (position, i) in order.enumerated() {
            if position == 0 || time[i] != time[order[position - 1]] {
                groupStart.append(position)
                deaths.append(0)
            }
            if event[i] { deaths[deaths.count - 1] += 1 }
        }
        groupStart.append(n)
        let model = CoxPartialLikelihood(
            x: x, event: sortedEvent, groupStart: groupStart, deaths: deaths, efron: ties == .efron)

        let newton = try CoxNewtonRaphson(model: model, control: control).run()
        var diagnostics = newton.diagnostics
        let tiedTimes = deaths.lazy.filter { $0 > 1 }.count
        if tiedTimes > 0 {
            diagnostics.append(
                Diagnostic(
                    kind: .tiesApproximated,
                    message:
                        "\(tiedTimes) event time(s) with tied events, handled by \(ties == .efron ? "Efron's" : "Breslow's") approximation")
            )
        }

        var robust: Matrix?
        var robustScore: CoxGlobalTest?
        if let cluster {
            let sortedCluster = order.map { cluster[$0] }
            let residuals = model.clusterScoreResiduals(newton.beta, cluster: sortedCluster, clusters: clusterCount)
            let dfbeta = residuals * newton.covariance
            robust = dfbeta.gram()
            let initial = model.clusterScoreResiduals(Array(repeating: 0, count: p), cluster: sortedCluster, clusters: clusterCount)
            let u = (0..<p).map { j in initial.column(j).reduce(0, +) }
            robustScore = Self.quadraticTest(u, initial.gram())
            if clusterCount < 30 {
                diagnostics.append(
                    Diagnostic(
                        kind: .fewClusters,
                        message:
                            "only \(clusterCount) clusters: the cluster-robust standard errors have no small-sample correction and tend to be too small"
                    ))
            }
        }
        let covariance = robust ?? newton.covariance
        let wald = Self.quadraticTest(newton.beta, covariance)
        return CoxFit(
            ties: ties, coefficients: newton.beta, modelCovariance: newton.covariance,
            robustCovariance: robust, initialLogLikelihood: newton.initialLogLikelihood,
            logLikelihood: newton.logLikelihood, score: newton.score,
            scoreTest: CoxGlobalTest(statistic: newton.scoreStatistic, degreesOfFreedom: p),
            likelihoodRatioTest: CoxGlobalTest(
                statistic: 2 * (newton.logLikelihood - newton.initialLogLikelihood), degreesOfFreedom: p),
            waldTest: wald, robustScoreTest: robustScore, iterations: newton.iterations,
            converged: newton.converged, means: means, observationCount: n, eventCount: eventCount,
            clusterCount: clusterCount, diagnostics: diagnostics)
    }

    /// bᵀ A⁻¹ b as `coxph.wtest` computes it: by Cholesky, or, when A is
    /// singular, on its positive eigen-directions with df = their number.
    static func quadraticTest(_ b: [Double], _ a: Matrix) -> CoxGlobalTest {
        if let factor = try? Cholesky(a), let solved = try? factor.solve(b) {
            return CoxGlobalTest(statistic: Vector.dot(b, solved), degreesOfFreedom: b.count)
        }
        guard let eigen = try? SymmetricEigen(a), let largest = eigen.values.max(), largest > 0 else {
            return CoxGlobalTest(statistic: .nan, degreesOfFreedom: 0)
        }
        let projected = eigen.vectors.times(b, .transposed)
        var statistic = 0.0
        var rank = 0
        for (value, component) in zip(eigen.values, projected) where value > 1e-9 * largest {
            statistic += component * component / value
            rank += 1
        }
        return CoxGlobalTest(statistic: statistic, degreesOfFreedom: rank)
    }
}
