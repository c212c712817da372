import EvaluationDomain

/// The cells of one sheet of a workbook as text, in the shape the row decoders read: a
/// header row, then rows of as many fields as the header has columns, each located by the
/// sheet's row and column. A ``CSVSource`` opened on a workbook reads its records from it.
///
/// Built row by row while the sheet's XML is read (``append(row:cells:)``); merged cells
/// are then blanked but for their first (``blank(_:)``); ``resolve(file:limits:)`` takes the
/// first row holding a value as the header, as wide as its last value, and the last row
/// holding a value as the end of the data.
struct SheetTable: Sendable {
    /// A cell that is not blank.
    enum Cell: Sendable {
        /// Text as the decoders read it.
        case text(String)
        /// A value that cannot be given as text: an Excel error such as `#DIV/0!` (a
        /// formula's cached result), a date serial that is no date…
        case unreadable(FieldValueError, value: String)
    }

    /// A rectangle of cells (1-based rows and columns), such as a merged range.
    struct Area: Sendable, Equatable {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
    }

    /// A row holding a value: its fields are `spans[firstSpan ..< firstSpan + count]`,
    /// columns A, B, C… up to its last cell.
    private struct Row: Sendable {
        var number: Int
        var firstSpan: Int
        var count: Int
    }

    /// A cell that cannot be read, kept to be reported where it is.
    private struct Flaw: Sendable {
        var row: Int
        var column: Int
        var error: FieldValueError
        var value: String
    }

    private static let blankSpan = FieldSpan(start: 0, end: 0, quoted: false, escaped: false)

    /// Every cell's text, UTF-8, one after the other.
    private var text: [UInt8] = []
    private var spans: [FieldSpan] = []
    private var rows: [Row] = []
    private var flaws: [Flaw] = []

    /// The header's row number (after ``resolve(file:limits:)``).
    private(set) var headerRow = 0
    /// The header's names, trimmed as a CSV header's are.
    private(set) var header: [String] = []
    /// The last row holding a value (the header's row when no data follows).
    private(set) var lastRow = 0

    /// Adds row `number` (greater than every row added before) with its non-blank cells,
    /// in increasing columns.
    mutating func append(row number: Int, cells: [(column: Int, cell: Cell)]) {
        guard let last = cells.last?.column else { return }
        let first = spans.count
        spans.append(contentsOf: repeatElement(Self.blankSpan, count: last))
        for (column, cell) in cells {
            switch cell {
            case .text(let value):
                let start = text.count
                text.append(contentsOf: value.utf8)
                spans[first + column - 1] = FieldSpan(start: start, end: text.count, quoted: false, escaped: false)
            case .unreadable(let error, let value):
                flaws.append(Flaw(row: number, column: column, error: error, value: value))
            }
        }
        rows.append(Row(number: number, firstSpan: first, count: last))
    }

    /// Blanks every cell of each merged area but its first (top left): the merged cell
    /// shows that one's value, and a writer may keep the others' values hidden.
    mutating func blank(_ merges: [Area]) {
        for area in merges {
            var index = firstRowIndex(after: area.rows.lowerBound - 1)
            while index < rows.count && rows[index].number <= area.rows.upperBound {
                let row = rows[index]
                let top = row.number == area.rows.lowerBound
                let from = area.columns.lowerBound + (top ? 1 : 0)
                let to = min(area.columns.upperBound, row.count)
                if from <= to {
                    for column in from...to { spans[row.firstSpan + column - 1] = Self.blankSpan }
                }
                index += 1
            }
            flaws.removeAll { flaw in
                area.rows.contains(flaw.row) && area.columns.contains(flaw.column)
                    && (flaw.row, flaw.column) != (area.rows.lowerBound, area.columns.lowerBound)
            }
        }
    }

