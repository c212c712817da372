import Foundation
import Ingest

extension ReportDocument {
    /// The files of a document written on its own (`compare --out`, `impact --out`), by
    /// relative path: `NAME.md`, `NAME.html` (figures inline, printable), every table as
    /// `tables/ID.csv` (tidy, in `csvFormat`), `NAME.json`, and the figures.
    func standaloneFiles(
        name: String, figures: [ReportFigure], json: JSONValue, language: ReportLanguage, csvFormat: CSVFormat
    ) throws -> [(String, Data)] {
        var inline: [String: String] = [:]
        for figure in figures { inline[figure.path] = figure.svg }
        var files: [(String, Data)] = [
            ("\(name).md", Data(MarkdownRenderer().render(self).utf8)),
            ("\(name).html", Data(HTMLRenderer(language: language, figures: inline).render(self).utf8)),
        ]
        let writer = CSVWriter(format: csvFormat)
        for table in tables {
            files.append(("tables/\(table.id).csv", try writer.encode(header: table.header, rows: table.tidyRows)))
        }
        files.append(("\(name).json", Data(json.serialised().utf8)))
        for figure in figures { files.append((figure.path, Data(figure.svg.utf8))) }
        return files
    }
}
