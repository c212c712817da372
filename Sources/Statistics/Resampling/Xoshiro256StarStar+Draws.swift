extension Xoshiro256StarStar {
    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³
    /// (every multiple of 2⁻⁵³ in [0, 1) equally likely; Vigna's recommended
    /// conversion, https://prng.di.unimi.it/#remarks).
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An unbiased integer in `0..<bound` (`bound ≥ 1`), by Lemire's
    /// multiply-and-reject method: m = x·bound as a 128-bit product; reject
    /// while the low half is below 2⁶⁴ mod bound; return the high half.
    ///
    /// Reference: D. Lemire (2019), "Fast random integer generation in an
    /// interval", *ACM Trans. Model. Comput. Simul.* 29(1):3.
    public mutating func nextBounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound  // 2⁶⁴ mod bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// An unbiased index in `0..<count` (`count ≥ 1`).
    public mutating func nextIndex(_ count: Int) -> Int {
        precondition(count > 0, "count must be positive")
        return Int(truncatingIfNeeded: nextBounded(UInt64(count)))
    }

    /// Shuffles `elements` in place by Fisher–Yates (Durstenfeld's version):
    /// for i = n−1 down to 1, swap element i with element `nextIndex(i + 1)`.
    ///
    /// Reference: R. Durstenfeld (1964), "Algorithm 235: Random permutation",
    /// *Commun. ACM* 7(7):420; Knuth, TAOCP vol. 2, §3.4.2, Algorithm P.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > 0 {
            let j = nextIndex(i + 1)
            elements.swapAt(i, j)
            i -= 1
        }
    }

    /// Moves a uniformly random `count`-subset of `elements` to the front, in
    /// random order, by the first `count` steps of an ascending Fisher–Yates
    /// shuffle: for i = 0 ..< count, swap element i with element
    /// i + `nextIndex(n − i)`. Whatever the initial order, the prefix is a
    /// uniform draw of `count` distinct elements. O(count).
    public mutating func partialShuffle<T>(_ elements: inout [T], count: Int) {
        precondition(count >= 0 && count <= elements.count, "prefix of \(count) in \(elements.count)")
        let n = elements.count
        for i in 0..<min(count, n - 1) {
            let j = i + nextIndex(n - i)
            elements.swapAt(i, j)
        }
    }
}
