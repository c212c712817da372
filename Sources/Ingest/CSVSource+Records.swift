import EvaluationDomain

extension CSVSource {
    /// Reads the data rows after the header, streaming, and calls `body` once per record.
    ///
    /// `body` sees only well-formed records, each with exactly as many fields as the header.
    /// Structural problems are appended to `problems` with their physical line and field
    /// number, and their records are skipped; reading goes on:
    /// - a row with too few or too many fields (a *ragged* row);
    /// - an empty line inside the data (unless the header has one column: then it is a row
    ///   with one blank field);
    /// - a quote inside an unquoted field, text after a closing quote, a quote still open at
    ///   the end of the file;
    /// - a field over ``CSVLimits/maxFieldBytes`` or a record over ``CSVLimits/maxRecordBytes``;
    /// - in a Windows-1252 file, a byte with no character in that encoding.
    ///
    /// Empty lines, and rows whose fields are all blank, at the end of the file are ignored.
    /// Rows that repeat earlier rows are passed on (deciding about them is the decoder's job).
    ///
    /// In a workbook's sheet, ``SheetTable/forEachRecord(file:problems:_:)`` reads the rows.
    ///
    /// - Throws: ``CSVError`` when the file can no longer be read, or what `body` throws.
    public func forEachRecord(problems: inout ProblemList, _ body: (borrowing CSVRow) throws -> Void) throws {
        if let sheet { return try sheet.forEachRecord(file: displayName, problems: &problems, body) }
        let width = header.count
        let scanner = try CSVScanner(
            path: path, displayName: displayName, separator: dialect.separator, limits: limits,
            fieldCapacity: width + 1)
        try scanner.skipByteOrderMark()
        guard try Self.readHeader(scanner) != nil else { return }

        let blankSpans = UnsafeMutablePointer<FieldSpan>.allocate(capacity: max(1, width))
        blankSpans.initialize(repeating: FieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: max(1, width))
        defer { blankSpans.deallocate() }
        let nothing = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
        defer { nothing.deallocate() }
        // Blank records seen since the last non-blank one: a problem only if data follows.
        var pendingBlanks: [(line: Int, fields: Int, emptyLine: Bool)] = []

        func flushBlanks(_ problems: inout ProblemList) throws {
            for blank in pendingBlanks {
                if blank.fields == width {
                    let row = CSVRow(
                        base: UnsafeRawPointer(nothing), spans: UnsafePointer(blankSpans), count: width, line: blank.line,
                        encoding: dialect.encoding)
                    try body(row)
                } else if blank.emptyLine {
                    problems.append(
                        Problem(
                            file: displayName, line: blank.line, column: 1,
                            columnName: header.first,
                            reason: "an empty line inside the data (the header has \(width) columns)",
                            hint: "delete the empty line"))
                } else {
                    problems.append(raggedProblem(line: blank.line, fields: blank.fields))
                }
            }
            pendingBlanks.removeAll(keepingCapacity: true)
        }

        while try scanner.nextRecord() {
            if !scanner.recordProblems.isEmpty {
                try flushBlanks(&problems)
                for problem in scanner.recordProblems {
                    var located = problem
                    if let column = problem.column, column >= 1, column <= width { located.columnName = header[column - 1] }
                    problems.append(located)
                }
                continue
            }
            let fields = scanner.fieldCount
            let row = CSVRow(scanner: scanner, count: fields, line: scanner.recordLine, encoding: dialect.encoding)
            if fields <= width + 1 && row.isBlank {
                if pendingBlanks.count >= 10_000 { try flushBlanks(&problems) }
                pendingBlanks.append((scanner.recordLine, fields, scanner.recordIsEmptyLine))
                continue
            }
            if !pendingBlanks.isEmpty { try flushBlanks(&problems) }
            guard fields == width else {
                problems.append(raggedProblem(line: scanner.recordLine, fields: fields))
                continue
            }
            if checksUndefinedBytes {
                let before = problems.errorCount
                row.appendUndefinedByteProblems(to: &problems, file: displayName, header: header)
                if problems.errorCount > before { continue }
            }
            try body(row)
        }
    }

    /// A row with too few or too many fields.
    func raggedProblem(line: Int, fields: Int) -> Problem {
        let width = header.count
        let columns = "\(width) column\(width == 1 ? "" : "s")"
        if fields < width {
            return Problem(
                file: displayName, line: line, column: fields + 1, columnName: header[fields],
                reason: "the row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(columns)",
                hint: fields == 1 ? "is the separator \(dialect.separatorName)?" : nil)
        }
        return Problem(
            file: displayName, line: line, column: width + 1,
            reason: "the row has \(fields) fields but the header has \(columns)",
            hint: "a value containing \(dialect.separatorName) must be written between double quotes")
    }
}
