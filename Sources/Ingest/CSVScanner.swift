import EvaluationDomain

/// Where one field's bytes lie in the scanner's buffer (quotes excluded, doubled quotes
/// already collapsed once the record is complete).
struct FieldSpan {
    var start: Int
    var end: Int
    /// Whether the field was written between quotes.
    var quoted: Bool
    /// Whether the quoted content holds doubled quotes still to collapse.
    var escaped: Bool
}

/// The streaming RFC 4180 tokenizer behind ``CSVSource``.
///
/// Reads the file through one buffer (``CSVLimits/readBufferBytes``, grown only to hold a
/// record longer than the buffer, up to ``CSVLimits/maxRecordBytes``) and splits it into
/// records of fields without copying: each field is a ``FieldSpan`` into the buffer, valid
/// until the next call to ``nextRecord()``. Line breaks are LF, CR LF or a lone CR, inside
/// quotes as well as outside; `line` counts them all (physical lines).
///
/// A record that does not fit in the buffer is rescanned from its start after the buffer
/// is refilled, so the scan needs no state across reads. A record over the size limit is
/// skipped with a problem (see `skipOversizedRecord`).
final class CSVScanner {
    let displayName: String
    let separator: UInt8
    let limits: CSVLimits
    private let file: RawFile

    private(set) var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private let maxCapacity: Int
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// The physical line of `buffer[start]`.
    private var line = 1

    /// The spans of the last record's fields (the first `min(fieldCount, fieldCapacity)`).
    let fields: UnsafeMutablePointer<FieldSpan>
    let fieldCapacity: Int
    /// How many fields the last record has (may exceed `fieldCapacity`; the rest are not stored).
    private(set) var fieldCount = 0
    /// The physical line where the last record starts.
    private(set) var recordLine = 1
    /// The structural problems of the last record; a record with any is broken.
    private(set) var recordProblems: [Problem] = []

    /// Byte classes: 1 for bytes that end an unquoted run (separator, quote, CR, LF).
    private let stopsUnquoted: UnsafeMutablePointer<UInt8>
    /// Byte classes: 1 for bytes that end a quoted run (quote, CR, LF).
    private let stopsQuoted: UnsafeMutablePointer<UInt8>

    private static let quote = UInt8(ascii: "\"")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Opens `path` for scanning with `separator`; keeps at most `fieldCapacity` spans per record.
    init(path: String, displayName: String, separator: UInt8, limits: CSVLimits, fieldCapacity: Int) throws(CSVError) {
        do {
            file = try RawFile(path: path)
        } catch {
            throw CSVError(Problem(file: displayName, line: 0, reason: "cannot open the file: \(error.message)"))
        }
        self.displayName = displayName
        self.separator = separator
        self.limits = limits
        // A buffer larger than the record limit would let longer records through on
        // the normal path (and refuse them on the oversized one with a smaller buffer).
        capacity = max(16, min(limits.readBufferBytes, limits.maxRecordBytes))
        maxCapacity = max(capacity, limits.maxRecordBytes)
        buffer = .allocate(byteCount: capacity, alignment: 16)
        self.fieldCapacity = max(1, fieldCapacity)
        fields = .allocate(capacity: self.fieldCapacity)
        stopsUnquoted = .allocate(capacity: 256)
        stopsUnquoted.initialize(repeating: 0, count: 256)
        stopsQuoted = .allocate(capacity: 256)
        stopsQuoted.initialize(repeating: 0, count: 256)
        for byte in [separator, Self.quote, Self.cr, Self.lf] { stopsUnquoted[Int(byte)] = 1 }
        for byte in [Self.quote, Self.cr, Self.lf] { stopsQuoted[Int(byte)] = 1 }
    }

    deinit {
        buffer.deallocate()
        fields.deallocate()
        stopsUnquoted.deallocate()
        stopsQuoted.deallocate()
    }

    /// Skips a UTF-8 byte-order mark at the start of the file, if any.
    func skipByteOrderMark() throws(CSVError) {
        while end - start < 3 && !atEOF { _ = try refill() }
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        if end - start >= 3 && bytes[start] == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF {
            start += 3
        }
    }

    /// Whether the last record is one empty line (no byte between its line breaks).
    var recordIsEmptyLine: Bool {
        fieldCount == 1 && fields[0].start == fields[0].end && !fields[0].quoted
    }

