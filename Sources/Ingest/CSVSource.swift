import EvaluationDomain

/// A CSV export opened for reading.
///
/// ``open(path:displayName:dialect:limits:)`` reads the file once, streaming, to compute its
/// SHA-256 and size, decide its encoding (valid UTF-8, with or without a byte-order mark,
/// else Windows-1252), reject NUL bytes and UTF-16/UTF-32 files, sniff the dialect from the
/// first ``CSVLimits/sniffBytes`` bytes, and read the header row.
/// ``forEachRecord(problems:_:)`` then reads the data rows in a second streaming pass.
/// Memory use does not depend on the file's size.
///
/// ```swift
/// let source = try CSVSource.open(path: "exports/presenze.csv")
/// print(source.dialect)   // ';' separated, Windows-1252, CRLF, decimal comma
/// var problems = ProblemList()
/// try source.forEachRecord(problems: &problems) { row in
///     let group = row.value(0)
///     …
/// }
/// ```
public struct CSVSource: Sendable {
    /// The file's name as shown in problems (by default the last path component).
    public let displayName: String
    /// The path the file was opened from.
    public let path: String
    /// The SHA-256 of the file's bytes, lowercase hexadecimal.
    public let sha256: String
    /// The file's size in bytes.
    public let byteCount: Int
    /// The dialect detected, or the one forced at opening (line endings always as found).
    public let dialect: CSVDialect
    /// The header names as written, trimmed of ASCII whitespace and U+00A0.
    public let header: [String]
    /// The physical line of the header (1 unless empty lines precede it).
    public let headerLine: Int
    /// The limits the file is read with.
    public let limits: CSVLimits
    /// How many physical lines the file has (a last line without a line break included).
    public let physicalLineCount: Int
    /// Whether the file starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool

    /// Whether fields must be checked for bytes undefined in Windows-1252.
    let checksUndefinedBytes: Bool
    /// The workbook's sheet the records are read from, instead of the file as CSV.
    let sheet: SheetTable?

    /// Opens `path`: surveys the file, detects the dialect (unless `dialect` is given) and
    /// reads the header.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: The name shown in problems; by default the last path component.
    ///   - dialect: A dialect to use instead of detecting one (its line ending is ignored:
    ///     the one found is reported).
    ///   - limits: Limits on fields, columns, records and the number of problems kept.
    /// - Throws: ``CSVError`` when the file cannot be read, is empty, holds NUL bytes, is
    ///   UTF-16/UTF-32, starts with a UTF-8 byte-order mark but is not UTF-8, or has a
    ///   malformed header (an open quote, a field or record over a limit, too many columns,
    ///   bytes undefined in Windows-1252).
    public static func open(
        path: String, displayName: String? = nil, dialect: CSVDialect? = nil, limits: CSVLimits = .init()
    ) throws -> CSVSource {
        let name = displayName ?? path.split(separator: "/").last.map(String.init) ?? path
        let survey = try FileSurvey.survey(path: path, displayName: name, limits: limits)
        try rejectNULs(survey, path: path, displayName: name, limits: limits)
        let encoding = try textEncoding(of: survey, forced: dialect, path: path, displayName: name, limits: limits)
        let resolved = resolvedDialect(of: survey, forced: dialect, encoding: encoding)
        let checksUndefined = encoding == .windows1252 && survey.hasUndefinedWindows1252Bytes
        let header = try headerRow(
            path: path, displayName: name, separator: resolved.separator, encoding: encoding, checksUndefined: checksUndefined,
            limits: limits)
        return CSVSource(
            displayName: name, path: path, sha256: survey.sha256, byteCount: survey.byteCount, dialect: resolved,
            header: header.names, headerLine: header.line, limits: limits, physicalLineCount: physicalLineCount(of: survey),
            hasByteOrderMark: survey.hasUTF8ByteOrderMark, checksUndefinedBytes: checksUndefined, sheet: nil)
    }

    /// The encoding the file is read in: the forced dialect's (plain UTF-8 when the file
    /// has no byte-order mark), else UTF-8 when valid, else Windows-1252. Throws when a
    /// file read as UTF-8 is not, or when it mixes UTF-8 with another encoding.
    private static func textEncoding(
        of survey: FileSurvey, forced dialect: CSVDialect?, path: String, displayName name: String, limits: CSVLimits
    ) throws(CSVError) -> TextEncoding {
        if let invalid = survey.firstInvalidUTF8Offset,
            survey.hasUTF8ByteOrderMark || (dialect.map { $0.encoding.isUTF8 } ?? false)
        {
            let line = FileSurvey.lines(ofOffsets: [invalid], path: path, bufferBytes: limits.readBufferBytes)[0]
            let start = survey.hasUTF8ByteOrderMark ? "starts with a UTF-8 byte-order mark" : "is read as UTF-8"
            throw CSVError(
                Problem(
                    file: name, line: line, reason: "the file \(start) but this line holds bytes that are not UTF-8",
                    hint: "save the file again as CSV UTF-8, or as CSV (separatore: punto e virgola) without the mark"))
        } else if let forced = dialect {
            return forced.encoding == .utf8WithBOM && !survey.hasUTF8ByteOrderMark ? .utf8 : forced.encoding
        } else if survey.firstInvalidUTF8Offset == nil {
            return survey.hasUTF8ByteOrderMark ? .utf8WithBOM : .utf8
        } else {
            try rejectMixedEncodings(survey, path: path, displayName: name, limits: limits)
            return .windows1252
        }
    }

