import Evaluation
import Foundation
import Testing

@testable import Statistics

/// Known answers from `Fixtures/xoshiro256starstar/reference.py`, an
/// independent Python transcription of Vigna's reference `splitmix64.c` and
/// `xoshiro256starstar.c` (https://prng.di.unimi.it/).
@Suite("Xoshiro256StarStar: reproducible random streams")
struct Xoshiro256StarStarTests {
    struct Reference: Decodable {
        let uniform: [Double]
        let bounded: [[String]]
        let shuffle_seed: UInt64
        let shuffle_0_to_9: [Int]
    }

    @Test("SplitMix64 reproduces the reference outputs (seed 0 and seed 42)")
    func splitMixKnownAnswers() {
        var zero = Evaluation.SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)  // the published first output for seed 0
        var generator = Evaluation.SplitMix64(seed: 42)
        let outputs = (0..<4).map { _ in generator.next() }
        #expect(outputs == [13_679_457_532_755_275_413, 2_949_826_092_126_892_291, 5_139_283_748_462_763_858, 6_349_198_060_258_255_764])
    }

    @Test("the first eight outputs for seed 42 are those of the reference algorithm")
    func xoshiroKnownAnswers() {
        var generator = Xoshiro256StarStar(seed: 42)
        let outputs = (0..<8).map { _ in generator.next() }
        #expect(
            outputs == [
                1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
                17_057_574_109_182_124_193, 18_295_552_978_065_317_476, 14_199_186_830_065_750_584,
                13_267_978_908_934_200_754, 15_679_888_225_317_814_407,
            ])
    }

    @Test("uniform doubles, Lemire bounded integers and Fisher–Yates match the reference script")
    func derivedDrawsMatchReference() throws {
        let reference = try Fixture.json(Reference.self, "xoshiro256starstar")
        var generator = Xoshiro256StarStar(seed: 42)
        let uniforms = reference.uniform.map { _ in generator.nextUniform() }
        #expect(uniforms == reference.uniform)
        generator = Xoshiro256StarStar(seed: 42)
        for pair in reference.bounded {
            let bound = try #require(UInt64(pair[0])), expected = try #require(UInt64(pair[1]))
            #expect(generator.nextBounded(bound) == expected, "bound \(bound)")
        }
        generator = Xoshiro256StarStar(seed: reference.shuffle_seed)
        var items = Array(0..<10)
        generator.shuffle(&items)
        #expect(items == reference.shuffle_0_to_9)
    }

    @Test("uniform doubles lie in [0, 1) and bounded integers below their bound")
    func ranges() {
        var generator = Xoshiro256StarStar(seed: 1)
        for _ in 0..<10_000 {
            let u = generator.nextUniform()
            #expect(u >= 0 && u < 1)
        }
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[generator.nextIndex(3)] += 1 }
        // Each near 10,000; a bias of 1/3 would be caught (binomial SD ≈ 82).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
    }

    @Test("a partial shuffle draws every k-subset about equally often")
    func partialShuffleIsUniform() {
        var generator = Xoshiro256StarStar(seed: 3)
        var order = Array(0..<5)
        var counts: [Int: Int] = [:]
        for _ in 0..<20_000 {
            generator.partialShuffle(&order, count: 2)
            let key = min(order[0], order[1]) * 10 + max(order[0], order[1])
            counts[key, default: 0] += 1
        }
        #expect(counts.count == 10)
        // Expected 2,000 each; binomial SD ≈ 42.
        #expect(counts.values.allSatisfy { abs($0 - 2_000) < 250 }, "\(counts)")
    }
}
