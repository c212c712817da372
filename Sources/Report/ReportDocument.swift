import EvaluationDomain
import Indicators
import Ingest
import Statistics
import Store

/// A report laid out as blocks, independent of the output format: the
/// Markdown, HTML and CSV renderers all read the same document.
public struct ReportDocument: Sendable {
    public var title: String
    public var blocks: [Block]

    public enum Block: Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case bullets([String])
        /// The key figures a reader sees first: short sentences, set apart.
        case keyFigures([String])
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
/// Its columns carry the report's wording and the `snake_case` keys of the
/// CSV and workbook headers, the same in every language (METHODS §6).
public struct ReportTable: Sendable {
    /// File stem for `tables/<id>.csv`.
    public var id: String
    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Printed under the table (what its markers mean); not written to CSV.
    public var footnote: String?

    /// A column: its heading in the report, its key or keys in the tidy
    /// table (an interval is two: `ci_low`, `ci_high`) and what it holds.
    public struct Column: Sendable {
        public var label: String
        public var keys: [String]
        public var content: Content

        public enum Content: Sendable, Equatable {
            case text
            /// Numbers (or markers); right-aligned.
            case number
            /// Fractions 0–1, shown as percentages.
            case rate
            /// Amounts of money (a workbook gives them a thousands separator and two decimals).
            case money
            /// p-values (a workbook gives them a fixed number of decimals).
            case pValue
        }

        public init(_ label: String, key: String, _ content: Content = .text) {
            self.label = label
            self.keys = [key]
            self.content = content
        }

        /// A 95% interval: one column in the report, `<prefix>ci_low` and
        /// `<prefix>ci_high` in the tidy table.
        public static func interval(_ label: String, prefix: String = "", rate: Bool = false) -> Column {
            var c = Column(label, key: prefix + "ci_low", rate ? .rate : .number)
            c.keys.append(prefix + "ci_high")
            return c
        }

        public var isNumeric: Bool { content != .text }
    }

    /// A table cell: its display text and the value or values written to the
    /// tidy table (two for an interval).
    public struct Cell: Sendable {
        public var display: String
        public var values: [CSVCell]
        /// Set when the cell withholds a figure (its footnote explains the marker).
        public var withheld: Withholding?
        /// How a workbook formats the cell's number when not as its column says (an
        /// amount of money in a column of counts).
        public var style: Column.Content?

        /// Why a cell shows a marker instead of a figure.
        public enum Withholding: Sendable, Equatable {
            /// `<5`: a count from 1 to threshold − 1.
            case suppressed
            /// `[c]`: withheld to protect another figure, or computed from too few people.
            case confidential
        }

        public init(_ display: String, csv: CSVCell, withheld: Withholding? = nil) {
            self.init(display, values: [csv], withheld: withheld)
        }

        public init(_ display: String, values: [CSVCell], withheld: Withholding? = nil) {
            self.display = display
            self.values = values
            self.withheld = withheld
        }

        public static func text(_ s: String) -> Cell { Cell(s, csv: .text(s)) }
    }

    public init(id: String, caption: String, columns: [Column], rows: [[Cell]], footnote: String? = nil) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footnote = footnote
    }

    /// Indices of the numeric columns (right-aligned).
    public var numeric: Set<Int> { Set(columns.indices.filter { columns[$0].isNumeric }) }

    /// The tidy header: every column's keys.
    public var header: [String] { columns.flatMap(\.keys) }

    /// The tidy rows: a cell with fewer values than its column has keys (a
    /// marker in an interval column) repeats its value.
    public var tidyRows: [[CSVCell]] {
        rows.map { row in
            zip(columns, row).flatMap { column, cell in
                cell.values.count == column.keys.count
                    ? cell.values : Array(repeating: cell.values.first ?? .empty, count: column.keys.count)
            }
        }
    }

    /// For each tidy cell, how a workbook formats it: the cell's style, else its column's.
    public var tidyStyles: [[Column.Content]] {
        rows.map { row in
            zip(columns, row).flatMap { column, cell in column.keys.map { _ in cell.style ?? column.content } }
        }
    }

    /// For each tidy column, what it holds.
    public var tidyContents: [Column.Content] { columns.flatMap { c in c.keys.map { _ in c.content } } }
}