    /// Finds the header and the end of the data.
    ///
    /// - Throws: when no cell holds a value, when a header cell holds an error or a value
    ///   that cannot be read, or when the header is wider than ``CSVLimits/maxColumns``.
    mutating func resolve(file: String, limits: CSVLimits) throws(CSVError) {
        let flawed = Set(flaws.map(\.row))
        let holding = rows.indices.filter { index in
            flawed.contains(rows[index].number) || lastValueColumn(rows[index]) > 0
        }
        guard let headerIndex = holding.first else {
            throw CSVError(
                Problem(
                    file: file, line: 0, reason: "the sheet is empty: it has no header row",
                    hint: "put the column names in the first row of the sheet"))
        }
        let row = rows[headerIndex]
        headerRow = row.number
        var problems = ProblemList(limit: limits.maxProblems)
        for flaw in flaws where flaw.row == headerRow { problems.append(problem(flaw, file: file)) }
        if problems.hasErrors { throw CSVError(problems) }
        let width = lastValueColumn(row)
        if width > limits.maxColumns {
            throw CSVError(
                Problem(
                    file: file, line: headerRow, column: limits.maxColumns + 1,
                    reason: "the header has \(width) columns; the limit is \(limits.maxColumns)"))
        }
        header = (0..<width).map { value(spans[row.firstSpan + $0]) }
        lastRow = holding.last.map { rows[$0].number } ?? headerRow
    }

    /// Reads the rows after the header, up to the last holding a value, and calls `body`
    /// with each as a record of the header's width (a row left empty gives blank fields, as
    /// an empty row of a CSV export does). A row with a cell that cannot be read, or with a
    /// value beyond the header's last column, is reported in `problems` at that cell and skipped.
    func forEachRecord(file: String, problems: inout ProblemList, _ body: (borrowing CSVRow) throws -> Void) throws {
        let width = header.count
        guard width > 0, lastRow > headerRow else { return }
        let fields = UnsafeMutablePointer<FieldSpan>.allocate(capacity: width)
        defer { fields.deallocate() }
        let nothing = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        defer { nothing.deallocate() }
        var rowIndex = firstRowIndex(after: headerRow)
        var flawIndex = flaws.firstIndex { $0.row > headerRow } ?? flaws.count
        try text.withUnsafeBytes { bytes in
            let base = bytes.baseAddress ?? UnsafeRawPointer(nothing)
            for number in (headerRow + 1)...lastRow {
                fields.update(repeating: Self.blankSpan, count: width)
                var skipped = false
                while flawIndex < flaws.count && flaws[flawIndex].row == number {
                    problems.append(problem(flaws[flawIndex], file: file))
                    skipped = true
                    flawIndex += 1
                }
                if rowIndex < rows.count && rows[rowIndex].number == number {
                    let row = rows[rowIndex]
                    rowIndex += 1
                    for column in 0..<min(row.count, width) { fields[column] = spans[row.firstSpan + column] }
                    if !skipped, row.count > width,
                        let extra = (width..<row.count).first(where: { spans[row.firstSpan + $0].end > spans[row.firstSpan + $0].start })
                    {
                        problems.append(
                            Problem(
                                file: file, line: number, column: extra + 1, value: value(spans[row.firstSpan + extra]),
                                reason:
                                    "a value in column \(Self.letters(extra + 1)), after the header's last column (\(Self.letters(width)))",
                                hint: "give the column a name in row \(headerRow), or delete the value"))
                        skipped = true
                    }
                }
                if skipped { continue }
                try body(CSVRow(base: base, spans: UnsafePointer(fields), count: width, line: number, encoding: .utf8))
            }
        }
    }

    /// The problem of a cell that cannot be read.
    private func problem(_ flaw: Flaw, file: String) -> Problem {
        let name = flaw.column <= header.count ? header[flaw.column - 1] : nil
        return flaw.error.problem(file: file, line: flaw.row, column: flaw.column, columnName: name, value: flaw.value)
    }

    /// The 1-based column of `row`'s last non-blank cell, 0 if none.
    private func lastValueColumn(_ row: Row) -> Int {
        var column = row.count
        while column > 0 && spans[row.firstSpan + column - 1].end == spans[row.firstSpan + column - 1].start { column -= 1 }
        return column
    }

    /// The index of the first row numbered after `number`.
    private func firstRowIndex(after number: Int) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].number <= number { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A field's text, trimmed as a CSV field's is.
    private func value(_ span: FieldSpan) -> String {
        text.withUnsafeBytes { bytes in
            let field = UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end])
            return FieldText.decode(FieldText.trimmed(field, utf8: true), encoding: .utf8)
        }
    }

    /// A column's letters: 1 is `A`, 27 `AA`.
    private static func letters(_ column: Int) -> String {
        String(Problem.cellReference(column: column, row: 1).dropLast())
    }
}
