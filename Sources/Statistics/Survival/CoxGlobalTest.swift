/// A chi-squared test of β = 0 for a whole Cox model (likelihood ratio, Wald,
/// score), as the last lines of R's `summary(coxph(...))`.
public struct CoxGlobalTest: Sendable, Equatable {
    /// The chi-squared statistic.
    public let statistic: Double
    /// Degrees of freedom (the number of coefficients, or the rank of the covariance used).
    public let degreesOfFreedom: Int
    /// Upper-tail p-value, P(χ²_df ≥ statistic).
    public let pValue: Double

    public init(statistic: Double, degreesOfFreedom: Int) {
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue =
            degreesOfFreedom > 0 && statistic.isFinite
            ? ChiSquared(degreesOfFreedom: Double(degreesOfFreedom)).sf(max(statistic, 0))
            : .nan
    }
}
