import Foundation
import LinearAlgebra

/// The restricted wild cluster bootstrap for one coefficient of a linear
/// model ("WCR", Cameron, Gelbach & Miller 2008; the "WCR11" of MacKinnon,
/// Nielsen & Webb 2023, fwildclusterboot's `boottest()` default): the null
/// β_j = β₀ is imposed, the restricted residuals are multiplied by one
/// Rademacher sign per cluster, and the bootstrap t statistics use the CRV1
/// cluster-robust variance, like the observed one (the small-sample factor
/// G/(G−1)·(N−1)/(N−k) multiplies both and cancels in the p-value).
///
/// Two-sided p = share of bootstrap statistics with |t*| > |t| (strictly),
/// as `fwildclusterboot::boottest` and Python's `wildboottest` report it; the
/// sign vectors ±(1, …, 1), whose |t*| equals |t| exactly, are never counted
/// as greater (both references count them or not by rounding). Sums run in
/// Swift in a fixed order, so the result does not depend on the CPU.
/// When 2^G ≤ `draws` every sign vector is enumerated (exact, seed-free);
/// otherwise `draws` seeded vectors. The 95% interval inverts the test: the
/// β₀ at which p crosses 0.05 on either side of the estimate.
///
/// With A = (XᵀX)⁻¹Xᵀ, ũ the restricted residuals and v the signs, the bootstrap
/// numerator is Σ_g v_g c_g with c_g = Σ_{i∈g} A_ji ũ_i, and each cluster's score of
/// the bootstrap residuals is s_g = v_g c_g − w_gᵀ u with w_g = X_gᵀ A_j,g and
/// u = Σ_h q_h v_h, q_h = A_·,h ũ_h (a k-vector: the G × G matrix w_gᵀ q_h has rank
/// k, so a draw costs O(G·k), not O(G²)); t* = Σ_g v_g c_g / √(Σ_g s_g²). Since ũ
/// is linear in β₀, so are c_g and s_g, and each draw's numerator and variance are a
/// line and a quadratic in β₀ (the closed form of `boottest`, Roodman et al. 2019):
/// their coefficients are computed once per draw, after which the p-value at any β₀
/// costs O(B), and the interval's inversion adds nothing of order G. The signs are
/// generated one vector at a time, so memory does not grow with G × B. No limit on
/// the number of groups: G = 1,000 takes well under a second.
public struct WildClusterBootstrap: Sendable {
    public struct Result: Sendable, Equatable {
        /// The observed t statistic with the CRV1 small-sample factor G/(G−1)·(N−1)/(N−k).
        public var t: Double
        public var p: Double
        public var ciLow: Double?
        public var ciHigh: Double?
        public var draws: Int
        public var enumerated: Bool
    }

    let design: Matrix
    let response: [Double]
    let cluster: [Int]
    let draws: Int
    let seed: UInt64

    /// - Parameters:
    ///   - design: n × k, with the intercept if the model has one.
    ///   - cluster: the cluster of each row (any integer codes).
    ///   - draws: sign vectors drawn when not enumerating (fwildclusterboot's default 9,999).
    public init(design: Matrix, response: [Double], cluster: [Int], draws: Int = 9_999, seed: UInt64 = 20_240_601) {
        self.design = design
        self.response = response
        self.cluster = cluster
        self.draws = draws
        self.seed = seed
    }

    /// The test of coefficient `j` = 0, and (unless `interval` is false) the interval by test inversion.
    public func test(coefficient j: Int, level: Double = 0.95, interval: Bool = true) throws -> Result {
        let setup = try Setup(design: design, response: response, cluster: cluster, coefficient: j)
        let g = setup.clusters
        let signs = SignVectors(clusters: g, draws: draws, seed: seed)
        let statistics = setup.drawStatistics(signs)
        let p = setup.pValue(null: 0, statistics)
        let alpha = 1 - level
        let low = interval ? setup.bound(alpha: alpha, statistics, below: true) : nil
        let high = interval ? setup.bound(alpha: alpha, statistics, below: false) : nil
        let n = Double(design.rows)
        let k = Double(design.columns)
        let factor = Double(g) / Double(g - 1) * (n - 1) / (n - k)
        let t = setup.estimate / (setup.observedScale * factor.squareRoot())
        return Result(t: t, p: p, ciLow: low, ciHigh: high, draws: signs.count, enumerated: signs.enumerated)
    }

    /// The sign vectors of a test, one at a time: all 2^g when there are no more than
    /// `draws` of them (exact, seed-free; vector k has −1 where bit g of k is set), else
    /// `draws` Rademacher vectors from a seeded xoshiro256** stream.
    public struct SignVectors: Sequence, Sendable {
        public let clusters: Int
        public let enumerated: Bool
        public let count: Int
        let seed: UInt64

