import Evaluation
import Foundation
import Testing

@testable import Report

/// `evalrun template DIR` (METHODS §7): the blank files, filled in as a
/// facilitator would, import without any mapping, in both languages; the
/// dictionary describes every column of every file.
@Suite("templates through the executable", .enabled(if: !EvalrunProcess.skipped && EvalrunProcess.executable != nil))
struct TemplateTests {
    /// A small programme, by file kind and canonical column (items of questionnaires by number).
    static let programme: [String: [[String: String]]] = [
        "groups": [["group_id": "G1", "composition": "omogeneo", "site": "Forlì", "planned_sessions": "3"]],
        "participants": (1...6).map {
            ["participant_id": "P\($0)", "group_id": "G1", "enrolled_on": "01/02/2016", "sex": $0 % 2 == 0 ? "F" : "M"]
        },
        "sessions": (1...3).map { ["group_id": "G1", "session_no": "\($0)", "date": "1\($0)/02/2016"] },
        "attendance": (1...6).flatMap { p in
            (1...3).map { k in ["group_id": "G1", "participant_id": "P\(p)", "session_no": "\(k)", "present": p == 6 && k > 1 ? "0" : "1"] }
        },
        "questionnaires": (1...6).map {
            [
                "participant_id": "P\($0)", "instrument": "SWEMWBS", "wave": "ingresso", "item_1": "3", "item_2": "3", "item_3": "3",
                "item_4": "3", "item_5": "3", "item_6": "3", "item_7": "3",
            ]
        },
        "services": [["participant_id": "P1", "service": "counselling", "date": "20/02/2016", "hours": "1.5", "amount": "60"]],
        "outcomes": [["participant_id": "P2", "event_date": "01/06/2016", "outcome": "tempo_determinato"]],
        "comparison": (1...4).map {
            ["person_id": "C\($0)", "reference_date": "15/01/2016", "sex": $0 % 2 == 0 ? "F" : "M", "birth_year": "197\($0)"]
        },
        "comparison_outcomes": [["person_id": "C3", "event_date": "01/05/2016", "outcome": "tirocinio"]],
    ]

    /// The canonical name a template header stands for (items `domanda_k` / `item_k`).
    static func canonical(_ header: String, kind: FileKind) -> String {
        if let k = ColumnSchema.itemNumber(header) { return "item_\(k)" }
        return ColumnSchema.of(kind).canonicalName(for: header) ?? header
    }

    @Test("templates filled with a small programme import as they are, in Italian and English; the report runs")
    func fillAndImport() throws {
        for lang in ["it", "en"] {
            let project = try ProjectFolder()
            defer { try? FileManager.default.removeItem(at: project.url) }
            let folder = project.url.appendingPathComponent("modelli")
            let made = try EvalrunProcess.run(["template", folder.path, "--lang", lang, "--quiet"], in: project.url)
            try #require(made.status == 0, "\(made.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names.contains("DATA_DICTIONARY.md"))
            #expect(names.contains(lang == "it" ? "presenze.csv" : "attendance.csv"))
            // The blank files import as they are (nothing to import, no error).
            let blank = try EvalrunProcess.run(["import", folder.path, "--db", project.database, "--quiet"], in: project.url)
            #expect(blank.status == 0, "\(blank.stderr)")
            for name in names where name.hasSuffix(".csv") {
                let url = folder.appendingPathComponent(name)
                let kind = try #require(FileKind(fileName: name))
                let header = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(whereSeparator: \.isNewline)[0]
                    .split(separator: ",").map(String.init)
                var text = header.joined(separator: ",") + "\n"
                for row in Self.programme[kind.rawValue] ?? [] {
                    text +=
                        header.map { row[Self.canonical($0, kind: kind)] ?? "" }.map { $0.contains(",") ? "\"\($0)\"" : $0 }
                        .joined(separator: ",") + "\n"
                }
                try Data(text.utf8).write(to: url)
            }
            let imported = try EvalrunProcess.run(["import", folder.path, "--db", project.database, "--quiet"], in: project.url)
            try #require(imported.status == 0, "\(lang): \(imported.stderr)")
            let files = try ReportOptionsTests.report(project, ["--period", "2016", "--no-suppress"])
            let summary = try #require(try JSONSerialization.jsonObject(with: files["/summary.json"] ?? Data()) as? [String: Any])
            #expect((summary["reach"] as? [String: Any])?["enrolled"] as? Int == 6, "\(lang)")
            #expect((summary["retention"] as? [String: Any])?["retained"] as? Int == 5, "\(lang)")
            #expect((summary["reemployment"] as? [String: Any])?["employed"] as? Int == 1, "\(lang)")
        }
    }

