import Foundation

/// The binomial family with logit link, computed exactly as R's C routines
/// behind `binomial()` (`logit_linkinv`, `logit_mu_eta`, `binomial_dev_resids`
/// in `src/library/stats/src/family.c`), including their clamping at |η| > 30,
/// so that fits on separated data follow R step by step.
enum LogitLink {
    static let threshold = 30.0
    static let epsilon = Double.ulpOfOne

    /// η = log(μ / (1 − μ)).
    static func link(_ mu: Double) -> Double { log(mu / (1 - mu)) }

    /// μ = e^η / (1 + e^η), with e^η replaced by ε below η = −30 and by 1/ε above 30.
    static func inverse(_ eta: Double) -> Double {
        let t = eta < -threshold ? epsilon : (eta > threshold ? 1 / epsilon : exp(eta))
        return t / (1 + t)
    }

    /// dμ/dη = e^η / (1 + e^η)², replaced by ε where |η| > 30.
    static func meanDerivative(_ eta: Double) -> Double {
        if eta > threshold || eta < -threshold { return epsilon }
        let e = exp(eta)
        let opexp = 1 + e
        return e / (opexp * opexp)
    }

    /// Binomial variance function μ(1 − μ).
    static func variance(_ mu: Double) -> Double { mu * (1 - mu) }

    /// Unit deviance 2[y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))].
    static func deviance(_ y: Double, _ mu: Double) -> Double {
        func yLogY(_ y: Double, _ mu: Double) -> Double { y != 0 ? y * log(y / mu) : 0 }
        return 2 * (yLogY(y, mu) + yLogY(1 - y, 1 - mu))
    }
}
