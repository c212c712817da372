import Foundation

/// One row of R's `summary(coxph(...))` coefficient table: the log hazard
/// ratio with its model-based and (with clusters) robust standard error, z
/// tests against 0, and the hazard ratio's confidence interval.
public struct CoxCoefficient: Sendable, Equatable {
    /// β̂ (`coef`).
    public let estimate: Double
    /// exp(β̂) (`exp(coef)`).
    public var hazardRatio: Double { exp(estimate) }
    /// Model-based standard error, √[I(β̂)⁻¹]ⱼⱼ (`se(coef)`).
    public let standardError: Double
    /// β̂ / model SE.
    public var z: Double { estimate / standardError }
    /// Two-sided p-value of the z test with the model SE (`Pr(>|z|)` without clusters).
    public var pValue: Double { 2 * Normal().sf(abs(z)) }
    /// Cluster-robust standard error (`robust se`), `nil` without clusters.
    public let robustStandardError: Double?
    /// β̂ / robust SE.
    public var robustZ: Double? { robustStandardError.map { estimate / $0 } }
    /// Two-sided p-value of the z test with the robust SE (`Pr(>|z|)` with clusters).
    public var robustPValue: Double? { robustZ.map { 2 * Normal().sf(abs($0)) } }
    /// Lower limit for exp(β) (`lower .95`), with the robust SE when there is one, as R.
    public let lowerHazardRatio: Double
    /// Upper limit for exp(β) (`upper .95`).
    public let upperHazardRatio: Double

    public init(estimate: Double, standardError: Double, robustStandardError: Double?, confidenceLevel: Double = 0.95) {
        self.estimate = estimate
        self.standardError = standardError
        self.robustStandardError = robustStandardError
        let z = Normal().quantile(1 - (1 - confidenceLevel) / 2)
        let se = robustStandardError ?? standardError
        self.lowerHazardRatio = exp(estimate - z * se)
        self.upperHazardRatio = exp(estimate + z * se)
    }
}
