import EvaluationDomain
import Foundation
import Ingest

/// `evalrun template DIR` (METHODS §7): one blank export per file kind with
/// its required and optional columns (Italian names with `--lang it`, the
/// aliases the importer accepts), and `DATA_DICTIONARY.md` describing every
/// column — meaning, type, accepted values, an example — and each file's
/// natural key. The blank files import as they are, and once filled they
/// import without a mapping.
public struct ImportTemplate: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// Item columns written in the questionnaire template (WEMWBS has 14).
    static let itemColumns = 14

    /// The file name of a kind's template (`presenze.csv` in Italian).
    func fileName(_ kind: FileKind) -> String {
        guard language == .it else { return "\(kind.rawValue).csv" }
        switch kind {
        case .groups: return "gruppi.csv"
        case .participants: return "partecipanti.csv"
        case .sessions: return "incontri.csv"
        case .attendance: return "presenze.csv"
        case .questionnaires: return "questionari.csv"
        case .services: return "servizi.csv"
        case .outcomes: return "esiti.csv"
        case .comparison: return "confronto.csv"
        case .comparisonOutcomes: return "esiti_confronto.csv"
        }
    }

    /// A column's header in the template: the canonical name, or in Italian its first alias.
    func header(_ column: ColumnSchema.Column) -> String {
        language == .it ? (column.aliases.first ?? column.name) : column.name
    }

    /// The headers of a kind's template, items included for questionnaires.
    func headers(_ kind: FileKind) -> [String] {
        var names = ColumnSchema.of(kind).columns.map(header)
        if kind == .questionnaires {
            names += (1...Self.itemColumns).map { language == .it ? "domanda_\($0)" : "item_\($0)" }
        }
        return names
    }

    /// The natural key of each kind (METHODS §3).
    static func naturalKey(_ kind: FileKind) -> [ColumnName] {
        switch kind {
        case .groups: return [.groupID]
        case .participants: return [.participantID]
        case .sessions: return [.groupID, .sessionNo]
        case .attendance: return [.groupID, .participantID, .sessionNo]
        case .questionnaires: return [.participantID, .instrument, .wave]
        case .services: return [.participantID, .service, .date]
        case .outcomes: return [.participantID, .eventDate, .outcome]
        case .comparison: return [.personID]
        case .comparisonOutcomes: return [.personID, .eventDate, .outcome]
        }
    }

    /// The workbook of `--xlsx`.
    public var workbookName: String { language == .it ? "modelli.xlsx" : "templates.xlsx" }

    /// Every file: the blank exports (headers only, UTF-8, `,`), with `xlsx`
    /// one workbook of them instead, and the dictionary.
    public func files(xlsx: Bool = false) throws -> [(String, Data)] {
        let writer = CSVWriter(format: .rfc4180)
        var files: [(String, Data)] = []
        if xlsx {
            files.append((workbookName, try TemplateWorkbook(template: self).data()))
        } else {
            for kind in FileKind.allCases.sorted() {
                files.append((fileName(kind), try writer.encode(header: headers(kind), rows: [])))
            }
        }
        files.append(("DATA_DICTIONARY.md", Data(dictionary.utf8)))
        return files
    }

    /// `DATA_DICTIONARY.md`.
    public var dictionary: String {
        let l = language
        var out = l.text("template.data_dictionary_n_n")
        out += l.text("template.one_file_per_kind_import_them")
        for kind in FileKind.allCases.sorted() {
            let schema = ColumnSchema.of(kind)
            out += "\n## \(fileName(kind))\n\n"
            let key = Self.naturalKey(kind).compactMap { name in schema.columns.first { $0.name == name.rawValue }.map(header) }
            out += l.text("template.natural_key") + key.map { "`\($0)`" }.joined(separator: " + ") + ".\n"
            if kind == .attendance {
                out += l.text("template.give_session_no_or_date_one")
            }
            if kind == .questionnaires {
                out += l.text("template.give_the_answers_item_1_as")
            }
            if schema.keepsExtraColumns {
                out += l.text("template.any_other_column_is_kept_as")
            }
            out +=
                "\n| "
                + [
                    l.text("template.column"), l.text("template.required"), l.text("template.meaning"), l.text("template.type"),
                    l.text("template.accepted_values"), l.text("template.example"), l.text("template.also_accepted"),
                ].joined(separator: " | ") + " |\n"
            out += "|---|---|---|---|---|---|---|\n"
            for column in schema.columns {
                let e = column.description(in: kind)
                let pick = { (pair: (en: String, it: String)) in l == .it ? pair.it : pair.en }
                let also = ([column.name] + column.aliases).filter { $0 != header(column) }.map { "`\($0)`" }.joined(separator: ", ")
                let required =
                    column.required
                    ? l.text("template.yes")
                    : (kind == .attendance && ["session_no", "date"].contains(column.name)
                        ? l.text("template.one_of_the_two") : l.text("template.no"))
                out +=
                    "| `\(header(column))` | \(required) | \(pick(e.meaning)) | \(pick(e.type)) | \(pick(e.accepted)) | \(e.example.isEmpty ? "" : "`\(e.example)`") | \(also) |\n"
            }
        }
        return out
    }

    /// Writes the template files into `folder` (a new folder, or the templates
    /// evalrun wrote there before, untouched since: see `OutputFolder`).
    public func write(to folder: OutputFolder, xlsx: Bool = false) throws {
        try folder.write(try files(xlsx: xlsx))
    }
}
