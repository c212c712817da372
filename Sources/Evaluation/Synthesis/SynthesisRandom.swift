import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014; the generator Vigna recommends for
/// seeding): a tiny, fast generator with identical streams on every machine,
/// used to make synthetic programmes reproducible from a seed.
struct SynthesisRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) from the top 53 bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in `range` (Lemire's multiply-shift with rejection).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold { product = next().multipliedFullWidth(by: span) }
        }
        return range.lowerBound + Int(product.high)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal by Box–Muller (one value per call; the pair's twin is dropped).
    mutating func normal() -> Double {
        let u1 = max(uniform(), 1e-300)
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// One element of a non-empty array, by weights.
    mutating func pick<T>(_ choices: [(T, Double)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var u = uniform() * total
        for (value, weight) in choices {
            if u < weight { return value }
            u -= weight
        }
        return choices[choices.count - 1].0
    }
}