        public init(clusters g: Int, draws: Int, seed: UInt64) {
            clusters = g
            enumerated = g < 63 && (1 << g) <= draws
            count = enumerated ? 1 << g : draws
            self.seed = seed
        }

        /// The vectors one array at a time (the statistics read them in place, `withEachBlock`).
        public func makeIterator() -> AnyIterator<[Double]> {
            let g = clusters
            var drawn = 0
            if enumerated {
                return AnyIterator {
                    guard drawn < count else { return nil }
                    defer { drawn += 1 }
                    return (0..<g).map { (drawn >> $0) & 1 == 1 ? -1.0 : 1.0 }
                }
            }
            var rng = Xoshiro256StarStar(seed: seed)
            return AnyIterator {
                guard drawn < count else { return nil }
                drawn += 1
                return (0..<g).map { _ in rng.nextBounded(2) == 0 ? -1.0 : 1.0 }
            }
        }

        /// Calls `body` with the vectors in blocks of up to `size`, in the sequence's order,
        /// each block `vectors × clusters` values written into one buffer (vector after vector).
        public func withEachBlock(size: Int, _ body: (_ values: UnsafeBufferPointer<Double>, _ vectors: Int) -> Void) {
            let g = clusters
            let size = Swift.max(1, size)
            var buffer = [Double](repeating: 1, count: g * Swift.min(size, Swift.max(1, count)))
            var rng = Xoshiro256StarStar(seed: seed)
            var drawn = 0
            buffer.withUnsafeMutableBufferPointer { block in
                while drawn < count {
                    let vectors = Swift.min(size, count - drawn)
                    for d in 0..<vectors {
                        let v = block.baseAddress.unsafelyUnwrapped + d * g
                        if enumerated {
                            for h in 0..<g { v[h] = ((drawn + d) >> h) & 1 == 1 ? -1.0 : 1.0 }
                        } else {
                            for h in 0..<g { v[h] = rng.nextBounded(2) == 0 ? -1.0 : 1.0 }
                        }
                    }
                    body(UnsafeBufferPointer(rebasing: block[0..<(vectors * g)]), vectors)
                    drawn += vectors
                }
            }
        }
    }

    /// What the statistics need, computed once per data set.
    struct Setup {
        let clusters: Int
        let j: Int
        let estimate: Double
        /// Per cluster: c_g at β₀ = 0 and its slope in β₀ (the restricted residuals are linear in β₀).
        let c0: [Double]
        let c1: [Double]
        /// w_g (k-vectors) and q_h at β₀ = 0 and their slopes.
        let w: [[Double]]
        let q0: [[Double]]
        let q1: [[Double]]
        /// The observed CRV1 numerator scale: √(Σ_g (A_j,g û_g)²) (small-sample factor left out).
        let observedScale: Double

        init(design x: Matrix, response y: [Double], cluster: [Int], coefficient j: Int) throws {
            let n = x.rows
            let k = x.columns
            guard y.count == n, cluster.count == n, j >= 0, j < k else {
                throw ResamplingError.dimensionMismatch("design, response and clusters must have one row per observation")
            }
            let codes = Array(Set(cluster)).sorted()
            let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
            let g = codes.count
            guard g >= 2 else { throw ResamplingError.tooFewUnits(g) }
            // A = (XᵀX)⁻¹Xᵀ, k × n.
            let a = try Self.leastSquaresOperator(x)
            let beta = Self.times(a, y)
            // Restricted fit under β_j = β₀: regress y − β₀ x_j on the other columns.
            // Its residuals are ũ(β₀) = M₋ⱼ y − β₀ M₋ⱼ x_j.
            let others = (0..<k).filter { $0 != j }
            let xj = x.column(j)
            let (ry, rx): ([Double], [Double])
            if others.isEmpty {
                (ry, rx) = (y, xj)
            } else {
                let xr = x.selectingColumns(others)
                let ar = try Self.leastSquaresOperator(xr)
                let fitY = Self.times(xr, Self.times(ar, y))
                let fitX = Self.times(xr, Self.times(ar, xj))
                ry = zip(y, fitY).map { $0 - $1 }
                rx = zip(xj, fitX).map { $0 - $1 }
            }
            // ũ(β₀) = ry − β₀ rx.
            var c0 = Array(repeating: 0.0, count: g)
            var c1 = Array(repeating: 0.0, count: g)
            var w = Array(repeating: Array(repeating: 0.0, count: k), count: g)
            var q0 = Array(repeating: Array(repeating: 0.0, count: k), count: g)
            var q1 = Array(repeating: Array(repeating: 0.0, count: k), count: g)
            // Unrestricted residuals for the observed statistic.
            let fitted = Self.times(x, beta)
            var observed = Array(repeating: 0.0, count: g)
            for i in 0..<n {
                guard let h = index[cluster[i]] else { continue }
                let aji = a[j, i]
                c0[h] += aji * ry[i]
                c1[h] -= aji * rx[i]
                observed[h] += aji * (y[i] - fitted[i])
                for m in 0..<k {
                    w[h][m] += x[i, m] * aji
                    q0[h][m] += a[m, i] * ry[i]
                    q1[h][m] -= a[m, i] * rx[i]
                }
            }
            clusters = g
            self.j = j
            estimate = beta[j]
            self.c0 = c0
            self.c1 = c1
            self.w = w
            self.q0 = q0
            self.q1 = q1
            observedScale = observed.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }

