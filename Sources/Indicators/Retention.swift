/// Retention (METHODS §4): retained = attendance rate above the threshold
/// (`>` by default, `≥` when inclusive), over participants with at least one
/// meeting held; those with none yet are "not started".
public struct Retention: Sendable, Equatable {
    public var threshold: Double
    public var inclusive: Bool
    public var rate: Rate
    public var notStarted: Int
    /// Indices of retained participants.
    public var retained: Set<Int>

    public init(attendance: [AttendanceRecord], threshold: Double, inclusive: Bool) {
        self.threshold = threshold
        self.inclusive = inclusive
        var n = 0
        var kept = Set<Int>()
        var notStarted = 0
        for a in attendance {
            guard let r = a.rate else {
                notStarted += 1
                continue
            }
            n += 1
            if inclusive ? r >= threshold : r > threshold { kept.insert(a.participant) }
        }
        rate = Rate(numerator: kept.count, denominator: n)
        self.notStarted = notStarted
        retained = kept
    }
}