    @Test("the dictionary names every column of every file with its meaning and the natural keys")
    func dictionary() throws {
        for language in [ReportLanguage.en, .it] {
            let template = ImportTemplate(language: language)
            let text = template.dictionary
            for kind in FileKind.allCases {
                #expect(text.contains("## \(template.fileName(kind))"))
                for column in ColumnSchema.of(kind).columns {
                    let line = text.split(separator: "\n").first { $0.hasPrefix("| `\(template.header(column))` |") }
                    #expect(line != nil, "\(kind) \(column.name)")
                    let cells = line?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
                    #expect(cells.count >= 5 && !cells[2].isEmpty && !cells[3].isEmpty, "\(kind) \(column.name): meaning and type")
                }
            }
            #expect(
                text.contains(
                    language == .it
                        ? "Chiave naturale: `codice_partecipante` + `strumento` + `rilevazione`"
                        : "Natural key: `participant_id` + `instrument` + `wave`"))
        }
    }

    @Test("template --xlsx: one workbook, a sheet per kind with comments and drop-down lists; filled in, each sheet imports")
    func workbook() throws {
        let python = try #require(
            Python.withOpenpyxl, "apt-get install python3-openpyxl (make deps installs it) to read workbooks back")
        let project = try ProjectFolder()
        defer { try? FileManager.default.removeItem(at: project.url) }
        let folder = project.url.appendingPathComponent("modelli")
        let made = try EvalrunProcess.run(["template", folder.path, "--lang", "it", "--xlsx", "--quiet"], in: project.url)
        try #require(made.status == 0, "\(made.stderr)")
        let book = folder.appendingPathComponent("modelli.xlsx").path
        // Fill every sheet from the programme, by the canonical name of each header, as a spreadsheet user would.
        var rows: [String: [[String]]] = [:]
        for kind in FileKind.allCases {
            let template = ImportTemplate(language: .it)
            let headers = template.headers(kind)
            rows[String(template.fileName(kind).dropLast(4))] = (Self.programme[kind.rawValue] ?? []).map { row in
                headers.map { row[Self.canonical($0, kind: kind)] ?? "" }
            }
        }
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            checks = {}
            for name, rows in json.loads(sys.argv[2]).items():
                sheet = book[name]
                checks[name] = [bool(sheet["A1"].comment), sheet.freeze_panes, len(sheet.data_validations.dataValidation)]
                for row in rows:
                    sheet.append([cell if cell != "" else None for cell in row])
            book.save(sys.argv[1])
            print(json.dumps(checks, sort_keys=True))
            """
        let filled = try python.run(["-c", script, book, payload])
        try #require(filled.status == 0, "\(filled.stderr)")
        let checks = try #require(try JSONSerialization.jsonObject(with: Data(filled.stdout.utf8)) as? [String: [Any]])
        #expect(checks.count == 9)
        #expect(checks["presenze"]?[0] as? Bool == true && checks["presenze"]?[1] as? String == "A2")
        #expect(checks["presenze"]?[2] as? Int == 1 && checks["esiti"]?[2] as? Int == 1 && checks["gruppi"]?[2] as? Int == 1)
        for kind in FileKind.allCases.sorted() {
            let imported = try project.importFile(kind.rawValue, book)
            try #require(imported.status == 0, "\(kind): \(imported.stderr)")
        }
        let files = try ReportOptionsTests.report(project, ["--period", "2016", "--no-suppress"])
        let summary = try #require(try JSONSerialization.jsonObject(with: files["/summary.json"] ?? Data()) as? [String: Any])
        #expect((summary["reach"] as? [String: Any])?["enrolled"] as? Int == 6)
        #expect((summary["reemployment"] as? [String: Any])?["employed"] as? Int == 1)
    }
}