        /// (XᵀX)⁻¹Xᵀ with every sum in Swift, in a fixed order (no BLAS kernel choice).
        static func leastSquaresOperator(_ x: Matrix) throws -> Matrix {
            let k = x.columns
            var gram = Matrix(rows: k, columns: k)
            for r in 0..<k {
                for c in 0...r {
                    var s = 0.0
                    for i in 0..<x.rows { s += x[i, r] * x[i, c] }
                    gram[r, c] = s
                    gram[c, r] = s
                }
            }
            let inverse = try Self.inverse(gram)
            var a = Matrix(rows: k, columns: x.rows)
            for r in 0..<k {
                for i in 0..<x.rows {
                    var s = 0.0
                    for c in 0..<k { s += inverse[r, c] * x[i, c] }
                    a[r, i] = s
                }
            }
            return a
        }

        /// The inverse of a small symmetric positive definite matrix by Gauss–Jordan
        /// elimination in Swift (LAPACK's level-2 kernels differ between CPUs).
        static func inverse(_ m: Matrix) throws -> Matrix {
            let k = m.rows
            var a = m
            var inv = Matrix.identity(k)
            for col in 0..<k {
                let pivot = a[col, col]
                guard pivot > 1e-12 * max(1, abs(m[col, col])) else { throw LinearAlgebraError.singular(rank: col, columns: k) }
                for c in 0..<k {
                    a[col, c] /= pivot
                    inv[col, c] /= pivot
                }
                for r in 0..<k where r != col {
                    let f = a[r, col]
                    guard f != 0 else { continue }
                    for c in 0..<k {
                        a[r, c] -= f * a[col, c]
                        inv[r, c] -= f * inv[col, c]
                    }
                }
            }
            return inv
        }

        /// m · v in a fixed order.
        static func times(_ m: Matrix, _ v: [Double]) -> [Double] {
            (0..<m.rows).map { r in
                var s = 0.0
                for c in 0..<m.columns { s += m[r, c] * v[c] }
                return s
            }
        }

        /// Each draw's numerator n0 + β₀·n1 and variance a + 2β₀·b + β₀²·c, the draws
        /// ±(1, …, 1) left out (they resample the original residuals: |t*| = |t| exactly,
        /// never "greater"; left to arithmetic, the count would depend on the CPU).
        struct DrawStatistics {
            var n0: [Double] = []
            var n1: [Double] = []
            var a: [Double] = []
            var b: [Double] = []
            var c: [Double] = []
            /// Every draw, the left-out ones included (the p-value's denominator).
            var count = 0

            mutating func append(n0: Double, n1: Double, a: Double, b: Double, c: Double) {
                self.n0.append(n0)
                self.n1.append(n1)
                self.a.append(a)
                self.b.append(b)
                self.c.append(c)
            }

            /// The draws of `other` after these.
            mutating func append(_ other: DrawStatistics) {
                n0 += other.n0
                n1 += other.n1
                a += other.a
                b += other.b
                c += other.c
                count += other.count
            }
        }

        func drawStatistics(_ signs: some Sequence<[Double]>) -> DrawStatistics {
            var kernel = DrawKernel(self)
            for v in signs { v.withUnsafeBufferPointer { kernel.add($0) } }
            return kernel.statistics
        }

