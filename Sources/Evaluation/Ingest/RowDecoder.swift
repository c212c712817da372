/// Turns the records of one export into typed rows, reporting every value
/// that does not read with its place (DESIGN §3). One conformer per file kind.
protocol RowDecoder {
    associatedtype Row
    /// Decodes one record, appending problems; calls `emit` for each typed row
    /// (a wide register yields one row per cell).
    func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (Row) -> Void)
}

/// What every decoder needs to know about its file.
struct DecoderContext: Sendable {
    var file: String
    var header: [String]
    var headerLine: Int
    var dialect: CSVDialect
    var configuration: ProjectConfiguration
    /// The latest acceptable birth year and similar "now" facts.
    var today: CalendarDate
}
