import Foundation
import LinearAlgebra

/// The Cox partial likelihood on data sorted by time, evaluated in O(n·p)
/// plus one weighted Gram matrix (BLAS `syrk`) per call: risk-set sums are
/// accumulated from the last time backwards, so no n × n work is done.
///
/// With Efron's approximation, the dₖ tied events at time tₖ are taken as dₖ
/// successive events; the m-th (m = 0 … dₖ − 1) sees the risk set with
/// the tied events' weight reduced by m/dₖ:
///
///     ℓ(β) = Σₖ [ Σ_{i ∈ Dₖ} ηᵢ − Σₘ log(S0ₖ − (m/dₖ) E0ₖ) ]
///
/// where S0ₖ = Σ_{tᵢ ≥ tₖ} e^{ηᵢ} and E0ₖ = Σ_{i ∈ Dₖ} e^{ηᵢ}. Breslow's
/// approximation uses m = 0 for every tied event. The information is
/// Σ_{k,m} [S2ₖₘ/Tₖₘ − x̄ₖₘ x̄ₖₘᵀ], written as Xᵀ·diag(w)·X − Mᵀ·M with
/// wᵢ = e^{ηᵢ}·(Σ_{tₖ ≤ tᵢ} Σₘ 1/Tₖₘ − δᵢ·Σₘ (m/dₖ)/Tₖₘ) and the rows of M the
/// means x̄ₖₘ, so both parts are Gram matrices.
struct CoxPartialLikelihood: Sendable {
    /// Covariates of the sorted observations, centred (column means removed).
    let x: Matrix
    /// Event indicator of the sorted observations.
    let event: [Bool]
    /// Distinct times: observations `groupStart[k] ..< groupStart[k + 1]` share time k.
    let groupStart: [Int]
    /// Number of events at each distinct time.
    let deaths: [Int]
    /// Whether Efron's approximation is used for tied events.
    let efron: Bool

    var count: Int { x.rows }
    var dimension: Int { x.columns }

    /// The value, gradient and negative Hessian at β.
    struct Evaluation {
        let logLikelihood: Double
        let score: [Double]
        let information: Matrix
    }

    /// Risk-set sums at each distinct time: S0ₖ, S1ₖ (p values each), and the
    /// same over the events at tₖ (E0ₖ, E1ₖ).
    private struct RiskSets {
        var s0: [Double]
        var s1: [Double]
        var e0: [Double]
        var e1: [Double]
    }

    private func riskSets(_ risk: [Double]) -> RiskSets {
        let groups = deaths.count
        let p = dimension
        let n = count
        var sets = RiskSets(
            s0: [Double](repeating: 0, count: groups), s1: [Double](repeating: 0, count: groups * p),
            e0: [Double](repeating: 0, count: groups), e1: [Double](repeating: 0, count: groups * p))
        var s0 = 0.0
        var s1 = [Double](repeating: 0, count: p)
        x.storage.withUnsafeBufferPointer { xs in
            for k in stride(from: groups - 1, through: 0, by: -1) {
                var e0 = 0.0
                for i in groupStart[k]..<groupStart[k + 1] {
                    let r = risk[i]
                    s0 += r
                    if event[i] { e0 += r }
                    for j in 0..<p {
                        let v = r * xs[i + j * n]
                        s1[j] += v
                        if event[i] { sets.e1[k * p + j] += v }
                    }
                }
                sets.s0[k] = s0
                sets.e0[k] = e0
                for j in 0..<p { sets.s1[k * p + j] = s1[j] }
            }
        }
        return sets
    }

    /// Iterates over the (pseudo-)events at time k: calls `body(m/dₖ, Tₖₘ, x̄ₖₘ, multiplicity)`.
    /// Breslow and single events give one term of multiplicity dₖ.
    private func forEachEvent(
        _ k: Int, _ sets: RiskSets, _ mean: inout [Double],
        _ body: (_ fraction: Double, _ denominator: Double, _ mean: [Double], _ multiplicity: Double) -> Void
    ) {
        let d = deaths[k]
        let p = dimension
        if d == 1 || !efron {
            let t = sets.s0[k]
            for j in 0..<p { mean[j] = sets.s1[k * p + j] / t }
            body(0, t, mean, Double(d))
            return
        }
        for m in 0..<d {
            let f = Double(m) / Double(d)
            let t = sets.s0[k] - f * sets.e0[k]
            for j in 0..<p { mean[j] = (sets.s1[k * p + j] - f * sets.e1[k * p + j]) / t }
            body(f, t, mean, 1)
        }
    }