        /// `drawStatistics` over the test's own sign vectors, read in place: blocks of
        /// vectors drawn in the stream's order, each block's draws shared among the
        /// machine's cores. A draw's figures depend on its vector only, and are kept in
        /// draw order, so the result is the same on any number of cores.
        func drawStatistics(_ signs: SignVectors) -> DrawStatistics {
            let g = clusters
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
            var statistics = DrawStatistics()
            let prototype = DrawKernel(self)
            signs.withEachBlock(size: 512) { block, vectors in
                var parts = Array(repeating: prototype, count: workers)
                parts.withUnsafeMutableBufferPointer { kernels in
                    let shared = UncheckedShare((kernels, block))
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        let (kernels, block) = shared.value
                        let first = vectors * worker / workers
                        let last = vectors * (worker + 1) / workers
                        let vector = { (d: Int) in UnsafeBufferPointer(rebasing: block[(d * g)..<((d + 1) * g)]) }
                        var d = first
                        while d + 4 <= last {
                            kernels[worker].add(vector(d), vector(d + 1), vector(d + 2), vector(d + 3))
                            d += 4
                        }
                        while d < last {
                            kernels[worker].add(vector(d))
                            d += 1
                        }
                    }
                }
                for part in parts { statistics.append(part.statistics) }
            }
            return statistics
        }

        /// The share of draws whose |t*| at β₀ exceeds the observed |(β̂ − β₀)/observedScale|.
        func pValue(null b0: Double, _ s: DrawStatistics) -> Double {
            let t = abs((estimate - b0) / observedScale)
            var exceed = 0
            for d in s.n0.indices {
                let variance = s.a[d] + 2 * b0 * s.b[d] + b0 * b0 * s.c[d]
                guard variance > 0 else { continue }
                if abs(s.n0[d] + b0 * s.n1[d]) / variance.squareRoot() > t { exceed += 1 }
            }
            return s.count > 0 ? Double(exceed) / Double(s.count) : 1
        }

        /// The p-value at β₀ over the given sign vectors.
        func pValue(null b0: Double, signs: some Sequence<[Double]>) -> Double {
            pValue(null: b0, drawStatistics(signs))
        }

        /// The end of the interval below (or above) the estimate where p(β₀)
        /// crosses `alpha`, by bracketing then bisection; `nil` when p never
        /// falls below `alpha` within a thousand observed standard errors.
        func bound(alpha: Double, _ signs: DrawStatistics, below: Bool) -> Double? {
            let scale = observedScale > 0 ? observedScale : 1
            let direction = below ? -1.0 : 1.0
            var inside = estimate
            var step = 2 * scale
            var outside = estimate + direction * step
            while pValue(null: outside, signs) >= alpha {
                inside = outside
                step *= 2
                guard step < 1_000 * scale else { return nil }
                outside = estimate + direction * step
            }
            for _ in 0..<60 {
                let middle = (inside + outside) / 2
                if pValue(null: middle, signs) >= alpha { inside = middle } else { outside = middle }
                if abs(outside - inside) <= 1e-10 * scale { break }
            }
            return (inside + outside) / 2
        }
    }
}

extension WildClusterBootstrap.Setup {
    /// One draw's bootstrap numerator and variance coefficients, from its sign vector:
    /// n(β₀) = Σ v_h c_h (a line in β₀) and Σ_r (v_r c_r − w_rᵀu)² with u = Σ_h q_h v_h (a
    /// quadratic), over flat copies of c, q and w. The sums run in the same order as
    /// the formulas read, so every figure is the same to the last bit however the
    /// vectors arrive.
    struct DrawKernel {
        private let g: Int
        private let k: Int
        private let c0: [Double]
        private let c1: [Double]
        /// q_h and w_r row after row (g × k).
        private let q0: [Double]
        private let q1: [Double]
        private let w: [Double]
        private var u0: [Double]
        private var u1: [Double]
        /// Four draws' signs side by side, and their u, for the four-lane sums.
        private var lanes: [SIMD4<Double>] = []
        private var laneU0: [SIMD4<Double>] = []
        private var laneU1: [SIMD4<Double>] = []
        private(set) var statistics = WildClusterBootstrap.Setup.DrawStatistics()

        init(_ setup: WildClusterBootstrap.Setup) {
            g = setup.clusters
            k = setup.w.first?.count ?? 0
            c0 = setup.c0
            c1 = setup.c1
            q0 = setup.q0.flatMap { $0 }
            q1 = setup.q1.flatMap { $0 }
            w = setup.w.flatMap { $0 }
            u0 = Array(repeating: 0, count: k)
            u1 = Array(repeating: 0, count: k)
        }

