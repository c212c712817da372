import EvaluationDomain

/// The knobs of a synthetic programme. The bundled demo records the values it
/// was generated with in `datasets/demo/PARAMETERS.md`.
public struct SynthesisParameters: Sendable, Equatable {
    /// Participants to enrol (groups of 10–15 are formed until this many).
    public var participants: Int
    /// Seed of the generator: the same seed gives byte-identical files.
    public var seed: UInt64
    /// First programme year; groups start over `years` years in two phases.
    public var firstYear: Int
    public var years: Int
    /// The date of the export: nothing later is written; groups still running are cut here.
    public var exportDate: CalendarDate
    /// Share of homogeneous groups (workers of one company).
    public var homogeneousShare: Double
    /// Write several files the way Italian Excel saves them (`;`, decimal comma,
    /// dd/mm/yyyy, Windows-1252, Italian headers and values).
    public var italianStyle: Bool
    /// Write the attendance register wide (one column per meeting) instead of long.
    public var wideRegister: Bool
    /// People in a comparison group written beside the programme (0: none).
    public var comparisonPeople: Int

    public init(
        participants: Int, seed: UInt64 = 2016, firstYear: Int = 2013, years: Int = 4,
        exportDate: CalendarDate? = nil, homogeneousShare: Double = 0.45, italianStyle: Bool = true,
        wideRegister: Bool = false, comparisonPeople: Int = 0
    ) {
        self.participants = participants
        self.seed = seed
        self.firstYear = firstYear
        self.years = years
        self.exportDate = exportDate ?? CalendarDate(year: firstYear + years - 1, month: 9, day: 30) ?? CalendarDate(daysSince1970: 0)
        self.homogeneousShare = homogeneousShare
        self.italianStyle = italianStyle
        self.wideRegister = wideRegister
        self.comparisonPeople = comparisonPeople
    }
}
