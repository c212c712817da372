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
    /// Printed under the table (what its markers mean); not written to CSV.
    public var footnote: String?

    /// A table cell: its display text and the value written to CSV.
    public struct Cell: Sendable {
        public var display: String
        public var csv: CSVCell
        /// Set when the cell withholds a figure (its footnote explains the marker).
        public var withheld: Withholding?

        /// Why a cell shows a marker instead of a figure.
        public enum Withholding: Sendable, Equatable {
            /// `<5`: a count from 1 to threshold − 1.
            case suppressed
            /// `[c]`: withheld to protect another figure, or computed from too few people.
            case confidential
        }

        public init(_ display: String, csv: CSVCell, withheld: Withholding? = nil) {
            self.display = display
            self.csv = csv
            self.withheld = withheld
        }

        public static func text(_ s: String) -> Cell { Cell(s, csv: .text(s)) }
    }

    public init(id: String, caption: String, columns: [String], rows: [[Cell]], numeric: Set<Int> = [], footnote: String? = nil) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.numeric = numeric
        self.footnote = footnote
    }
}