        /// Four draws at once, one per lane: each lane runs exactly the one-draw sums,
        /// in the same order (lanes never mix), so the figures are those of `add` four
        /// times; the four independent chains keep the processor busy.
        mutating func add(
            _ v0: UnsafeBufferPointer<Double>, _ v1: UnsafeBufferPointer<Double>, _ v2: UnsafeBufferPointer<Double>,
            _ v3: UnsafeBufferPointer<Double>
        ) {
            if lanes.count != g { lanes = Array(repeating: .zero, count: g) }
            if laneU0.count != k {
                laneU0 = Array(repeating: .zero, count: k)
                laneU1 = Array(repeating: .zero, count: k)
            }
            for h in 0..<g { lanes[h] = SIMD4(v0[h], v1[h], v2[h], v3[h]) }
            // The scratch leaves `self` while the columns are read (no copy: the buffers move).
            var (v, u0, u1) = (lanes, laneU0, laneU1)
            (lanes, laneU0, laneU1) = ([], [], [])
            let sums = v.withUnsafeBufferPointer { v in
                u0.withUnsafeMutableBufferPointer { u0 in
                    u1.withUnsafeMutableBufferPointer { u1 in withColumns { Self.sums(v, $0, u0, u1) } }
                }
            }
            (lanes, laneU0, laneU1) = (v, u0, u1)
            for (lane, v) in [v0, v1, v2, v3].enumerated() {
                statistics.count += 1
                if v.allSatisfy({ $0 == v[0] }) { continue }
                statistics.append(n0: sums.n0[lane], n1: sums.n1[lane], a: sums.a[lane], b: sums.b[lane], c: sums.c[lane])
            }
        }

        mutating func add(_ v: UnsafeBufferPointer<Double>) {
            statistics.count += 1
            if v.allSatisfy({ $0 == v[0] }) { return }
            var (u0, u1) = (self.u0, self.u1)
            (self.u0, self.u1) = ([], [])
            let sums = u0.withUnsafeMutableBufferPointer { u0 in
                u1.withUnsafeMutableBufferPointer { u1 in withColumns { Self.sums(v, $0, u0, u1) } }
            }
            (self.u0, self.u1) = (u0, u1)
            statistics.append(n0: sums.n0, n1: sums.n1, a: sums.a, b: sums.b, c: sums.c)
        }

        /// c, q and w as buffers.
        private struct Columns {
            let c0, c1, q0, q1, w: UnsafeBufferPointer<Double>
            let k: Int
        }

        private func withColumns<R>(_ body: (Columns) -> R) -> R {
            c0.withUnsafeBufferPointer { c0 in
                c1.withUnsafeBufferPointer { c1 in
                    q0.withUnsafeBufferPointer { q0 in
                        q1.withUnsafeBufferPointer { q1 in
                            w.withUnsafeBufferPointer { w in body(Columns(c0: c0, c1: c1, q0: q0, q1: q1, w: w, k: k)) }
                        }
                    }
                }
            }
        }

        /// The draw's sums for one sign vector, or four side by side (`L` a lane or four):
        /// the numerator's line n0 + β₀ n1, and the variance's quadratic a + 2β₀ b + β₀² c.
        private static func sums<L: DrawLanes>(
            _ v: UnsafeBufferPointer<L>, _ x: Columns, _ u0: UnsafeMutableBufferPointer<L>, _ u1: UnsafeMutableBufferPointer<L>
        ) -> (n0: L, n1: L, a: L, b: L, c: L) {
            let k = x.k
            var (n0, n1, a, b, c) = (L.zero, L.zero, L.zero, L.zero, L.zero)
            for m in 0..<k {
                u0[m] = .zero
                u1[m] = .zero
            }
            for h in 0..<v.count {
                n0 += v[h] * x.c0[h]
                n1 += v[h] * x.c1[h]
                for m in 0..<k {
                    u0[m] += x.q0[h * k + m] * v[h]
                    u1[m] += x.q1[h * k + m] * v[h]
                }
            }
            for r in 0..<v.count {
                var s0 = v[r] * x.c0[r]
                var s1 = v[r] * x.c1[r]
                for m in 0..<k {
                    s0 -= x.w[r * k + m] * u0[m]
                    s1 -= x.w[r * k + m] * u1[m]
                }
                a += s0 * s0
                b += s0 * s1
                c += s1 * s1
            }
            return (n0, n1, a, b, c)
        }
    }
}

/// One draw's sums (`Double`) or four side by side (`SIMD4<Double>`): the arithmetic the
/// bootstrap kernel needs, lane by lane.
protocol DrawLanes {
    static var zero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func * (a: Self, b: Double) -> Self
    static func * (a: Double, b: Self) -> Self
    static func += (a: inout Self, b: Self)
    static func -= (a: inout Self, b: Self)
}

extension Double: DrawLanes {}
extension SIMD4: DrawLanes where Scalar == Double {}

/// Memory each worker touches in its own part only.
private struct UncheckedShare<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