    /// The forced dialect's separator and decimal mark, or those sniffed from the sample;
    /// the line ending as found.
    private static func resolvedDialect(of survey: FileSurvey, forced dialect: CSVDialect?, encoding: TextEncoding) -> CSVDialect {
        survey.sample.withUnsafeBytes { sample in
            let separator =
                dialect?.separator ?? DialectSniffer.separator(in: sample, truncated: survey.sampleIsTruncated)
            let decimalComma =
                dialect?.decimalComma
                ?? DialectSniffer.usesDecimalComma(in: sample, separator: separator, truncated: survey.sampleIsTruncated)
            return CSVDialect(
                separator: separator, encoding: encoding, lineEnding: survey.lineEnding, decimalComma: decimalComma)
        }
    }

    /// The header's names and line. Throws when the file has no record, or the header is
    /// malformed, has too many columns or holds bytes undefined in Windows-1252.
    private static func headerRow(
        path: String, displayName name: String, separator: UInt8, encoding: TextEncoding, checksUndefined: Bool,
        limits: CSVLimits
    ) throws(CSVError) -> (names: [String], line: Int) {
        let scanner = try CSVScanner(
            path: path, displayName: name, separator: separator, limits: limits, fieldCapacity: limits.maxColumns + 1)
        try scanner.skipByteOrderMark()
        guard let headerLine = try readHeader(scanner) else {
            throw CSVError(
                Problem(
                    file: name, line: 0, reason: "the file is empty: it has no header row",
                    hint: "export the table again with its column names in the first row"))
        }
        var problems = ProblemList(limit: limits.maxProblems)
        for problem in scanner.recordProblems { problems.append(problem) }
        if scanner.fieldCount > limits.maxColumns {
            problems.append(
                Problem(
                    file: name, line: headerLine, column: limits.maxColumns + 1,
                    reason: "the header has \(scanner.fieldCount) columns; the limit is \(limits.maxColumns)"))
        }
        if problems.hasErrors { throw CSVError(problems) }
        let row = CSVRow(scanner: scanner, count: scanner.fieldCount, line: headerLine, encoding: encoding)
        if checksUndefined {
            row.appendUndefinedByteProblems(to: &problems, file: name, header: nil)
            if problems.hasErrors { throw CSVError(problems) }
        }
        return ((0..<row.count).map { row.value($0) }, headerLine)
    }

    /// The line breaks, and one more for a last line without one.
    private static func physicalLineCount(of survey: FileSurvey) -> Int {
        let breaks = survey.lfCount + survey.crlfCount + survey.crCount
        let contentBytes = survey.byteCount - (survey.hasUTF8ByteOrderMark ? 3 : 0)
        let lastLineOpen = contentBytes > 0 && survey.lastByte != 0x0A && survey.lastByte != 0x0D
        return breaks + (lastLineOpen ? 1 : 0)
    }

    /// Reads the header record, skipping empty lines before it; returns its line, or `nil`
    /// when the file holds no record.
    static func readHeader(_ scanner: CSVScanner) throws(CSVError) -> Int? {
        while try scanner.nextRecord() {
            if scanner.recordProblems.isEmpty && scanner.recordIsEmptyLine { continue }
            return scanner.recordLine
        }
        return nil
    }

    /// Throws when a file that is not UTF-8 also holds UTF-8 text: read as Windows-1252,
    /// its UTF-8 characters would be stored garbled (`Forlì` as `ForlÃ¬`) without a word.
    private static func rejectMixedEncodings(
        _ survey: FileSurvey, path: String, displayName: String, limits: CSVLimits
    ) throws(CSVError) {
        guard let invalid = survey.firstInvalidUTF8Offset,
            let evidence = FileSurvey.firstMojibakeProneUTF8(path: path, bufferBytes: limits.readBufferBytes)
        else { return }
        let lines = FileSurvey.lines(ofOffsets: [invalid, evidence.offset], path: path, bufferBytes: limits.readBufferBytes)
        let byte = FileSurvey.byte(at: invalid, path: path) ?? 0
        let asWindows1252 = Windows1252.isUndefined(byte) ? "" : " ('\([byte].withUnsafeBytes { Windows1252.decode($0) })' in Windows-1252)"
        throw CSVError(
            Problem(
                file: displayName, line: lines[0],
                value: evidence.text,
                reason:
                    "the file mixes two encodings: line \(lines[1]) holds UTF-8 text ('\(evidence.text)') but this line holds byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8\(asWindows1252)",
                hint: "open the file in a spreadsheet, save it again as CSV UTF-8, and import that file"))
    }

    private static func rejectNULs(_ survey: FileSurvey, path: String, displayName: String, limits: CSVLimits) throws(CSVError) {
        guard survey.nulCount > 0 else { return }
        let lines = FileSurvey.lines(ofOffsets: survey.nulOffsets, path: path, bufferBytes: limits.readBufferBytes)
        let looksWide = survey.nulCount * 3 >= survey.byteCount
        let hint =
            looksWide
            ? "the file looks UTF-16 encoded: save it as UTF-8 or CSV (separatore: punto e virgola)"
            : "NUL bytes never belong in a CSV export: export the table again"
        var problems = ProblemList(limit: limits.maxProblems)
        var reported = Set<Int>()
        for line in lines where reported.insert(line).inserted {
            problems.append(Problem(file: displayName, line: line, reason: "NUL byte (0x00) in the file", hint: hint))
        }
        throw CSVError(problems)
    }
}
