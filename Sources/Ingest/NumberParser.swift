/// Reads numbers from fields, given the file's decimal mark.
///
/// - Decimal point (``CSVDialect/decimalComma`` false): `12.5`, `-3`, `+0.75`, `.5`, `1e3`,
///   `2.5E-3`. No thousands separator: `1,234.5` and `12,5` are rejected.
/// - Decimal comma: `12,5`, `-3`, and thousands grouped by points as `1.234,56` or
///   `1.234.567` (a first group of 1–3 digits, then groups of exactly three). A point
///   that does not group thousands (`12.5`, `1.23`) is rejected; so is an exponent.
///   `1.234` in a decimal-comma file is one thousand two hundred and thirty-four, as Excel
///   in an Italian locale writes it.
///
/// A blank field is missing (`nil`), never 0. Infinities, NaN and `NA` are rejected.
/// Parsing works on the field's bytes (``CSVRow/rawBytes(_:)``) without allocating; a
/// decimal of at most 15 significant digits and ±22 decimal places is converted exactly
/// (Clinger's fast path), anything longer by the standard library's correctly rounded
/// conversion.
public struct NumberParser: Sendable, Equatable {
    /// Whether `,` is the decimal mark (and `.` groups thousands).
    public var decimalComma: Bool

    /// A parser for the given decimal mark.
    public init(decimalComma: Bool) {
        self.decimalComma = decimalComma
    }

    /// A parser for a file's dialect.
    public init(dialect: CSVDialect) {
        self.init(decimalComma: dialect.decimalComma)
    }

    /// Reads `text` (trimmed first) as a number; `nil` when blank.
    public func double(_ text: String) throws(FieldValueError) -> Double? {
        try FieldText.withBytes(text) { bytes throws(FieldValueError) in try double(bytes: bytes) }
    }

    /// Reads `text` (trimmed first) as a whole number; `nil` when blank.
    public func integer(_ text: String) throws(FieldValueError) -> Int? {
        try FieldText.withBytes(text) { bytes throws(FieldValueError) in try integer(bytes: bytes) }
    }

    /// Reads ASCII bytes as a whole number; `nil` when blank. `3,0` / `3.0` are 3;
    /// `3,5` is rejected.
    public func integer(bytes: UnsafeRawBufferPointer) throws(FieldValueError) -> Int? {
        let text = FieldText.trimmed(bytes, utf8: true)
        if text.isEmpty { return nil }
        // Fast path: an optional sign and up to 18 digits.
        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        if text.count - index <= 18 && text.count > index {
            var value = 0
            var plain = true
            while index < text.count {
                let digit = text[index] &- 0x30
                if digit > 9 {
                    plain = false
                    break
                }
                value = value &* 10 &+ Int(digit)
                index += 1
            }
            if plain { return negative ? -value : value }
        }
        guard let value = try double(bytes: text) else { return nil }
        guard value == value.rounded(.towardZero) else {
            throw FieldValueError(reason: "'\(DateParser.display(text))' is not a whole number")
        }
        guard abs(value) <= 9_007_199_254_740_992 else {
            throw FieldValueError(reason: "'\(DateParser.display(text))' is too large a whole number")
        }
        return Int(value)
    }

