import EvaluationDomain

/// Turns the records of one export into typed rows, reporting every value
/// that does not read with its place (METHODS §3). One conformer per file kind.
package protocol RowDecoder {
    associatedtype Row
    /// The file's columns, as matched to the kind's schema.
    var fields: FieldReader { get }
    /// Decodes one record, appending problems; calls `emit` for each typed row
    /// (a wide register yields one row per cell).
    func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (Row) -> Void)
}

/// What every decoder needs to know about its file.
package struct DecoderContext: Sendable {
    package var file: String
    package var header: [String]
    package var headerLine: Int
    package var dialect: CSVDialect
    package var configuration: ProjectConfiguration
    /// The latest acceptable birth year and similar "now" facts.
    package var today: CalendarDate

    package init(
        file: String, header: [String], headerLine: Int, dialect: CSVDialect, configuration: ProjectConfiguration, today: CalendarDate
    ) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.dialect = dialect
        self.configuration = configuration
        self.today = today
    }
}