    /// ℓ(β), U(β) = ∂ℓ/∂β and I(β) = −∂²ℓ/∂β∂βᵀ.
    func evaluate(_ beta: [Double]) -> Evaluation {
        let n = count
        let p = dimension
        let eta = x.times(beta)
        let risk = eta.map { exp($0) }
        let sets = riskSets(risk)
        var logLikelihood = 0.0
        var score = [Double](repeating: 0, count: p)
        // Per distinct time: Σₘ 1/T (cumulated forwards into the Gram weights) and Σₘ (m/d)/T.
        var direct = [Double](repeating: 0, count: deaths.count)
        var tied = [Double](repeating: 0, count: deaths.count)
        let meanCount = deaths.reduce(0) { $0 + ($1 == 0 ? 0 : (efron ? $1 : 1)) }
        var means = Matrix(rows: meanCount, columns: p)
        var row = 0
        var mean = [Double](repeating: 0, count: p)
        for k in deaths.indices where deaths[k] > 0 {
            for i in groupStart[k]..<groupStart[k + 1] where event[i] {
                logLikelihood += eta[i]
                for j in 0..<p { score[j] += x.storage[i + j * n] }
            }
            forEachEvent(k, sets, &mean) { f, t, xbar, multiplicity in
                logLikelihood -= multiplicity * log(t)
                direct[k] += multiplicity / t
                tied[k] += f / t
                let root = multiplicity.squareRoot()
                for j in 0..<p { score[j] -= multiplicity * xbar[j] }
                for j in 0..<p { means.storage[row + j * meanCount] = xbar[j] * root }
                row += 1
            }
        }
        var weights = [Double](repeating: 0, count: n)
        var cumulative = 0.0
        for k in deaths.indices {
            cumulative += direct[k]
            for i in groupStart[k]..<groupStart[k + 1] {
                weights[i] = risk[i] * (event[i] ? cumulative - tied[k] : cumulative)
            }
        }
        var information = x.weightedGram(weights)
        if means.rows > 0 { information = information - means.gram() }
        return Evaluation(logLikelihood: logLikelihood, score: score, information: information)
    }

    /// Score residuals at β (R's `residuals(fit, type = "score")`), summed
    /// within clusters: row c of the result is Σ_{i ∈ c} Uᵢ, where
    ///
    ///     Uᵢ = δᵢ (xᵢ − x̄(tᵢ)) − e^{ηᵢ} Σ_{tₖ ≤ tᵢ} (xᵢ − x̄ₖ) dΛ̂₀(tₖ)
    ///
    /// with Efron's split of tied events as in survival's `coxscore2`.
    /// `cluster[i]` is the cluster of sorted observation i, in 0 ..< `clusters`.
    func clusterScoreResiduals(_ beta: [Double], cluster: [Int], clusters: Int) -> Matrix {
        let n = count
        let p = dimension
        let eta = x.times(beta)
        let risk = eta.map { exp($0) }
        let sets = riskSets(risk)
        var sums = Matrix(rows: clusters, columns: p)
        var hazard = 0.0  // Σ dΛ̂₀ up to the current time
        var meanHazard = [Double](repeating: 0, count: p)  // Σ x̄ dΛ̂₀
        var mean = [Double](repeating: 0, count: p)
        var eventMean = [Double](repeating: 0, count: p)  // the x̄ an event at tₖ is compared with
        var tiedHazard = 0.0  // Efron: the part of this time's hazard a tied event does not carry
        var tiedMeanHazard = [Double](repeating: 0, count: p)
        for k in deaths.indices {
            tiedHazard = 0
            for j in 0..<p { tiedMeanHazard[j] = 0; eventMean[j] = 0 }
            if deaths[k] > 0 {
                let d = Double(deaths[k])
                forEachEvent(k, sets, &mean) { f, t, xbar, multiplicity in
                    let h = multiplicity / t
                    hazard += h
                    tiedHazard += f * h
                    for j in 0..<p {
                        meanHazard[j] += xbar[j] * h
                        tiedMeanHazard[j] += f * h * xbar[j]
                        eventMean[j] += xbar[j] * multiplicity / d
                    }
                }
            }
            for i in groupStart[k]..<groupStart[k + 1] {
                let c = cluster[i]
                let r = risk[i]
                for j in 0..<p {
                    let xij = x.storage[i + j * n]
                    var u = -r * (xij * hazard - meanHazard[j])
                    if event[i] {
                        u += xij - eventMean[j] + r * (xij * tiedHazard - tiedMeanHazard[j])
                    }
                    sums.storage[c + j * clusters] += u
                }
            }
        }
        return sums
    }
}
