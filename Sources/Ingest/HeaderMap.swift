import EvaluationDomain

/// Where each canonical column of a file kind sits in a file's header, which
/// columns are questionnaire items, and which are extra attributes.
package struct HeaderMap: Sendable {
    /// Canonical name → 0-based field index.
    private(set) var index: [String: Int] = [:]
    /// Item number → 0-based field index (questionnaires).
    private(set) var items: [Int: Int] = [:]
    /// Extra columns kept as attributes: (name as written, 0-based field index).
    package private(set) var extras: [(name: String, index: Int)] = []
    /// Header names as written, for messages.
    let names: [String]

    /// Resolves `header` against the schema of `kind`, appending header problems
    /// (missing required columns, duplicated columns, unknown columns) to `problems`.
    init(
        header: [String], kind: FileKind, mapping: [String: String], file: String, headerLine: Int,
        problems: inout ProblemList, requireRequired: Bool = true
    ) {
        names = header
        let schema = ColumnSchema.of(kind)
        var firstSeen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = ColumnSchema.key(name)
            if key.isEmpty {
                problems.append(
                    Problem(
                        file: file, line: headerLine, column: i + 1, value: name,
                        reason: "column \(i + 1) has no name", hint: "give every column a header or delete the empty column"))
                continue
            }
            if let earlier = firstSeen[key] {
                problems.append(
                    Problem(
                        file: file, line: headerLine, column: i + 1, columnName: name, value: name,
                        reason: "column '\(name)' appears twice (also column \(earlier + 1))",
                        hint: "rename or delete one of them"))
                continue
            }
            firstSeen[key] = i
            place(
                name, key: key, at: i, schema: schema, kind: kind, mapping: mapping, file: file, headerLine: headerLine,
                problems: &problems)
        }
        guard requireRequired else { return }
        appendMissingColumns(of: schema, kind: kind, file: file, headerLine: headerLine, problems: &problems)
    }

    /// Records column `i` as the canonical column or questionnaire item its name means, or
    /// as an extra attribute; a problem when it means a column already placed, a warning
    /// when the file kind does not use it.
    private mutating func place(
        _ name: String, key: String, at i: Int, schema: ColumnSchema, kind: FileKind, mapping: [String: String], file: String,
        headerLine: Int, problems: inout ProblemList
    ) {
        if let canonical = schema.canonicalName(for: name, mapping: mapping) {
            if let other = index[canonical] {
                problems.append(
                    Problem(
                        file: file, line: headerLine, column: i + 1, columnName: name, value: name,
                        reason: "columns '\(names[other])' and '\(name)' both mean \(canonical)",
                        hint: "keep one of them, or rename the other in [columns.\(kind.rawValue)] of evalrun.toml"))
            } else {
                index[canonical] = i
            }
        } else if kind == .questionnaires, let n = mapping[key].flatMap(ColumnSchema.itemNumber) ?? ColumnSchema.itemNumber(name) {
            if items[n] != nil {
                problems.append(
                    Problem(
                        file: file, line: headerLine, column: i + 1, columnName: name, value: name,
                        reason: "item \(n) appears twice"))
            } else {
                items[n] = i
            }
        } else if schema.keepsExtraColumns {
            extras.append((name, i))
        } else {
            problems.append(
                Problem(
                    .warning, file: file, line: headerLine, column: i + 1, columnName: name, value: name,
                    reason: "column '\(name)' is not used by \(kind.rawValue) files and is ignored"))
        }
    }

    /// A problem for each required column of the schema that no header column means.
    private func appendMissingColumns(
        of schema: ColumnSchema, kind: FileKind, file: String, headerLine: Int, problems: inout ProblemList
    ) {
        for column in schema.columns where column.required && index[column.name] == nil {
            let also = column.aliases.isEmpty ? "" : " (also accepted: \(column.aliases.joined(separator: ", ")))"
            problems.append(
                Problem(
                    file: file, line: headerLine, columnName: column.name,
                    reason: "missing required column '\(column.name)'\(also)",
                    hint: "add the column, or map your column to it under [columns.\(kind.rawValue)] in evalrun.toml"))
        }
    }

    /// The 0-based field index of a canonical column, if present.
    package subscript(_ name: String) -> Int? { index[name] }

    /// The 0-based field index of a canonical column, if present.
    package subscript(_ name: ColumnName) -> Int? { index[name.rawValue] }
}
