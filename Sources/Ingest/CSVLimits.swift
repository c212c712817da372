/// Limits that protect the machine from malformed or hostile inputs.
///
/// Exceeding a limit is a problem reported with its place in the file, never a crash
/// (METHODS §3: "a field over 1 MiB, a header over 10,000 columns are errors").
public struct CSVLimits: Sendable, Equatable {
    /// The longest field, in bytes, after removing its quotes.
    public var maxFieldBytes: Int
    /// The most columns a header may have.
    public var maxColumns: Int
    /// How many problems of each severity a ``ProblemList`` keeps; the rest are counted.
    public var maxProblems: Int
    /// The longest record (one row, all its fields and separators), in bytes.
    ///
    /// The read buffer grows to hold one record and never beyond this size, so memory
    /// stays bounded whatever the file's size.
    public var maxRecordBytes: Int
    /// The size of each read from the file (and the initial buffer size); never more
    /// than ``maxRecordBytes``, so that every record longer than that limit is refused
    /// the same way whatever the buffer's size.
    public var readBufferBytes: Int
    /// How many bytes from the start of the file the dialect is sniffed from.
    public var sniffBytes: Int
    /// The largest part of an `.xlsx` workbook (a sheet's XML, its shared strings) read,
    /// uncompressed: a workbook whose parts inflate beyond it (a ZIP bomb) is refused.
    public var maxWorkbookPartBytes: Int

    /// Creates limits; the defaults are those of METHODS §3.
    public init(
        maxFieldBytes: Int = 1 << 20,
        maxColumns: Int = 10_000,
        maxProblems: Int = 50,
        maxRecordBytes: Int = 16 << 20,
        readBufferBytes: Int = 1 << 20,
        sniffBytes: Int = 64 << 10,
        maxWorkbookPartBytes: Int = 1 << 30
    ) {
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.maxColumns = max(1, maxColumns)
        self.maxProblems = max(0, maxProblems)
        self.maxRecordBytes = max(16, maxRecordBytes)
        self.readBufferBytes = min(max(16, readBufferBytes), self.maxRecordBytes)
        self.sniffBytes = max(16, sniffBytes)
        self.maxWorkbookPartBytes = max(1, maxWorkbookPartBytes)
    }
}
