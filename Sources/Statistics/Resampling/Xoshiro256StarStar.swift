/// xoshiro256**, the project's reproducible pseudorandom number generator:
/// the same seed gives the same stream on every machine and Swift version,
/// because every step is written here (nothing depends on the standard
/// library's `SystemRandomNumberGenerator`, `shuffled(using:)` or
/// `random(in:using:)`, whose algorithms may change).
///
/// State s₀…s₃ (256 bits), seeded by four outputs of `SplitMix64(seed:)`. Each step:
/// output rotl(s₁·5, 7)·9; t ← s₁ ≪ 17; s₂ ⊕= s₀; s₃ ⊕= s₁; s₁ ⊕= s₂; s₀ ⊕= s₃;
/// s₂ ⊕= t; s₃ ← rotl(s₃, 45).
///
/// Reference: D. Blackman & S. Vigna (2021), "Scrambled linear pseudorandom
/// number generators", *ACM Trans. Math. Softw.* 47(4):36; the public-domain
/// reference implementation `xoshiro256starstar.c`
/// (https://prng.di.unimi.it/xoshiro256starstar.c), seeded as its authors
/// recommend, with `splitmix64.c`. Period 2²⁵⁶ − 1.
///
/// Derived draws (see `Xoshiro256StarStar+Draws.swift`): a uniform double in
/// [0, 1) from the top 53 bits, an unbiased bounded integer by Lemire's
/// multiply-and-reject method, and Fisher–Yates shuffles.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
