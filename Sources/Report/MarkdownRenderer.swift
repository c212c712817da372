import Foundation

/// Renders a `ReportDocument` as GitHub-flavoured Markdown: aligned pipe
/// tables (numbers right-aligned), figures linked relatively.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: ReportDocument) -> String {
        var out = "# \(document.title)\n"
        for block in document.blocks {
            out += "\n"
            switch block {
            case .heading(let level, let text):
                out += String(repeating: "#", count: min(max(level, 2), 6)) + " " + text + "\n"
            case .paragraph(let text):
                out += text + "\n"
            case .bullets(let items), .keyFigures(let items):
                out += items.map { "- " + $0 }.joined(separator: "\n") + "\n"
            case .table(let table):
                out += render(table)
            case .figure(let file, let caption):
                out += "![\(escape(caption))](\(file))\n"
            }
        }
        return out
    }

    func render(_ table: ReportTable) -> String {
        let header = table.columns.map { escape($0.label) }
        let body = table.rows.map { $0.map { escape($0.display) } }
        var widths = header.map(\.count)
        for row in body {
            for (j, cell) in row.enumerated() where j < widths.count { widths[j] = max(widths[j], cell.count, 3) }
        }
        func line(_ cells: [String]) -> String {
            "| "
                + cells.enumerated().map { j, cell in
                    let pad = String(repeating: " ", count: max(0, widths[j] - cell.count))
                    return table.numeric.contains(j) ? pad + cell : cell + pad
                }.joined(separator: " | ") + " |\n"
        }
        var out = "*\(escape(table.caption))*\n\n"
        out += line(header)
        out +=
            "| "
            + widths.indices.map { j in
                table.numeric.contains(j)
                    ? String(repeating: "-", count: max(widths[j] - 1, 2)) + ":" : String(repeating: "-", count: max(widths[j], 3))
            }.joined(separator: " | ") + " |\n"
        for row in body { out += line(row) }
        if let note = table.footnote { out += "\n" + note + "\n" }
        return out
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
