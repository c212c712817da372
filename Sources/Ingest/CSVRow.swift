import EvaluationDomain

/// One record of a CSV file, as a view into the reader's buffer.
///
/// Valid only inside the ``CSVSource/forEachRecord(problems:_:)`` callback that receives it,
/// and so not copyable. Reading a field allocates only when a `String` is asked for:
/// ``isEmpty(_:)`` and ``rawBytes(_:)`` do not.
public struct CSVRow: ~Copyable {
    /// The physical line where the record starts.
    public let line: Int
    /// The number of fields (in a data row, always the header's number of columns).
    public let count: Int
    /// The text encoding of the field bytes.
    public let encoding: TextEncoding

    private let base: UnsafeRawPointer
    private let spans: UnsafePointer<FieldSpan>

    init(scanner: CSVScanner, count: Int, line: Int, encoding: TextEncoding) {
        self.init(
            base: UnsafeRawPointer(scanner.buffer), spans: UnsafePointer(scanner.fields),
            count: min(count, scanner.fieldCapacity), line: line, encoding: encoding)
    }

    init(base: UnsafeRawPointer, spans: UnsafePointer<FieldSpan>, count: Int, line: Int, encoding: TextEncoding) {
        self.base = base
        self.spans = spans
        self.count = count
        self.line = line
        self.encoding = encoding
    }

    /// The bytes of field `index` (0-based) as written in the file's encoding: quotes
    /// removed, doubled quotes collapsed, trimmed of ASCII whitespace and U+00A0.
    ///
    /// Meant for fast parsing (see ``NumberParser``, ``DateParser``); the buffer is valid
    /// only inside the callback. An index out of range gives an empty buffer.
    public func rawBytes(_ index: Int) -> UnsafeRawBufferPointer {
        FieldText.trimmed(untrimmedBytes(index), utf8: encoding.isUTF8)
    }

    /// The text of field `index` (0-based): decoded, quotes removed, doubled quotes
    /// collapsed, trimmed of ASCII whitespace and U+00A0. An index out of range gives "".
    public func value(_ index: Int) -> String {
        FieldText.decode(rawBytes(index), encoding: encoding)
    }

    /// Whether field `index` is blank after trimming (or out of range).
    public func isEmpty(_ index: Int) -> Bool {
        rawBytes(index).isEmpty
    }

    /// Whether field `index` was written between quotes.
    public func isQuoted(_ index: Int) -> Bool {
        index >= 0 && index < count && spans[index].quoted
    }

    /// Every field's text, in order (allocates; for diagnostics and small files).
    public var values: [String] {
        (0..<count).map { value($0) }
    }

    /// Whether every field is blank.
    var isBlank: Bool {
        for index in 0..<count where !isEmpty(index) { return false }
        return true
    }

    private func untrimmedBytes(_ index: Int) -> UnsafeRawBufferPointer {
        guard index >= 0 && index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let span = spans[index]
        return UnsafeRawBufferPointer(start: base + span.start, count: span.end - span.start)
    }

    /// Appends an error for each byte undefined in Windows-1252, with its physical line and field.
    func appendUndefinedByteProblems(to problems: inout ProblemList, file: String, header: [String]?) {
        guard count > 0 else { return }
        let recordStart = spans[0].start
        for index in 0..<count {
            let bytes = untrimmedBytes(index)
            for (offset, byte) in bytes.enumerated() where Windows1252.isUndefined(byte) {
                let position = spans[index].start + offset
                problems.append(
                    Problem(
                        file: file, line: line + lineBreaks(from: recordStart, to: position), column: index + 1,
                        columnName: header.flatMap { index < $0.count ? $0[index] : nil },
                        reason: "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor a Windows-1252 character",
                        hint: "save the file as UTF-8 or CSV (separatore: punto e virgola)"))
            }
        }
    }

    /// Physical line breaks between two buffer offsets of this record.
    private func lineBreaks(from start: Int, to end: Int) -> Int {
        var breaks = 0
        var offset = start
        while offset < end {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte == 0x0D {
                breaks += 1
            } else if byte == 0x0A && (offset == start || base.load(fromByteOffset: offset - 1, as: UInt8.self) != 0x0D) {
                breaks += 1
            }
            offset += 1
        }
        return breaks
    }
}