    /// Scans the next record; returns `false` at the end of the file.
    func nextRecord() throws(CSVError) -> Bool {
        while true {
            switch scanRecord() {
            case .complete:
                collapseDoubledQuotes()
                return true
            case .endOfFile:
                return false
            case .needMore:
                if try !refill() {
                    try skipOversizedRecord()
                    return true
                }
            }
        }
    }

    private enum ScanResult {
        case complete, needMore, endOfFile
    }

    // The hot loop: one pass over the record's bytes, no allocation unless a problem is found.
    private func scanRecord() -> ScanResult {
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        let end = self.end
        let atEOF = self.atEOF
        let separator = self.separator
        let quote = Self.quote
        let lf = Self.lf
        let cr = Self.cr
        var p = start
        if p >= end { return atEOF ? .endOfFile : .needMore }
        var currentLine = line
        var count = 0
        if !recordProblems.isEmpty { recordProblems.removeAll(keepingCapacity: true) }

        while true {
            let fieldLine = currentLine
            var fieldStart = p
            var fieldEnd: Int
            var quoted = false
            var escaped = false

            // A field is quoted when its first byte other than blanks is a quote.
            var q = p
            while q < end && (bytes[q] == 0x20 || (bytes[q] == 0x09 && separator != 0x09)) { q += 1 }
            if q >= end && !atEOF { return .needMore }

            if q < end && bytes[q] == quote {
                quoted = true
                p = q + 1
                fieldStart = p
                while true {
                    while p < end && stopsQuoted[Int(bytes[p])] == 0 { p += 1 }
                    if p >= end {
                        if !atEOF { return .needMore }
                        fieldEnd = p
                        addProblem(
                            line: fieldLine, column: count + 1,
                            reason: "a quoted field is never closed: the quote opened here is still open at the end of the file",
                            hint: "a double quote inside a quoted field is written twice (\"\")")
                        break
                    }
                    let byte = bytes[p]
                    if byte == quote {
                        if p + 1 >= end && !atEOF { return .needMore }
                        if p + 1 < end && bytes[p + 1] == quote {
                            escaped = true
                            p += 2
                            continue
                        }
                        fieldEnd = p
                        p += 1
                        break
                    }
                    if byte == lf {
                        currentLine += 1
                    } else {
                        if p + 1 >= end && !atEOF { return .needMore }
                        if p + 1 >= end || bytes[p + 1] != lf { currentLine += 1 }
                    }
                    p += 1
                }
                // After the closing quote: blanks, then a separator or the end of the line.
                while p < end && (bytes[p] == 0x20 || (bytes[p] == 0x09 && separator != 0x09)) { p += 1 }
                if p >= end && !atEOF { return .needMore }
                if p < end && bytes[p] != separator && bytes[p] != lf && bytes[p] != cr {
                    addProblem(
                        line: currentLine, column: count + 1,
                        reason: "unexpected text after the closing quote of a quoted field",
                        hint: "a double quote inside a quoted field is written twice (\"\")")
                    while p < end && bytes[p] != separator && bytes[p] != lf && bytes[p] != cr { p += 1 }
                    if p >= end && !atEOF { return .needMore }
                }
            } else {
                var reported = false
                while true {
                    while p < end && stopsUnquoted[Int(bytes[p])] == 0 { p += 1 }
                    if p >= end {
                        if !atEOF { return .needMore }
                        break
                    }
                    if bytes[p] != quote { break }
                    if !reported {
                        reported = true
                        addProblem(
                            line: currentLine, column: count + 1,
                            reason: "a double quote inside an unquoted field",
                            hint: "put the whole field between quotes and write the quote twice (\"\")")
                    }
                    p += 1
                }
                fieldEnd = p
            }

            if count < fieldCapacity {
                fields[count] = FieldSpan(start: fieldStart, end: fieldEnd, quoted: quoted, escaped: escaped)
            }
            count += 1
            if fieldEnd - fieldStart > limits.maxFieldBytes {
                addProblem(
                    line: fieldLine, column: count,
                    reason: "the field is \(fieldEnd - fieldStart) bytes long; the limit is \(limits.maxFieldBytes) bytes",
                    hint: "a quote left open can swallow the rest of the file")
            }

            // The field's terminator.
            if p >= end { break }  // end of file without a final line break
            let byte = bytes[p]
            if byte == separator {
                p += 1
                continue
            }
            if byte == lf {
                p += 1
            } else {
                if p + 1 >= end && !atEOF { return .needMore }
                p += 1
                if p < end && bytes[p] == lf { p += 1 }
            }
            currentLine += 1
            break
        }

        fieldCount = count
        recordLine = line
        start = p
        line = currentLine
        return .complete
    }

