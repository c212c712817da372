import Evaluation
import Foundation
import Testing

@testable import Report

@Suite("ReportWorkbook: report.xlsx")
struct ReportWorkbookTests {
    typealias Cell = ReportTable.Cell
    typealias Column = ReportTable.Column

    /// A rate with its interval, a marker row and a text cell starting with `-`.
    static let retention = ReportTable(
        id: "retention", caption: "Retention",
        columns: [
            Column("Indicator", key: "indicator"), Column("Numerator", key: "numerator", .number),
            Column("Rate", key: "rate", .rate), .interval("95% CI", rate: true),
        ],
        rows: [
            [
                .text("Retained"), Cell("99", csv: .integer(99)), Cell("61.9%", csv: .number(0.61875, digits: 6)),
                Cell("54.2% – 69.0%", values: [.number(0.541544, digits: 6), .number(0.690388, digits: 6)]),
            ],
            [
                .text("-1 meeting or fewer"), Cell("<5", csv: .text("[c]"), withheld: .suppressed),
                Cell("[c]", csv: .text("[c]"), withheld: .confidential), Cell("[c]", csv: .text("[c]"), withheld: .confidential),
            ],
        ])

    /// A date, a tiny p-value, an empty interval and an id longer than a sheet name may be.
    static func statistics() throws -> ReportTable {
        let date = try #require(CalendarDate(year: 2016, month: 6, day: 30))
        return ReportTable(
            id: "wellbeing_statistics_with_a_long_name", caption: "Statistics",
            columns: [
                Column("Instrument", key: "instrument"), Column("Since", key: "since"), Column("p", key: "p_value", .number),
                .interval("d_z 95% CI", prefix: "cohen_dz_"),
            ],
            rows: [
                [
                    .text("WEMWBS"), Cell("30 June 2016", csv: .date(date)), Cell("<0.001", csv: .significant(3.2e-12, digits: 6)),
                    Cell("–", values: [.empty, .empty]),
                ],
                [.text("=1+2"), Cell("–", csv: .empty), Cell("–", csv: .text("[x]")), Cell("–", values: [.empty, .empty])],
            ])
    }

    static func workbook() throws -> ReportWorkbook {
        ReportWorkbook(
            notes: [("Report", "Programme evaluation report — 2016"), ("[c]", "Confidential, withheld.")],
            tables: [retention, try statistics()])
    }

    @Test("the workbook is a zip, and the same tables give the same bytes")
    func deterministic() throws {
        let first = try Self.workbook().data()
        #expect(first.starts(with: Array("PK".utf8)))
        let second = try Self.workbook().data()
        #expect(first == second)
        let otherDate = try Self.workbook().data(created: Date(timeIntervalSince1970: 1_000_000_000))
        #expect(otherDate != first)
    }

    @Test("a report's files hold report.xlsx after the tables, with the title on its Notes sheet by default")
    func writerFiles() throws {
        let document = ReportDocument(title: "Programme evaluation report — 2016", blocks: [.table(Self.retention)])
        let files = try ReportWriter().files(document: document, summary: .object([]), language: .en, figures: [])
        #expect(files.map(\.0) == ["report.md", "report.html", "tables/retention.csv", "report.xlsx", "summary.json"])
        let workbook = ReportWorkbook(notes: [("Report", document.title)], tables: [Self.retention])
        #expect(files.first { $0.0 == "report.xlsx" }?.1 == (try workbook.data()))
    }

    @Test("sheet names: at most 31 characters, no forbidden character, unique regardless of case")
    func sheetNames() {
        var names = ReportWorkbook.SheetNames()
        #expect(names.unique("Notes") == "Notes")
        #expect(names.unique("notes") == "notes_2")
        let long = String(repeating: "a", count: 40)
        #expect(names.unique(long) == String(repeating: "a", count: 31))
        #expect(names.unique(long) == String(repeating: "a", count: 29) + "_2")
        #expect(names.unique("a[b]:c*?/\\") == "a_b__c____")
        #expect(names.unique("'quoted'") == "quoted")
        #expect(names.unique("History") == "History_2")
    }

