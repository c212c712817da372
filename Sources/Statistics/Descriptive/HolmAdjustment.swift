/// Holm's step-down adjustment of p-values for multiple tests (Holm 1979), as R's
/// `p.adjust(p, method = "holm")`: with the m given p-values in ascending order
/// p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted p₍ᵢ₎ is max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
/// Missing values (`nil`, R's `NA`) stay missing and do not count in m.
public enum HolmAdjustment {
    public static func adjust(_ p: [Double?]) -> [Double?] {
        let present = p.enumerated().compactMap { index, value in value.map { (index: index, p: $0) } }
            .sorted { ($0.p, $0.index) < ($1.p, $1.index) }
        let m = present.count
        var adjusted = [Double?](repeating: nil, count: p.count)
        var running = 0.0
        for (rank, item) in present.enumerated() {
            running = max(running, min(1, Double(m - rank) * item.p))
            adjusted[item.index] = running
        }
        return adjusted
    }
}
