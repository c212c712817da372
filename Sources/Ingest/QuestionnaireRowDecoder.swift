import EvaluationDomain

/// Decodes `questionnaires.csv`: items `item_1…item_k` (or `domanda_…`, `q…`)
/// checked against the instrument's range, or a pre-scored `score`.
package struct QuestionnaireRowDecoder: RowDecoder {
    package let fields: FieldReader
    let configuration: ProjectConfiguration
    /// (item number, field index), by item number.
    let itemColumns: [(number: Int, index: Int)]

    package init(_ context: DecoderContext, problems: inout ProblemList) {
        let map = HeaderMap(
            header: context.header, kind: .questionnaires,
            mapping: context.configuration.columnMappings[.questionnaires] ?? [:],
            file: context.file, headerLine: context.headerLine, problems: &problems)
        itemColumns = map.items.map { (number: $0.key, index: $0.value) }.sorted { $0.number < $1.number }
        if itemColumns.isEmpty && map[.score] == nil {
            problems.append(
                Problem(
                    file: context.file, line: context.headerLine, columnName: "item_1",
                    reason: "no item columns (item_1 … item_k) and no score column",
                    hint: "export the answers as item_1, item_2, … or a pre-scored 'score' column"))
        }
        fields = FieldReader(file: context.file, map: map, decimalComma: context.dialect.decimalComma)
        configuration = context.configuration
    }

    package func decode(_ record: borrowing CSVRow, problems: inout ProblemList, emit: (QuestionnaireRow) -> Void) {
        let before = problems.errorCount
        let participant = fields.required(record, .participantID, problems: &problems)
        let instrument = readInstrument(record, problems: &problems)
        let wave = readWave(record, problems: &problems)
        let completed = fields.date(record, .completedOn, problems: &problems).value
        let score = fields.decimal(record, .score, problems: &problems).value
        var items: [Double?] = []
        if let instrument {
            items = readItems(record, of: instrument, problems: &problems)
            if let score { checkScore(score, of: instrument, record, problems: &problems) }
        }
        guard let participant, let instrument, let wave, problems.errorCount == before else { return }
        emit(
            QuestionnaireRow(
                line: record.line, participantCode: participant, instrument: instrument.id, wave: wave,
                completedOn: completed, items: items, score: score))
    }

    /// The declared instrument named in the row; a problem when it is not declared.
    @inline(__always)
    private func readInstrument(_ record: borrowing CSVRow, problems: inout ProblemList) -> Instrument? {
        guard let raw = fields.required(record, .instrument, problems: &problems) else { return nil }
        let instrument = configuration.instrument(raw)
        if instrument == nil {
            let known = configuration.instruments.values.map(\.id).sorted().joined(separator: ", ")
            problems.append(
                fields.problem(
                    record, .instrument, value: raw, reason: "'\(raw)' is not a known instrument",
                    hint: "known: \(known); declare others under [instruments.\(raw)] in evalrun.toml"))
        }
        return instrument
    }

    /// The row's wave; a problem when it is not one.
    @inline(__always)
    private func readWave(_ record: borrowing CSVRow, problems: inout ProblemList) -> Wave? {
        guard let raw = fields.required(record, .wave, problems: &problems) else { return nil }
        let wave = Wave(parsing: raw)
        if wave == nil {
            problems.append(
                fields.problem(
                    record, .wave, value: raw, reason: "'\(raw)' is not a wave",
                    hint: "expected baseline/T0/pre, end/T1/post or followup/T2"))
        }
        return wave
    }

    /// The item values by item number, `[]` when none is filled in; a problem for an item
    /// beyond the instrument's count or a value outside its item range.
    @inline(__always)
    private func readItems(_ record: borrowing CSVRow, of instrument: Instrument, problems: inout ProblemList) -> [Double?] {
        var items: [Double?] = Array(repeating: nil, count: instrument.items)
        var answered = 0
        for column in itemColumns where column.index < record.count && !record.isEmpty(column.index) {
            let raw = record.value(column.index)
            let name = fields.map.names[column.index]
            guard column.number <= instrument.items else {
                problems.append(
                    Problem(
                        file: fields.file, line: record.line, column: column.index + 1, columnName: name, value: raw,
                        reason: "\(instrument.id) has \(instrument.items) items, but item \(column.number) is filled in"))
                continue
            }
            guard case .success(let value) = FieldParsing.decimal(raw, decimalComma: fields.decimalComma),
                instrument.accepts(itemValue: value)
            else {
                problems.append(
                    Problem(
                        file: fields.file, line: record.line, column: column.index + 1, columnName: name, value: raw,
                        reason:
                            "'\(raw)' is outside \(instrument.id)'s item range \(instrument.min.formatted)–\(instrument.max.formatted)")
                )
                continue
            }
            items[column.number - 1] = value
            answered += 1
        }
        if answered == 0 { items = [] }
        return items
    }

    /// A problem when a pre-scored `score` is outside the instrument's score range.
    @inline(__always)
    private func checkScore(_ score: Double, of instrument: Instrument, _ record: borrowing CSVRow, problems: inout ProblemList) {
        guard !instrument.scoreRange.contains(score) else { return }
        problems.append(
            fields.problem(
                record, .score, value: fields.text(record, .score),
                reason:
                    "score \(score.formatted) is outside \(instrument.id)'s range \(instrument.scoreRange.lowerBound.formatted)–\(instrument.scoreRange.upperBound.formatted)"
            ))
    }
}