    /// What openpyxl reads from a workbook (every value as text with its Python type).
    struct Reading: Decodable {
        struct Cell: Decodable {
            var value: String?
            /// The Python type of the value (`int`, `float`, `str`, `datetime`, `NoneType`).
            var type: String
            /// openpyxl's data type (`n`, `s`, `d`, `f` for a formula).
            var kind: String
            var format: String
        }
        var sheets: [String]
        var freeze: [String: String?]
        var cells: [String: [[Cell]]]
        var widths: [String: [Double?]]
    }

    static let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "freeze": {}, "cells": {}, "widths": {}}
        for ws in wb.worksheets:
            out["freeze"][ws.title] = ws.freeze_panes
            out["cells"][ws.title] = [
                [{"value": None if c.value is None else (c.value.isoformat() if hasattr(c.value, "isoformat") else str(c.value)),
                  "type": type(c.value).__name__, "kind": c.data_type, "format": c.number_format} for c in row]
                for row in ws.iter_rows()]
            out["widths"][ws.title] = [
                ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]
        print(json.dumps(out))
        """

    @Test("openpyxl reads typed numbers, percentages, text markers, a frozen header and Notes first")
    func readByOpenpyxl() throws {
        let python = try #require(
            Python.withOpenpyxl,
            "openpyxl is missing: apt-get install python3-openpyxl (make deps installs it)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.workbook().data().write(to: file)
        let run = try python.run(["-c", Self.script, file.path])
        try #require(run.status == 0, "openpyxl failed: \(run.stderr)")
        let reading = try JSONDecoder().decode(Reading.self, from: Data(run.stdout.utf8))

        #expect(reading.sheets == ["Notes", "retention", "wellbeing_statistics_with_a_lon"])
        #expect(reading.freeze["retention"] == "A2")
        #expect(reading.freeze["wellbeing_statistics_with_a_lon"] == "A2")

        let notes = try #require(reading.cells["Notes"])
        #expect(notes.map { $0.map(\.value) } == [["Report", "Programme evaluation report — 2016"], ["[c]", "Confidential, withheld."]])

        let retention = try #require(reading.cells["retention"])
        #expect(retention.count == 3)
        #expect(retention[0].map(\.value) == ["indicator", "numerator", "rate", "ci_low", "ci_high"])
        let numerator = retention[1][1]
        #expect(numerator.type == "int" && numerator.value == "99" && numerator.format == "General")
        for (column, expected) in [(2, "0.61875"), (3, "0.541544"), (4, "0.690388")] {
            let cell = retention[1][column]
            #expect(cell.type == "float" && cell.value == expected)
            #expect(cell.format == "0.0%")
        }
        #expect(retention[2].map(\.value) == ["-1 meeting or fewer", "[c]", "[c]", "[c]", "[c]"])
        #expect(retention[2].allSatisfy { $0.type == "str" && $0.kind == "s" })

        let statistics = try #require(reading.cells["wellbeing_statistics_with_a_lon"])
        #expect(statistics[0].map(\.value) == ["instrument", "since", "p_value", "cohen_dz_ci_low", "cohen_dz_ci_high"])
        let since = statistics[1][1]
        #expect(since.type == "datetime" && since.value == "2016-06-30T00:00:00" && since.format == "yyyy-mm-dd")
        #expect(statistics[1][2].type == "float" && statistics[1][2].value == "3.2e-12")
        #expect(statistics[1][3].value == nil && statistics[1][4].value == nil)
        // Text that looks like a formula stays text.
        #expect(statistics[2][0].value == "=1+2" && statistics[2][0].type == "str" && statistics[2][0].kind == "s")
        #expect(statistics[2][2].value == "[x]" && statistics[2][2].type == "str")

        // Columns sized to their content: the indicator column fits "-1 meeting or fewer".
        let widths = try #require(reading.widths["retention"])
        #expect((widths.first ?? nil).map { $0 >= 19 && $0 <= 62 } == true)
    }
}
