import LinearAlgebra

/// Cronbach's α of a k-item scale from an n × k item matrix, with Feldt's
/// confidence interval.
///
///     α = k/(k − 1) · (1 − Σσᵢ² / σ²_total)
///
/// where σᵢ² are the item variances and σ²_total = 1ᵀC1 is the variance of the
/// item sum (C the sample covariance matrix of the items). Both are
/// accumulated in Swift, row by row in a fixed order (centred two-pass
/// variances, O(n·k)), not through BLAS: an indicator printed in a funder
/// report must not change in its last digits with the processor OpenBLAS
/// picks a kernel for (METHODS §6). Cronbach (1951). Matches
/// `psych::alpha(x)$total$raw_alpha` on complete cases, except when an item has
/// no variance: psych then drops it from k (with a warning), while here the
/// scale keeps its k items, as the formula and most software do.
///
/// Feldt's interval (Feldt, Woodruff & Salih 1987), with F⁻¹ the quantile of
/// F(n − 1, (n − 1)(k − 1)):
///
///     lower = 1 − (1 − α)·F⁻¹((1 + level)/2),   upper = 1 − (1 − α)·F⁻¹((1 − level)/2)
///
/// as `psych::alpha.ci(α, n.obs = n, n.var = k)`.
///
/// Rows with a NaN (a missing item) are dropped first: complete cases. α and
/// its interval are `nil` (with `unavailableReason`) when n < 2, k < 2, or the
/// item sum does not vary.
public struct CronbachAlpha: Sendable, Equatable {
    /// Complete cases used.
    public let n: Int
    /// Number of items.
    public let k: Int
    /// Sample variance of each item (divisor n − 1); empty when n < 2.
    public let itemVariances: [Double]
    /// Sample variance of the item sum; `nil` when n < 2.
    public let totalVariance: Double?
    /// Raw α; `nil` when undefined.
    public let alpha: Double?
    /// Feldt's interval; `nil` when α is.
    public let confidenceInterval: ConfidenceInterval?
    /// Why `alpha` is `nil`.
    public let unavailableReason: UnavailableReason?

    /// α of `items` (rows = respondents, columns = items, reverse-keyed items
    /// already reversed; NaN = missing).
    public init(items: Matrix, level: Double = 0.95) {
        let complete = (0..<items.rows).filter { i in
            (0..<items.columns).allSatisfy { j in !items[i, j].isNaN }
        }
        let x = complete.count == items.rows ? items : items.selectingRows(complete)
        n = x.rows
        k = x.columns
        guard n >= 2 else {
            (itemVariances, totalVariance, alpha, confidenceInterval) = ([], nil, nil, nil)
            unavailableReason = .tooFewObservations(required: 2, available: n)
            return
        }
        let (rows, columns) = (x.rows, x.columns)
        itemVariances = (0..<columns).map { j in Self.variance((0..<rows).map { x[$0, j] }) }
        let total = Self.variance((0..<rows).map { i in (0..<columns).reduce(0) { $0 + x[i, $1] } })
        totalVariance = total
        guard k >= 2 else {
            (alpha, confidenceInterval) = (nil, nil)
            unavailableReason = .tooFewObservations(required: 2, available: k)
            return
        }
        guard total > 0 else {
            (alpha, confidenceInterval) = (nil, nil)
            unavailableReason = .constantData
            return
        }
        let items = Double(k)
        let value = items / (items - 1) * (1 - itemVariances.reduce(0, +) / total)
        alpha = value
        guard level > 0, level < 1 else {
            confidenceInterval = nil
            unavailableReason = .invalidLevel(level)
            return
        }
        let f = FisherF(numerator: Double(n - 1), denominator: Double(n - 1) * (items - 1))
        confidenceInterval = ConfidenceInterval(
            lower: 1 - (1 - value) * f.quantile((1 + level) / 2),
            upper: 1 - (1 - value) * f.quantile((1 - level) / 2), level: level)
        unavailableReason = nil
    }

    /// α of item rows as read from questionnaires (`nil` = missing item).
    public init(rows: [[Double?]], level: Double = 0.95) {
        let k = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == k }, "item rows of unequal length")
        self.init(items: Matrix(rows: rows.map { $0.map { $0 ?? .nan } }), level: level)
    }

    /// Sample variance (divisor n − 1) by the centred two-pass sum, in index order.
    static func variance(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }
}
