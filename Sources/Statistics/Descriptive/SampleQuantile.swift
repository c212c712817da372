/// Sample quantiles as R's `quantile(x, p)` with its default `type = 7`: with the n
/// values sorted, h = (n − 1)·p and the quantile x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
/// (Hyndman & Fan 1996, definition 7).
public struct SampleQuantile: Sendable {
    private let sorted: [Double]

    /// `nil` for no values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        sorted = values.sorted()
    }

    /// The quantile at `p` in [0, 1].
    public func callAsFunction(_ p: Double) -> Double {
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lower = sorted[Int(h.rounded(.down))]
        let upper = sorted[min(sorted.count - 1, Int(h.rounded(.down)) + 1)]
        return lower + (h - h.rounded(.down)) * (upper - lower)
    }
}
