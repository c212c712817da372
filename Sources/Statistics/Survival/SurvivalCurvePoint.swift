/// One vertex of a survival step curve with its confidence band, ready to be
/// joined by straight lines (each step is drawn as two vertices at the same time).
public struct SurvivalCurvePoint: Sendable, Equatable {
    /// Time (horizontal axis).
    public let time: Double
    /// Ŝ at this vertex.
    public let survival: Double
    /// Lower band (`nil` where Ŝ = 0).
    public let lower: Double?
    /// Upper band (`nil` where Ŝ = 0).
    public let upper: Double?

    public init(time: Double, survival: Double, lower: Double?, upper: Double?) {
        self.time = time
        self.survival = survival
        self.lower = lower
        self.upper = upper
    }
}
