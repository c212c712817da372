/// Weights for the average effect on the treated from a propensity score p:
/// 1 for a treated unit, p/(1 − p) for a control (the odds), so that the
/// controls stand for the treated population (Hirano, Imbens & Ridder,
/// *Econometrica* 71, 2003; `WeightIt`'s `estimand = "ATT"`).
public enum AverageTreatmentOnTreatedWeights {
    public static func weights(scores: [Double], treated: [Bool]) -> [Double] {
        zip(scores, treated).map { p, t in t ? 1 : p / (1 - p) }
    }

    /// Kish's effective sample size of a set of weights, (Σw)²/Σw².
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +)
        let squares = weights.reduce(0) { $0 + $1 * $1 }
        return squares > 0 ? sum * sum / squares : 0
    }
}
