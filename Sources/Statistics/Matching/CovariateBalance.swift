/// Balance of one covariate between treated and control units, with or without
/// weights, as MatchIt's `summary.matchit` computes it for the ATT
/// (`bal1var` with `standardize = TRUE`, MatchIt 4.5):
///
/// - means: weighted means of each side;
/// - standardised mean difference: (mean treated − mean control) / s, s the
///   standard deviation of the treated in the unweighted sample (for a 0/1
///   variable √(p(1 − p)), else the n − 1 sample formula), so that the
///   difference before and after matching has one denominator. If that s is
///   below √ε, the pooled one replaces it; a difference below √ε is reported
///   as it is, unstandardised;
/// - variance ratio: weighted variance of the treated over that of the controls
///   (reliability weights, `cov.wt`), not defined for a 0/1 variable;
/// - eCDF mean and maximum: the mean and largest absolute difference between
///   the two sides' weighted empirical distribution functions, taken at every
///   distinct value of the variable among all units (weight 0 included);
///   for a 0/1 variable both are |difference in means|.
public struct CovariateBalance: Sendable, Equatable {
    public let meanTreated: Double
    public let meanControl: Double
    public let standardisedDifference: Double?
    public let varianceRatio: Double?
    public let ecdfMean: Double?
    public let ecdfMax: Double?

    /// - Parameters:
    ///   - values: the covariate for every unit.
    ///   - treated: which units are treated.
    ///   - weights: matching or ATT weights (`nil`: every unit 1, the sample before matching).
    public init(values x: [Double], treated: [Bool], weights: [Double]? = nil) {
        precondition(x.count == treated.count && (weights?.count ?? x.count) == x.count, "one value per unit")
        let w = weights ?? [Double](repeating: 1, count: x.count)
        let binary = x.allSatisfy { $0 == 0 || $0 == 1 }
        let t = x.indices.filter { treated[$0] }
        let c = x.indices.filter { !treated[$0] }
        meanTreated = Self.weightedMean(t.map { x[$0] }, t.map { w[$0] })
        meanControl = Self.weightedMean(c.map { x[$0] }, c.map { w[$0] })
        let difference = meanTreated - meanControl
        let tooSmall = t.filter { w[$0] != 0 }.count < 2 && c.filter { w[$0] != 0 }.count < 2
        let tiny = Double.ulpOfOne.squareRoot()
        if tooSmall {
            standardisedDifference = nil
        } else if abs(difference) > tiny {
            var s = Self.variance(t.map { x[$0] }, binary: binary, weights: nil).squareRoot()
            if !s.isFinite || s < tiny { s = Self.pooledStandardDeviation(x, treated: treated, binary: binary) }
            standardisedDifference = difference / s
        } else {
            standardisedDifference = difference
        }
        if binary {
            varianceRatio = nil
            ecdfMean = abs(difference)
            ecdfMax = abs(difference)
        } else if tooSmall {
            varianceRatio = nil
            ecdfMean = nil
            ecdfMax = nil
        } else {
            varianceRatio =
                Self.variance(t.map { x[$0] }, binary: false, weights: t.map { w[$0] })
                / Self.variance(c.map { x[$0] }, binary: false, weights: c.map { w[$0] })
            let (mean, max) = Self.ecdfDifferences(x, treated: treated, weights: w)
            ecdfMean = mean
            ecdfMax = max
        }
    }

    static func weightedMean(_ x: [Double], _ w: [Double]) -> Double {
        var sx = 0.0
        var sw = 0.0
        for (xi, wi) in zip(x, w) {
            sx += xi * wi
            sw += wi
        }
        return sx / sw
    }

    /// MatchIt's `wvar`: p(1 − p) for a 0/1 variable, else the reliability-weights
    /// variance Σwᵢ(xᵢ − x̄)² / (1 − Σwᵢ²) with the weights normalised to sum 1.
    static func variance(_ x: [Double], binary: Bool, weights: [Double]?) -> Double {
        let raw = weights ?? [Double](repeating: 1, count: x.count)
        let total = raw.reduce(0, +)
        let w = raw.map { $0 / total }
        let mean = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 }
        if binary { return mean * (1 - mean) }
        var ss = 0.0
        var sw2 = 0.0
        for (wi, xi) in zip(w, x) {
            ss += wi * (xi - mean) * (xi - mean)
            sw2 += wi * wi
        }
        return ss / (1 - sw2)
    }

    /// MatchIt's `pooled_sd` with unit weights (the fallback denominator).
    static func pooledStandardDeviation(_ x: [Double], treated: [Bool], binary: Bool) -> Double {
        let n = Double(x.count)
        var total = 0.0
        for side in [true, false] {
            let values = x.indices.filter { treated[$0] == side }.map { x[$0] }
            guard !values.isEmpty else { continue }
            let sum = values.reduce(0, +)
            if binary {
                total += sum * (1 - sum / Double(values.count)) / n
            } else {
                let mean = sum / Double(values.count)
                total += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            }
        }
        return total.squareRoot()
    }

    /// Mean and largest |F_treated(v) − F_control(v)| over the distinct values v,
    /// each side's weights normalised to sum 1 (MatchIt's `qqsum` with `standardize`).
    static func ecdfDifferences(_ x: [Double], treated: [Bool], weights: [Double]) -> (mean: Double, max: Double) {
        var totalT = 0.0
        var totalC = 0.0
        for i in x.indices {
            if treated[i] { totalT += weights[i] } else { totalC += weights[i] }
        }
        let order = x.indices.sorted { (x[$0], $0) < (x[$1], $1) }
        var running = 0.0
        var sum = 0.0
        var largest = 0.0
        var count = 0
        for (k, i) in order.enumerated() {
            running += treated[i] ? weights[i] / totalT : -weights[i] / totalC
            if k == order.count - 1 || x[order[k + 1]] != x[i] {
                sum += abs(running)
                largest = Swift.max(largest, abs(running))
                count += 1
            }
        }
        return (sum / Double(count), largest)
    }
}
