import Foundation
import Testing

@testable import Statistics

/// Holm's adjustment against R's `p.adjust(method = "holm")` (Fixtures/holm: generate.R,
/// expected.json): the demo's five headline p-values, missing values, ties, values
/// adjusted up to 1, a single test.
@Suite("Holm adjustment against R")
struct HolmAdjustmentTests {
    @Test("every case of p.adjust, to 1e-12")
    func matchesR() throws {
        let cases = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("holm", "expected.json")) as? [[String: Any]])
        #expect(cases.count == 5)
        for c in cases {
            let name = (c["name"] as? [String])?.first ?? ""
            let p = (c["p"] as? [Any] ?? []).map { $0 as? Double }
            let expected = (c["holm"] as? [Any] ?? []).map { $0 as? Double }
            let adjusted = HolmAdjustment.adjust(p)
            #expect(adjusted.count == expected.count, "\(name)")
            for (a, e) in zip(adjusted, expected) {
                if let e {
                    #expect(abs((a ?? .nan) - e) < 1e-12, "\(name): \(String(describing: a)) vs \(e)")
                } else {
                    #expect(a == nil, "\(name)")
                }
            }
        }
    }
}
