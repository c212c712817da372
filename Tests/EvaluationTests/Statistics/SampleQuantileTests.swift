import Testing

@testable import Statistics

/// Sample quantiles against R's `quantile(x, p, names = FALSE)` (type 7), values from R 4.2.
@Suite("Sample quantiles as R's quantile")
struct SampleQuantileTests {
    @Test("type 7 at several p, ties, one value, none")
    func matchesR() throws {
        let q = try #require(SampleQuantile([3, 1, 2, 10]))
        for (p, r) in [(0.3, 1.9), (0.25, 1.75), (0.5, 2.5), (0.9, 7.9), (0, 1), (1, 10)] {
            #expect(abs(q(p) - r) < 1e-12, "p = \(p)")
        }
        let ties = try #require(SampleQuantile([0.2, 0.7, 0.1, 0.4, 0.4, 0.9]))
        for (p, r) in [(0.1, 0.15000000000000002), (0.33, 0.33000000000000013), (0.75, 0.62499999999999989)] {
            #expect(abs(ties(p) - r) < 1e-15, "p = \(p)")
        }
        #expect(SampleQuantile([4])?(0.5) == 4)
        #expect(SampleQuantile([]) == nil)
    }
}
