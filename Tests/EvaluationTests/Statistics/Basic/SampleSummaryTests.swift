import Evaluation
import Foundation
import Testing

@testable import Statistics

@Suite("Sample summaries")
struct SampleSummaryTests {
    @Test("mean and sd as R's mean() and sd(), missing values dropped")
    func values() {
        // R: mean(c(0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2)) = 0.75,
        //    sd(...) = 1.7890096577591625
        let summary = SampleSummary([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2, .nan])
        #expect(summary.n == 10)
        expectClose(summary.mean, 0.75, rtol: 1e-15)
        expectClose(summary.sd, 1.7890096577591625, rtol: 1e-14)
        expectClose(summary.standardError, 1.7890096577591625 / 10.0.squareRoot(), rtol: 1e-14)
    }

    @Test("n = 0 has no mean; n = 1 has a mean but no sd; equal values have sd 0")
    func edges() {
        #expect(SampleSummary([]).mean == nil)
        let one = SampleSummary([4])
        #expect(one.mean == 4 && one.sd == nil && one.variance == nil)
        let same = SampleSummary([0.1, 0.1, 0.1])
        #expect(same.sd == 0)
        #expect(same.mean == 0.1)
    }

    @Test("the variance is two-pass: a large common offset does not swamp it")
    func largeOffset() {
        // R: x <- 1e9 + c(0.1, 0.2, 0.3, 0.4); mean(x); var(x)
        let summary = SampleSummary([0.1, 0.2, 0.3, 0.4].map { 1e9 + $0 })
        expectClose(summary.mean, 1000000000.25, rtol: 1e-15)
        expectClose(summary.variance, 0.016666658719382593, rtol: 1e-12)
    }

    @Test("a confidence interval rescaled by a negative factor keeps lower below upper")
    func scaled() {
        let interval = ConfidenceInterval(lower: -1, upper: 2, level: 0.95).scaled(by: -2)
        #expect(interval == ConfidenceInterval(lower: -4, upper: 2, level: 0.95))
    }
}
