import Foundation
import LinearAlgebra

/// A linear mixed model with one random intercept per group, fitted by REML.
///
///     yᵢⱼ = xᵢⱼᵀβ + bᵢ + εᵢⱼ,   bᵢ ~ N(0, σ²_g),   εᵢⱼ ~ N(0, σ²),
///
/// for observation j of group i. With θ = σ_g/σ, β and σ² are profiled out
/// by generalised least squares and the profiled REML criterion d(θ) (Bates,
/// Mächler, Bolker & Walker 2015, "Fitting linear mixed-effects models using
/// lme4", *J. Stat. Softw.* 67(1), §3.4–3.6) is minimised over θ ≥ 0 — a
/// one-dimensional problem. The random-intercept structure makes
/// (I + θ²ZZᵀ)⁻¹ explicit per group, so only the within-group cross-product of
/// [X y] (one `syrk`, O(n·p²)) and the group means (O(G·p) per pass) are
/// needed: no n×n matrix is formed, and each criterion evaluation costs
/// O(G·p²) (see `RandomInterceptCriterion`).
///
/// Optimisation: Brent's bounded minimisation (Brent 1973, ch. 5) over
/// u = θ/(1 + θ) ∈ [0, 1), then the minimiser is refined by Brent's root
/// finder (ch. 4, `RootFinding.brent`) on the analytic derivative of the criterion, which pins θ̂
/// to ~1e-13 relative; θ = 0 is compared explicitly (a boundary fit).
///
/// Matches `lme4::lmer(y ~ x + (1 | g), REML = TRUE)`: `fixef`, `vcov`,
/// `getME(fit, "theta")`, `VarCorr`, `sigma`, `REMLcrit`, `ranef`, and
/// `isSingular` (θ̂ < 1e-4). As lmer, it refuses a single group and as many
/// groups as observations; unlike lmer it throws on a rank-deficient fixed
/// design instead of dropping columns.
public struct RandomInterceptModel: Sendable {
    /// The response y (length n).
    public let response: [Double]
    /// The fixed-effects design X (n × p), intercept column included by the caller.
    public let design: Matrix
    /// Group code of each observation (any integers; groups are ordered by code).
    public let groups: [Int]
    /// Names of the design columns.
    public let termNames: [String]

    /// A model for `response` on `design` with a random intercept per distinct value of `groups`.
    /// - Throws: `MixedModelError` on mismatched lengths, non-finite values,
    ///   fewer than 2 groups, or as many groups as observations.
    public init(response: [Double], design: Matrix, groups: [Int], termNames: [String]? = nil) throws {
        guard design.rows == response.count, groups.count == response.count else {
            throw MixedModelError.dimensionMismatch(
                "response \(response.count), design rows \(design.rows), groups \(groups.count)")
        }
        if let termNames, termNames.count != design.columns {
            throw MixedModelError.dimensionMismatch("\(termNames.count) term names for \(design.columns) columns")
        }
        guard design.columns >= 1, design.rows > design.columns else { throw MixedModelError.emptyDesign }
        guard response.allSatisfy(\.isFinite) else { throw MixedModelError.nonFiniteValue("response") }
        guard design.storage.allSatisfy(\.isFinite) else { throw MixedModelError.nonFiniteValue("design") }
        let distinct = Set(groups).count
        guard distinct >= 2 else { throw MixedModelError.tooFewGroups(distinct) }
        guard distinct < response.count else {
            throw MixedModelError.groupsNotFewerThanObservations(groups: distinct, observations: response.count)
        }
        self.response = response
        self.design = design
        self.groups = groups
        self.termNames = termNames ?? (0..<design.columns).map { $0 == 0 ? "(Intercept)" : "x\($0)" }
    }

    /// The intercept-only model `y ~ 1 + (1 | g)`, whose ICC is the outcome's
    /// intraclass correlation.
    public static func interceptOnly(response: [Double], groups: [Int]) throws -> RandomInterceptModel {
        try RandomInterceptModel(
            response: response, design: Matrix(rows: response.count, columns: 1, repeating: 1),
            groups: groups, termNames: ["(Intercept)"])
    }

    /// The fit of `y ~ 1 + (1 | g)` by REML: its `icc` is σ̂²_g / (σ̂²_g + σ̂²),
    /// the linear ICC (used also for 0/1 outcomes), as
    /// `performance::icc(lmer(y ~ 1 + (1 | g)))`.
    public static func intraclassCorrelation(outcome: [Double], groups: [Int]) throws -> RandomInterceptFit {
        try interceptOnly(response: outcome, groups: groups).fit()
    }