    /// Collapses doubled quotes of the last record's quoted fields, in place.
    private func collapseDoubledQuotes() {
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        for index in 0..<min(fieldCount, fieldCapacity) where fields[index].escaped {
            var read = fields[index].start
            var write = read
            let end = fields[index].end
            while read < end {
                bytes[write] = bytes[read]
                read += bytes[read] == Self.quote && read + 1 < end && bytes[read + 1] == Self.quote ? 2 : 1
                write += 1
            }
            fields[index].end = write
            fields[index].escaped = false
        }
    }

    private func addProblem(line: Int, column: Int, reason: String, hint: String? = nil) {
        recordProblems.append(Problem(file: displayName, line: line, column: column, reason: reason, hint: hint))
    }

    /// Skips a record that does not fit in a buffer of ``CSVLimits/maxRecordBytes``,
    /// reporting it (or its first field over ``CSVLimits/maxFieldBytes``) as a problem.
    ///
    /// Quotes are followed by toggling, which is exact for well-formed quoting; the record
    /// is rejected anyway, so only where it ends matters.
    private func skipOversizedRecord() throws(CSVError) {
        recordProblems.removeAll(keepingCapacity: true)
        recordLine = line
        var currentLine = line
        var inQuotes = false
        var lastWasCR = false
        var fieldIndex = 0
        var fieldLength = 0
        var fieldLine = line
        var reportedField = false
        var endedOnCR = false
        var p = start
        scanning: while true {
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            while p < end {
                let byte = bytes[p]
                p += 1
                if byte == Self.lf {
                    if !lastWasCR { currentLine += 1 }
                    lastWasCR = false
                    if !inQuotes { break scanning }
                    fieldLength += 1
                    continue
                }
                lastWasCR = false
                if byte == Self.cr {
                    currentLine += 1
                    lastWasCR = true
                    if !inQuotes {
                        endedOnCR = true
                        break scanning
                    }
                } else if byte == Self.quote {
                    inQuotes.toggle()
                    continue
                } else if byte == separator && !inQuotes {
                    fieldIndex += 1
                    fieldLength = 0
                    fieldLine = currentLine
                    continue
                }
                fieldLength += 1
                if fieldLength > limits.maxFieldBytes && !reportedField {
                    reportedField = true
                    addProblem(
                        line: fieldLine, column: fieldIndex + 1,
                        reason: "the field is over \(limits.maxFieldBytes) bytes long, the limit",
                        hint: "a quote left open can swallow the rest of the file")
                }
            }
            if atEOF { break }
            start = end
            _ = try refill()
            p = start
        }
        start = p
        if endedOnCR {
            if start >= end && !atEOF { _ = try refill() }
            if start < end && buffer.load(fromByteOffset: start, as: UInt8.self) == Self.lf { start += 1 }
        }
        if !reportedField {
            addProblem(
                line: recordLine, column: fieldIndex + 1,
                reason: "the record starting here is over \(limits.maxRecordBytes) bytes long, the limit",
                hint: "a quote left open can swallow the rest of the file")
        }
        line = currentLine
        fieldCount = fieldIndex + 1
    }

    /// Makes room and reads more bytes; returns `false` when the record at `start` already
    /// fills a buffer of the largest allowed size.
    private func refill() throws(CSVError) -> Bool {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.copyMemory(from: buffer + start, byteCount: remaining) }
            start = 0
            end = remaining
        } else if end == capacity {
            guard capacity < maxCapacity else { return false }
            let grown = min(maxCapacity, capacity * 2)
            let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            newBuffer.copyMemory(from: buffer, byteCount: end)
            buffer.deallocate()
            buffer = newBuffer
            capacity = grown
        }
        let got: Int
        do {
            got = try file.read(into: buffer + end, count: capacity - end)
        } catch {
            throw CSVError(Problem(file: displayName, line: line, reason: "cannot read the file: \(error.message)"))
        }
        if got == 0 { atEOF = true }
        end += got
        return true
    }
}
