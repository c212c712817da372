import EvaluationDomain

/// Value parsing for the row decoders, over the byte-level parsers
/// (`DateParser`, `NumberParser`), with messages ready for a `Problem`.
enum FieldParsing {
    /// A date in any accepted format.
    static func date(_ text: String) -> Result<CalendarDate, FieldValueError> {
        do {
            guard let parsed = try DateParser.parse(text) else {
                return .failure(FieldValueError(reason: "the date is blank"))
            }
            return .success(parsed.date)
        } catch {
            return .failure(error)
        }
    }

    /// A whole number (plain digits with an optional sign).
    static func integer(_ text: String) -> Int? {
        guard let value = try? NumberParser(decimalComma: false).integer(text) else { return nil }
        return value
    }

    /// A decimal number with the file's decimal mark.
    static func decimal(_ text: String, decimalComma: Bool) -> Result<Double, FieldValueError> {
        do {
            guard let value = try NumberParser(decimalComma: decimalComma).double(text) else {
                return .failure(FieldValueError(reason: "the number is blank"))
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}
