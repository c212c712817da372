/// A report laid out as blocks, independent of the output format: the
/// Markdown, HTML and CSV renderers all read the same document.
public struct ReportDocument: Sendable {
    public var title: String
    public var blocks: [Block]

    public enum Block: Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case bullets([String])
        case table(ReportTable)
        case figure(file: String, caption: String)
    }

    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Every table, in order (each becomes `tables/<id>.csv`).
    public var tables: [ReportTable] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}

/// A tidy table: one header row, typed cells, a caption and a file id.
public struct ReportTable: Sendable {
    /// File stem for `tables/<id>.csv`.
    public var id: String
    public var caption: String
    public var columns: [String]
    public var rows: [[Cell]]
    /// Which columns are numeric (right-aligned in Markdown).
    public var numeric: Set<Int>

    /// A table cell: its display text and the value written to CSV.
    public struct Cell: Sendable {
        public var display: String
        public var csv: CSVCell

        public init(_ display: String, csv: CSVCell) {
            self.display = display
            self.csv = csv
        }

        public static func text(_ s: String) -> Cell { Cell(s, csv: .text(s)) }
    }

    public init(id: String, caption: String, columns: [String], rows: [[Cell]], numeric: Set<Int> = []) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
    }
}
