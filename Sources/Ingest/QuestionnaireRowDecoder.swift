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
        var instrument: Instrument?
        if let raw = fields.required(record, .instrument, problems: &problems) {
            instrument = configuration.instrument(raw)
            if instrument == nil {
                let known = configuration.instruments.values.map(\.id).sorted().joined(separator: ", ")
                problems.append(
                    fields.problem(
                        record, .instrument, value: raw, reason: "'\(raw)' is not a known instrument",
                        hint: "known: \(known); declare others under [instruments.\(raw)] in evalrun.toml"))
            }
        }
        var wave: Wave?
        if let raw = fields.required(record, .wave, problems: &problems) {
            wave = Wave(parsing: raw)
            if wave == nil {
                problems.append(
                    fields.problem(
                        record, .wave, value: raw, reason: "'\(raw)' is not a wave",
                        hint: "expected baseline/T0/pre, end/T1/post or followup/T2"))
            }
        }
        let completed = fields.date(record, .completedOn, problems: &problems).value
        let score = fields.decimal(record, .score, problems: &problems).value
        var items: [Double?] = []
        if let instrument {
            items = Array(repeating: nil, count: instrument.items)
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
            if let score, !instrument.scoreRange.contains(score) {
                problems.append(
                    fields.problem(
                        record, .score, value: fields.text(record, .score),
                        reason:
                            "score \(score.formatted) is outside \(instrument.id)'s range \(instrument.scoreRange.lowerBound.formatted)–\(instrument.scoreRange.upperBound.formatted)"
                    ))
            }
        }
        guard let participant, let instrument, let wave, problems.errorCount == before else { return }
        emit(
            QuestionnaireRow(
                line: record.line, participantCode: participant, instrument: instrument.id, wave: wave,
                completedOn: completed, items: items, score: score))
    }
}
