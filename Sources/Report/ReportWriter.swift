import Foundation
import Ingest

/// The files of a report folder: `report.md`, `report.html`, `tables/*.csv`,
/// `report.xlsx`, `figures/*.svg`, `summary.json`. `OutputFolder` writes them
/// (into a staging folder renamed into place, so a failure never leaves half a report).
public struct ReportWriter: Sendable {
    public var csvFormat: CSVFormat

    public init(csvFormat: CSVFormat = .rfc4180) {
        self.csvFormat = csvFormat
    }

    /// Files of one report, by relative path.
    public func files(document: ReportDocument, summary: JSONValue) throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        files.append(("report.md", Data(MarkdownRenderer().render(document).utf8)))
        let writer = CSVWriter(format: csvFormat)
        for table in document.tables {
            files.append(("tables/\(table.id).csv", try writer.encode(header: table.header, rows: table.tidyRows)))
        }
        files.append(("summary.json", Data(summary.serialised().utf8)))
        return files
    }

    /// Files of one report with its HTML page, workbook and figures:
    /// `report.md`, `report.html` (figures inlined), `tables/*.csv`,
    /// `report.xlsx` (a "Notes" sheet of `notes`, then every table; the title
    /// alone when `notes` is `nil`), `figures/*.svg`, `summary.json`. Figure
    /// files are written in the order given. The workbook's creation date is
    /// fixed, so its bytes do not depend on when the report was made.
    public func files(
        document: ReportDocument, summary: JSONValue, language: ReportLanguage, figures: [ReportFigure],
        notes: [(String, String)]? = nil
    ) throws -> [(String, Data)] {
        var files = try self.files(document: document, summary: summary)
        var inline: [String: String] = [:]
        for figure in figures { inline[figure.path] = figure.svg }
        let html = HTMLRenderer(language: language, figures: inline).render(document)
        files.insert(("report.html", Data(html.utf8)), at: 1)
        let json = files.removeLast()
        let workbook = ReportWorkbook(
            notes: notes ?? [(language.text("reportWriter.report"), document.title)], tables: document.tables, language: language)
        files.append(("report.xlsx", try workbook.data(created: ReportWorkbook.fixedCreation)))
        for figure in figures { files.append((figure.path, Data(figure.svg.utf8))) }
        files.append(json)
        return files
    }
}

/// The report could not be written; nothing partial was left behind.
public struct ReportWriteError: Error, CustomStringConvertible {
    public var directory: String
    public var underlying: String
    public var description: String { "\(directory): the report could not be written (\(underlying)); nothing was left half-written" }
}