    /// Fits the model by REML.
    /// - Throws: `MixedModelError.singularDesign` for a rank-deficient design,
    ///   `MixedModelError.degenerateResponse` when the fixed effects fit y exactly.
    public func fit() throws -> RandomInterceptFit {
        let qr = try QRDecomposition(design)
        guard qr.isFullRank else {
            throw MixedModelError.singularDesign(rank: qr.rank, columns: design.columns, aliased: qr.aliasedColumns)
        }
        let (dense, labels) = Self.denseGroupIndex(groups)
        let criterion = RandomInterceptCriterion(
            design: design, response: response, group: dense, groupCount: labels.count)
        let (theta, evaluations, diverging) = try optimise(criterion)
        let at = try criterion.evaluate(lambda: theta * theta)
        let n = response.count, p = design.columns
        let sigma = (at.penalizedRSS / Double(n - p)).squareRoot()
        let covariance = (sigma * sigma) * (try at.factorXX.inverse())
        let standardErrors = covariance.diagonal.map { $0.squareRoot() }
        let lambda = theta * theta
        let effects = zip(criterion.counts, at.residualMeans).map { count, r in count * lambda / (1 + count * lambda) * r }
        let boundary = theta < 1e-4
        var diagnostics: [Diagnostic] = []
        if boundary {
            diagnostics.append(
                Diagnostic(
                    kind: .boundary,
                    message: "boundary (singular) fit: the group standard deviation is estimated as "
                        + "\(theta == 0 ? "zero" : "nearly zero (θ = \(theta))"); the groups vary no more than chance"))
        }
        if diverging {
            diagnostics.append(
                Diagnostic(
                    kind: .nonConvergence,
                    message: "the REML criterion keeps decreasing as the group variance grows "
                        + "(σ_group/σ > 1e6): the group variance is not identified by these data"))
        }
        return RandomInterceptFit(
            termNames: termNames, coefficients: at.beta, covariance: covariance, standardErrors: standardErrors,
            tValues: zip(at.beta, standardErrors).map { $0 / $1 }, theta: theta, sdGroup: theta * sigma,
            sdResidual: sigma, remlCriterion: at.criterion, boundary: boundary, diagnostics: diagnostics,
            observations: n, groupLabels: labels, groupSizes: criterion.counts.map { Int($0) },
            groupEffects: effects, evaluations: evaluations)
    }

    /// Minimises d(θ) over θ ≥ 0: bounded Brent on u = θ/(1+θ), refinement on
    /// d′ by Brent's root finder, and an explicit comparison with θ = 0.
    private func optimise(_ criterion: RandomInterceptCriterion) throws -> (theta: Double, evaluations: Int, diverging: Bool) {
        var evaluations = 0
        func value(_ theta: Double) -> Double {
            evaluations += 1
            return (try? criterion.evaluate(lambda: theta * theta).criterion) ?? .infinity
        }
        func slope(_ theta: Double) -> Double {
            evaluations += 1
            return (try? criterion.evaluate(lambda: theta * theta, derivative: true).derivative) ?? .nan
        }
        let atZero = try criterion.evaluate(lambda: 0, derivative: true)
        evaluations += 1
        let coarse = BrentMinimizer(tolerance: 1e-11).minimize({ u in value(u / (1 - u)) }, lower: 0, upper: 1)
        evaluations += coarse.evaluations
        var theta = coarse.x / (1 - coarse.x)
        let diverging = theta > 1e6
        // Refine: bracket a sign change of d′ around the coarse minimiser.
        var refined = false
        var width = 1e-7
        while width < 1, !diverging, theta > 0 {
            let low = theta * (1 - width), high = theta * (1 + width)
            let slopeLow = slope(low), slopeHigh = slope(high)
            if slopeLow <= 0, slopeHigh >= 0 {
                theta = RootFinding.brent(
                    slope, lower: low, upper: high, fLower: slopeLow, fUpper: slopeHigh,
                    absoluteTolerance: 1e-14 * theta)
                refined = true
                break
            }
            width *= 8
        }
        // θ = 0: when no interior stationary point was found and d′(0) ≥ 0
        // (the criterion rises away from the boundary), or when d(0) is lower.
        let risesFromZero = (atZero.derivative ?? 0) >= 0
        if (!refined && risesFromZero) || atZero.criterion <= value(theta) { theta = 0 }
        return (theta, evaluations, diverging)
    }

    /// Dense zero-based indices for arbitrary integer codes, and the codes ascending.
    static func denseGroupIndex(_ codes: [Int]) -> (index: [Int], labels: [Int]) {
        guard let low = codes.min(), let high = codes.max() else { return ([], []) }
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < 4 * codes.count + 16 {
            var slot = [Int](repeating: -1, count: span.partialValue + 1)
            for code in codes { slot[code - low] = 0 }
            var labels: [Int] = []
            for k in slot.indices where slot[k] == 0 {
                slot[k] = labels.count
                labels.append(k + low)
            }
            return (codes.map { slot[$0 - low] }, labels)
        }
        let labels = Set(codes).sorted()
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        return (codes.map { position[$0] ?? 0 }, labels)
    }
}
