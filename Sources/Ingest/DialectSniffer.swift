/// Detects the separator and the decimal mark from the first bytes of a file.
///
/// **Separator.** For each candidate (`;`, `,`, tab) the sample is split into records and
/// fields, quote-aware; the score is the number of records whose field count equals the
/// header's. A candidate that splits the header wins over one that does not; then the
/// highest score, then the wider header, then `;` before `,` before tab.
/// Empty lines are not counted, and the last record is left out when the sample stops in
/// the middle of it.
///
/// **Decimal mark.** A file separated by `,` has a decimal point. In any other file a field
/// reading like `12,5` or `1.234,56` means a decimal comma. Without such a field, a field
/// reading like `12.5` (and not like a thousands group `1.234`) means a decimal point; with
/// neither, a `;` file is taken to use a decimal comma (the separator is itself the mark of
/// Excel in an Italian locale) and a tab file a decimal point.
enum DialectSniffer {
    /// The most records of the sample that are examined.
    static let maxRecords = 200

    /// The separator of `sample` (the whole sample, or its first bytes when `truncated`).
    static func separator(in sample: UnsafeRawBufferPointer, truncated: Bool) -> UInt8 {
        // Compared in order: splits the header, consistent records, header width.
        var best: (separator: UInt8, key: (Int, Int, Int))?
        for candidate in CSVDialect.candidateSeparators {
            let counts = fieldCounts(sample, separator: candidate, truncated: truncated)
            guard let width = counts.first else { continue }
            let score = counts.reduce(0) { $0 + ($1 == width ? 1 : 0) }
            let key = (width > 1 ? 1 : 0, score, width)
            if let current = best, current.key >= key { continue }
            best = (candidate, key)
        }
        return best?.separator ?? UInt8(ascii: ",")
    }

    /// Whether `sample`, separated by `separator`, uses a decimal comma (see the type's rule).
    static func usesDecimalComma(in sample: UnsafeRawBufferPointer, separator: UInt8, truncated: Bool) -> Bool {
        guard separator != UInt8(ascii: ",") else { return false }
        var commaEvidence = false
        var pointEvidence = false
        forEachField(sample, separator: separator, truncated: truncated) { record, field in
            guard record > 0 else { return true }  // the header
            let text = FieldText.trimmed(field, utf8: true)
            switch NumberShape(text) {
            case .decimalComma: commaEvidence = true
            case .decimalPoint: pointEvidence = true
            case .other: break
            }
            return !commaEvidence
        }
        if commaEvidence { return true }
        if pointEvidence { return false }
        return separator == UInt8(ascii: ";")
    }

    /// The shape of a field, for decimal-mark evidence.
    private enum NumberShape {
        case decimalComma, decimalPoint, other

        /// `-?\d+,\d+` or `-?\d{1,3}(\.\d{3})+,\d+` is comma evidence; `-?\d+\.\d+` that is
        /// not `\d{1,3}\.\d{3}` (a possible thousands group) is point evidence.
        init(_ text: UnsafeRawBufferPointer) {
            var index = 0
            if index < text.count && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) { index += 1 }
            var groups: [Int] = []
            var digits = 0
            var mark: UInt8 = 0
            var marks = 0
            while index < text.count {
                let byte = text[index]
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                    guard digits > 0 else {
                        self = .other
                        return
                    }
                    groups.append(digits)
                    digits = 0
                    if byte == UInt8(ascii: ",") && mark == UInt8(ascii: ",") {
                        self = .other
                        return
                    }
                    if mark == UInt8(ascii: ",") {  // a point after the comma
                        self = .other
                        return
                    }
                    mark = byte
                    marks += 1
                } else {
                    self = .other
                    return
                }
                index += 1
            }
            guard digits > 0, marks > 0 else {
                self = .other
                return
            }
            if mark == UInt8(ascii: ",") {
                // groups: integer part, then thousands groups of three digits before the comma.
                let thousands = groups.dropFirst()
                let valid = groups.count == 1 || ((groups.first ?? 0) <= 3 && thousands.allSatisfy { $0 == 3 })
                self = valid ? .decimalComma : .other
            } else if marks == 1 {
                self = ((groups.first ?? 0) <= 3 && digits == 3) ? .other : .decimalPoint
            } else {
                self = .other
            }
        }
    }

    /// Field counts of the sample's records (empty lines left out).
    static func fieldCounts(_ sample: UnsafeRawBufferPointer, separator: UInt8, truncated: Bool) -> [Int] {
        var counts: [Int] = []
        var current = 0
        var currentRecord = -1
        var emptyLine = true
        forEachField(sample, separator: separator, truncated: truncated) { record, field in
            if record != currentRecord {
                if currentRecord >= 0 && !emptyLine { counts.append(current) }
                currentRecord = record
                current = 0
                emptyLine = true
            }
            current += 1
            if current > 1 || !field.isEmpty { emptyLine = false }
            return true
        }
        if currentRecord >= 0 && !emptyLine { counts.append(current) }
        return counts
    }

    /// Calls `body(recordIndex, fieldBytes)` for each field of the sample's first
    /// ``maxRecords`` records (quotes removed, doubled quotes left as they are) until it
    /// returns `false`. Quoting follows the reader's rules: a field is quoted when its
    /// first byte is a quote, and a quote elsewhere is literal. Without `truncated`, the
    /// last record ends at the end of the sample; with it, the last incomplete record is
    /// skipped unless it is the only one.
    static func forEachField(
        _ sample: UnsafeRawBufferPointer, separator: UInt8, truncated: Bool,
        _ body: (Int, UnsafeRawBufferPointer) -> Bool
    ) {
        guard let base = sample.baseAddress else { return }
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        let count = sample.count
        var p = 0
        var record = 0
        var fields: [(start: Int, end: Int)] = []
        while p < count && record < maxRecords {
            fields.removeAll(keepingCapacity: true)
            var complete = false
            while true {
                var start = p
                var end: Int
                if p < count && sample[p] == quote {
                    p += 1
                    start = p
                    end = count
                    while p < count {
                        if sample[p] == quote {
                            if p + 1 < count && sample[p + 1] == quote {
                                p += 2
                                continue
                            }
                            end = p
                            p += 1
                            break
                        }
                        p += 1
                    }
                    while p < count && sample[p] != separator && sample[p] != lf && sample[p] != cr { p += 1 }
                } else {
                    while p < count && sample[p] != separator && sample[p] != lf && sample[p] != cr { p += 1 }
                    end = p
                }
                fields.append((start, min(end, count)))
                if p >= count { break }
                if sample[p] == separator {
                    p += 1
                    continue
                }
                if sample[p] == cr { p += 1 }
                if p < count && sample[p] == lf { p += 1 }
                complete = true
                break
            }
            if !complete && truncated && record > 0 { return }
            for field in fields where !body(record, UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start)) {
                return
            }
            record += 1
        }
    }
}