    /// Reads ASCII bytes (e.g. ``CSVRow/rawBytes(_:)``, trimmed first) as a number; `nil`
    /// when blank.
    public func double(bytes: UnsafeRawBufferPointer) throws(FieldValueError) -> Double? {
        let text = FieldText.trimmed(bytes, utf8: true)
        if text.isEmpty { return nil }
        let decimalMark = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let groupMark = decimalComma ? UInt8(ascii: ".") : UInt8(ascii: ",")

        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits accumulated into mantissa
        var dropped = 0  // integer digits beyond mantissa's reach
        var fractionDigits = 0
        var integerDigits = 0
        var groupLength = 0  // digits since the last thousands mark
        var groups = 0
        var sawDecimal = false
        var fractionCount = 0
        var exponent = 0

        func accumulate(_ digit: UInt8) {
            if mantissa == 0 && digit == 0 && !sawDecimal { return }  // leading zeros
            if significant < 19 {
                mantissa = mantissa * 10 + UInt64(digit)
                significant += 1
                if sawDecimal { fractionDigits += 1 }
            } else if !sawDecimal {
                dropped += 1
            }
        }

        while index < text.count {
            let byte = text[index]
            let digit = byte &- 0x30
            if digit <= 9 {
                accumulate(digit)
                if sawDecimal {
                    fractionCount += 1
                } else {
                    integerDigits += 1
                    groupLength += 1
                }
            } else if byte == decimalMark && !sawDecimal {
                sawDecimal = true
            } else if byte == groupMark && decimalComma && !sawDecimal {
                // A thousands point: the first group 1–3 digits, each later one exactly 3.
                if groups == 0 {
                    guard (1...3).contains(groupLength) else { throw notANumber(text, why: .grouping) }
                } else if groupLength != 3 {
                    throw notANumber(text, why: .grouping)
                }
                groups += 1
                groupLength = 0
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && !decimalComma
                && integerDigits + fractionCount > 0
            {
                index += 1
                var exponentNegative = false
                if index < text.count && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                    exponentNegative = text[index] == UInt8(ascii: "-")
                    index += 1
                }
                var exponentDigits = 0
                while index < text.count, text[index] &- 0x30 <= 9 {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(text[index] - 0x30) }
                    exponentDigits += 1
                    index += 1
                }
                guard exponentDigits > 0, index == text.count else { throw notANumber(text, why: .shape) }
                if exponentNegative { exponent = -exponent }
                break
            } else if byte == groupMark {
                throw notANumber(text, why: decimalComma ? .pointInDecimalCommaFile : .commaInDecimalPointFile)
            } else if byte == decimalMark {
                throw notANumber(text, why: .shape)
            } else {
                throw notANumber(text, why: .shape)
            }
            index += 1
        }
        guard integerDigits + fractionCount > 0 else { throw notANumber(text, why: .shape) }
        if groups > 0 && groupLength != 3 { throw notANumber(text, why: .grouping) }

        let scale = exponent + dropped - fractionDigits
        var value: Double
        if mantissa < (1 << 53) && scale >= -22 && scale <= 22 {
            value = Double(mantissa)
            if scale < 0 { value /= Self.powersOfTen[-scale] } else { value *= Self.powersOfTen[scale] }
        } else {
            // Rare: more than 15 significant digits or a large exponent.
            let digits = String(mantissa)
            guard let converted = Double(digits + "e" + String(scale)) else { throw notANumber(text, why: .shape) }
            value = converted
        }
        guard value.isFinite else {
            throw FieldValueError(reason: "'\(DateParser.display(text))' is too large a number")
        }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private enum Failure {
        case shape, grouping, commaInDecimalPointFile, pointInDecimalCommaFile
    }

    private func notANumber(_ text: UnsafeRawBufferPointer, why: Failure) -> FieldValueError {
        let shown = DateParser.display(text)
        switch why {
        case .shape:
            let upper = shown.uppercased()
            if upper == "NA" || upper == "N/A" || upper == "NAN" || upper == "NULL" || upper == "-" {
                return FieldValueError(
                    reason: "'\(shown)' is not a number", hint: "leave the cell blank for a missing value")
            }
            return FieldValueError(reason: "'\(shown)' is not a number")
        case .grouping:
            return FieldValueError(
                reason: "'\(shown)' is not a number: in this file ',' is the decimal mark and '.' only groups thousands",
                hint: "write 1234,5 or 1.234,5")
        case .commaInDecimalPointFile:
            return FieldValueError(
                reason: "'\(shown)' is not a number: in this file '.' is the decimal mark and thousands are not grouped",
                hint: "write 1234.5")
        case .pointInDecimalCommaFile:
            return FieldValueError(
                reason: "'\(shown)' is not a number: in this file ',' is the decimal mark",
                hint: "write 12,5")
        }
    }
}
