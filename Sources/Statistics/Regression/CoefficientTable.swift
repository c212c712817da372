import Foundation
import LinearAlgebra

/// A format-neutral coefficient table: one row per term with estimate,
/// standard error, test statistic, degrees of freedom, two-sided p-value and
/// confidence interval. Renderers (text, Markdown, CSV, JSON) live in the
/// Report layer.
///
/// Statistic t = β̂ / SE. With finite degrees of freedom ν the p-value is
/// 2·P(T_ν ≥ |t|) and the interval β̂ ± t_{ν, 1−α/2}·SE (Student t); with
/// infinite degrees of freedom the normal distribution is used (z). A value
/// that cannot be computed (a zero or undefined standard error, degrees of
/// freedom that are not positive) is `nil`, never NaN.
public struct CoefficientTable: Sendable, Equatable {
    /// Which covariance the standard errors come from.
    public enum Method: String, Sendable, Equatable {
        case modelBased = "model"
        case hc0 = "HC0", hc1 = "HC1", hc2 = "HC2", hc3 = "HC3"
        case cr0 = "CR0", cr1 = "CR1", cr1S = "CR1S"
        case cr2 = "CR2"
    }

    /// Reference distribution of the statistic.
    public enum DegreesOfFreedom: Sendable, Equatable {
        /// Normal (z) statistics.
        case infinite
        /// Student t with the same degrees of freedom for every coefficient.
        case common(Double)
        /// Student t with one value per coefficient (e.g. Satterthwaite).
        case perCoefficient([Double])
    }

    /// One term.
    public struct Row: Sendable, Equatable {
        public let term: String
        public let estimate: Double
        public let standardError: Double?
        public let statistic: Double?
        /// `nil` for normal (z) inference.
        public let degreesOfFreedom: Double?
        public let pValue: Double?
        public let lower: Double?
        public let upper: Double?
    }

    public let rows: [Row]
    public let method: Method
    /// Confidence level of the intervals (e.g. 0.95).
    public let level: Double
    /// Caveats of the fit and of the covariance estimator.
    public let diagnostics: [Diagnostic]

    /// Builds the table from estimates and a covariance matrix (its diagonal
    /// gives the variances).
    public init(
        terms: [String], estimates: [Double], covariance: Matrix, degreesOfFreedom: DegreesOfFreedom,
        method: Method, level: Double = 0.95, diagnostics: [Diagnostic] = []
    ) {
        precondition(terms.count == estimates.count && covariance.rows == estimates.count, "table dimensions disagree")
        let variances = covariance.diagonal
        var rows: [Row] = []
        for (k, estimate) in estimates.enumerated() {
            let df: Double?
            switch degreesOfFreedom {
            case .infinite: df = nil
            case .common(let value): df = value
            case .perCoefficient(let values): df = values[k]
            }
            rows.append(
                CoefficientTable.row(
                    term: terms[k], estimate: estimate, variance: variances[k], degreesOfFreedom: df, level: level))
        }
        self.rows = rows
        self.method = method
        self.level = level
        self.diagnostics = diagnostics
    }

    static func row(term: String, estimate: Double, variance: Double, degreesOfFreedom df: Double?, level: Double) -> Row {
        let se: Double? = variance.isFinite && variance > 0 ? variance.squareRoot() : nil
        // nil or +∞: normal; finite and positive: Student t; anything else: undefined.
        let isNormal = df == nil || df == .infinity
        let isStudent = df.map { $0.isFinite && $0 > 0 } ?? false
        let reportedDF = df.flatMap { $0.isFinite ? $0 : nil }
        guard let se, estimate.isFinite, isNormal || isStudent else {
            return Row(
                term: term, estimate: estimate, standardError: se, statistic: nil,
                degreesOfFreedom: reportedDF, pValue: nil, lower: nil, upper: nil)
        }
        let statistic = estimate / se
        let upperQuantile = 1 - (1 - level) / 2
        let pValue: Double
        let critical: Double
        if let nu = reportedDF, isStudent {
            let t = StudentT(degreesOfFreedom: nu)
            pValue = min(1, 2 * t.sf(abs(statistic)))
            critical = t.quantile(upperQuantile)
        } else {
            let z = Normal(mean: 0, sd: 1)
            pValue = min(1, 2 * z.sf(abs(statistic)))
            critical = z.quantile(upperQuantile)
        }
        return Row(
            term: term, estimate: estimate, standardError: se, statistic: statistic, degreesOfFreedom: reportedDF,
            pValue: pValue, lower: estimate - critical * se, upper: estimate + critical * se)
    }

    /// The row of a term, if present.
    public func row(for term: String) -> Row? { rows.first { $0.term == term } }
}
