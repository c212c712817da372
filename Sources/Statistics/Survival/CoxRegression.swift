import Foundation
import LinearAlgebra

/// The Cox proportional-hazards model fitted by Newton–Raphson on the partial
/// likelihood, with model-based and cluster-robust covariance.
///
///     h(t | x) = h₀(t) · exp(xᵀβ)
///     ℓ(β) = Σ_{events i} [ xᵢᵀβ − log Σ_{j: tⱼ ≥ tᵢ} exp(xⱼᵀβ) ]     (no ties)
///
/// Tied event times use Efron's approximation by default, Breslow's as an
/// option. Iterations stop when |1 − ℓ_old/ℓ_new| ≤ ε (ε = 1e-9, at most 20
/// iterations), halving the step whenever ℓ decreases, as survival's `coxfit6`;
/// then one Newton step more (not counted in `iterations`), because that
/// criterion leaves β only within about √ε of the maximiser (METHODS §8: full
/// convergence). The model covariance is I(β̂)⁻¹. With clusters, the robust covariance is
/// V = Dᵀ D, D = (Σ_{i ∈ c} Uᵢ)_c · I(β̂)⁻¹, the score residuals Uᵢ summed within
/// cluster (grouped dfbeta; Lin & Wei 1989).
///
/// References: Cox (1972), *JRSS B* 34:187–220; Efron (1977), *JASA*
/// 72:557–565; Breslow (1974); Lin & Wei (1989), *JASA* 84:1074–1078;
/// Therneau & Grambsch (2000), *Modeling Survival Data*, ch. 3 and 7.
///
/// Matches R: `coxph(Surv(time, status) ~ x1 + x2, ties = "efron")` and
/// `coxph(..., cluster = g)` (`fit$var`, `fit$naive.var`, `summary(fit)`),
/// survival 3.5. Differences: a rank-deficient design throws (R reports NA
/// coefficients); times equal up to rounding error are not merged (R's `timefix`).
public struct CoxRegression: Sendable {
    /// How tied event times enter the partial likelihood.
    public enum Ties: Sendable, Equatable {
        /// Efron (1977): R's default.
        case efron
        /// Breslow (1974): `ties = "breslow"`.
        case breslow
    }

    /// Iteration settings, as `coxph.control()`.
    public struct Control: Sendable, Equatable {
        /// Convergence: relative change of the log partial likelihood (`eps`).
        public var tolerance: Double
        /// Maximum Newton iterations (`iter.max`).
        public var iterationLimit: Int
        /// A coefficient is flagged as possibly infinite when the last Newton step
        /// for it exceeds `tolerance` and `infiniteTolerance`·|β| (`toler.inf`).
        public var infiniteTolerance: Double
        /// One Newton step more after convergence (default): β at the maximiser to
        /// rounding level. `false` returns `coxph`'s own last iterate, within about
        /// √`tolerance` of it (to check the iterations against R's default control).
        public var finalNewtonStep: Bool

        public init(
            tolerance: Double = 1e-9, iterationLimit: Int = 20, infiniteTolerance: Double? = nil, finalNewtonStep: Bool = true
        ) {
            self.tolerance = tolerance
            self.iterationLimit = iterationLimit
            self.infiniteTolerance = infiniteTolerance ?? tolerance.squareRoot()
            self.finalNewtonStep = finalNewtonStep
        }
    }

    /// Follow-up time of each observation.
    public let time: [Double]
    /// Whether each observation ended in the event.
    public let event: [Bool]
    /// Covariates, one row per observation, one column per coefficient (no intercept).
    public let covariates: Matrix
    /// Tie handling.
    public let ties: Ties
    /// Dense cluster index of each observation (0 ..< `clusterCount`), or `nil`.
    public let cluster: [Int]?
    /// Number of distinct clusters (0 without clusters).
    public let clusterCount: Int
    /// Iteration settings.
    public let control: Control

    /// A model without clusters.
    /// - Throws: `SurvivalError` for empty or mismatched inputs, non-finite values.
    public init(time: [Double], event: [Bool], covariates: Matrix, ties: Ties = .efron, control: Control = Control()) throws {
        try self.init(time: time, event: event, covariates: covariates, ties: ties, codes: nil, clusters: 0, control: control)
    }

    /// A model with cluster-robust covariance; `cluster` labels each observation's
    /// cluster (e.g. its group).
    public init<Label: Hashable>(
        time: [Double], event: [Bool], covariates: Matrix, cluster: [Label], ties: Ties = .efron,
        control: Control = Control()
    ) throws {
        guard cluster.count == time.count else {
            throw SurvivalError.lengthMismatch("\(time.count) times, \(cluster.count) cluster labels")
        }
        var index: [Label: Int] = [:]
        let codes = cluster.map { label -> Int in
            if let code = index[label] { return code }
            let code = index.count
            index[label] = code
            return code
        }
        try self.init(time: time, event: event, covariates: covariates, ties: ties, codes: codes, clusters: index.count, control: control)
    }

    private init(
        time: [Double], event: [Bool], covariates: Matrix, ties: Ties, codes: [Int]?, clusters: Int, control: Control
    ) throws {
        guard !time.isEmpty else { throw SurvivalError.noObservations }
        guard event.count == time.count else {
            throw SurvivalError.lengthMismatch("\(time.count) times, \(event.count) event indicators")
        }
        guard covariates.rows == time.count, covariates.columns > 0 else {
            throw SurvivalError.lengthMismatch("\(time.count) times, covariates \(covariates.rows)×\(covariates.columns)")
        }
        if let bad = time.firstIndex(where: { !$0.isFinite }) {
            throw SurvivalError.invalidTime(index: bad, value: time[bad])
        }
        if let bad = covariates.storage.firstIndex(where: { !$0.isFinite }) {
            throw SurvivalError.invalidCovariate(row: bad % covariates.rows, column: bad / covariates.rows)
        }
        self.time = time
        self.event = event
        self.covariates = covariates
        self.ties = ties
        self.cluster = codes
        self.clusterCount = clusters
        self.control = control
    }
}
