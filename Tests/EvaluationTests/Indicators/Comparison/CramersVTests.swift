import Foundation
import Testing

@testable import Indicators

/// The Cramér's V of the group_confounder caveat against R
/// (Fixtures/cramers-v/generate.R: chisq.test without continuity correction
/// on the demo's site × composition over its 12 groups).
@Suite("Cramér's V against R")
struct CramersVTests {
    @Test("site × composition of the demo's groups: V as R computes it")
    func demoGroups() throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Fixture.data("cramers-v", "expected.json")) as? [String: Any])
        let site = try #require(json["site"] as? [String])
        let composition = try #require(json["composition"] as? [String])
        let v = ComparisonCaveat.cramersV(Array(zip(site, composition)))
        expectClose(v, json["cramers_v"] as? Double, rtol: 1e-12)
        // A table with one row or column has no V.
        #expect(ComparisonCaveat.cramersV([("a", "x"), ("a", "y")]) == nil)
    }
}
