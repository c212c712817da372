import LinearAlgebra

/// A difference in means between treated and control units (for a 0/1 outcome,
/// a difference in shares) from the regression y = α + τ·treated (weighted
/// where weights are given), with the standard error of one of the covariances
/// below and a t interval.
///
/// - `matchedPairs`: the matched sample, standard errors clustered by pair
///   (`sandwich::vcovCL(fit, cluster = ~subclass)`, i.e. CR1S: G/(G − 1) ·
///   (n − 1)/(n − 2)) and t on the residual df n − 2, as MatchIt's guidance for
///   pair matching (Abadie & Spiess, *JASA* 117, 2022).
/// - `weighted`: ATT weights, HC3 (`sandwich::vcovHC(fit, type = "HC3")` of the
///   weighted `lm`), t on n − 2.
/// - `unadjusted`: every unit, HC2 (the unpooled two-sample variance), t on n − 2.
/// - `clustered`: CR2 by the given clusters with Satterthwaite df
///   (`clubSandwich::coef_test(fit, vcov = "CR2", cluster, test = "Satterthwaite")`).
public struct TreatmentEffect: Sendable, Equatable {
    public let treatedMean: Double
    public let controlMean: Double
    public let estimate: Double
    public let standardError: Double
    public let degreesOfFreedom: Double
    public let lower: Double
    public let upper: Double
    public let pValue: Double

    public enum Covariance: Sendable, Equatable {
        case pairs([Int])
        case hc2, hc3
        case cr2([Int])
    }

    /// - Parameters:
    ///   - outcome: yᵢ for every unit in the analysis.
    ///   - treated: which units are treated.
    ///   - weights: regression weights (`nil`: 1), all positive.
    ///   - covariance: the standard error's covariance; `.pairs` and `.cr2` carry
    ///     one cluster label per unit.
    /// - Throws: `RegressionError` when the model cannot be fitted (one side
    ///   empty, fewer than two clusters).
    public init(
        outcome: [Double], treated: [Bool], weights: [Double]? = nil, covariance: Covariance, level: Double = 0.95
    ) throws {
        let n = outcome.count
        precondition(treated.count == n && (weights?.count ?? n) == n, "one value per unit")
        let root = (weights ?? [Double](repeating: 1, count: n)).map { $0.squareRoot() }
        let design = Matrix(columns: [root, zip(root, treated).map { $1 ? $0 : 0 }])
        let fit = try LinearRegression(
            design: design, response: zip(root, outcome).map { $0 * $1 }, terms: ["(Intercept)", "treated"]
        ).fit()
        let table: CoefficientTable
        switch covariance {
        case .pairs(let pairs):
            let v = try SandwichCovariance.clusterRobust(fit, cluster: pairs, adjustment: .cr1S)
            table = CoefficientTable(
                terms: fit.terms, estimates: fit.coefficients, covariance: v,
                degreesOfFreedom: .common(Double(fit.residualDegreesOfFreedom)), method: .cr1S, level: level)
        case .hc2:
            table = fit.coefficientTable(hc: .hc2, level: level)
        case .hc3:
            table = fit.coefficientTable(hc: .hc3, level: level)
        case .cr2(let clusters):
            table = try ClusterRobustCR2(fit, cluster: clusters).coefficientTable(level: level)
        }
        guard let row = table.row(for: "treated"), let se = row.standardError, let df = row.degreesOfFreedom,
            let p = row.pValue, let lower = row.lower, let upper = row.upper
        else { throw RegressionError.nonFiniteValue("the treatment effect's standard error") }
        controlMean = fit.coefficients[0]
        treatedMean = fit.coefficients[0] + fit.coefficients[1]
        estimate = fit.coefficients[1]
        standardError = se
        degreesOfFreedom = df
        self.lower = lower
        self.upper = upper
        pValue = p
    }
}
