import EvaluationDomain

/// Reads typed values out of one CSV record, appending a located problem
/// (file:line:column — value — reason) for every value that does not read.
package struct FieldReader {
    let file: String
    package let map: HeaderMap
    let decimalComma: Bool

    /// The trimmed text of a canonical column, `nil` when absent or blank.
    func text(_ row: borrowing CSVRow, _ name: ColumnName) -> String? {
        guard let i = map[name], i < row.count, !row.isEmpty(i) else { return nil }
        return row.value(i)
    }

    /// The extra columns kept as attributes (groups, participants, the comparison group),
    /// by header, blank values omitted.
    func extraAttributes(_ row: borrowing CSVRow) -> [String: String] {
        var attributes: [String: String] = [:]
        for extra in map.extras where extra.index < row.count && !row.isEmpty(extra.index) {
            attributes[extra.name] = row.value(extra.index)
        }
        return attributes
    }

    /// A problem at the column of `name` (or field index `index`).
    func problem(
        _ row: borrowing CSVRow, _ name: ColumnName, value: String?, reason: String, hint: String? = nil,
        severity: Problem.Severity = .error
    ) -> Problem {
        let i = map[name]
        return Problem(
            severity, file: file, line: row.line, column: i.map { $0 + 1 }, columnName: i.map { map.names[$0] } ?? name.rawValue,
            value: value, reason: reason, hint: hint)
    }

    /// A required text value; blank is an error.
    func required(_ row: borrowing CSVRow, _ name: ColumnName, problems: inout ProblemList) -> String? {
        if let value = text(row, name) { return value }
        if map[name] != nil {
            problems.append(problem(row, name, value: "", reason: "\(name) is blank", hint: "every row needs a \(name)"))
        }
        return nil
    }

    /// An optional date; a value that is not a date is an error.
    func date(_ row: borrowing CSVRow, _ name: ColumnName, problems: inout ProblemList) -> (ok: Bool, value: CalendarDate?) {
        guard let raw = text(row, name) else { return (true, nil) }
        switch FieldParsing.date(raw) {
        case .success(let d): return (true, d)
        case .failure(let failure):
            problems.append(problem(row, name, value: raw, reason: failure.reason, hint: failure.hint))
            return (false, nil)
        }
    }

    /// An optional whole number within `range`.
    func integer(
        _ row: borrowing CSVRow, _ name: ColumnName, in range: ClosedRange<Int>, problems: inout ProblemList
    ) -> (ok: Bool, value: Int?) {
        guard let raw = text(row, name) else { return (true, nil) }
        guard let n = FieldParsing.integer(raw) else {
            problems.append(problem(row, name, value: raw, reason: "'\(raw)' is not a whole number"))
            return (false, nil)
        }
        guard range.contains(n) else {
            problems.append(
                problem(
                    row, name, value: raw, reason: "\(name) \(n) is outside \(range.lowerBound)…\(range.upperBound)"))
            return (false, nil)
        }
        return (true, n)
    }

    /// An optional decimal number (the file's decimal mark), at least `minimum`.
    func decimal(
        _ row: borrowing CSVRow, _ name: ColumnName, minimum: Double = -.infinity, problems: inout ProblemList
    ) -> (ok: Bool, value: Double?) {
        guard let raw = text(row, name) else { return (true, nil) }
        switch FieldParsing.decimal(raw, decimalComma: decimalComma) {
        case .success(let x):
            guard x >= minimum else {
                problems.append(problem(row, name, value: raw, reason: "\(name) must not be below \(minimum.formatted)"))
                return (false, nil)
            }
            return (true, x)
        case .failure(let failure):
            problems.append(problem(row, name, value: raw, reason: failure.reason, hint: failure.hint))
            return (false, nil)
        }
    }
}

extension Double {
    /// A short rendering for messages: integers without a decimal part.
    package var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
