import Foundation

/// Writes a report directory: `report.md`, `tables/*.csv`, `summary.json`.
/// Everything is written into a temporary sibling folder first and renamed into
/// place at the end, so a failure (disk full, a bug) never leaves a partial
/// report behind and an existing report is replaced whole.
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
            files.append(("tables/\(table.id).csv", try writer.encode(header: table.columns, rows: table.rows.map { $0.map(\.csv) })))
        }
        files.append(("summary.json", Data(summary.serialised().utf8)))
        return files
    }

    /// Writes the files into `directory`, atomically replacing it.
    public func write(_ files: [(String, Data)], to directory: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            for (path, data) in files {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            if fm.fileExists(atPath: target.path) {
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
                try? fm.removeItem(at: old)
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw ReportWriteError(directory: directory, underlying: "\(error)")
        }
    }
}

/// The report could not be written; nothing partial was left behind.
public struct ReportWriteError: Error, CustomStringConvertible {
    public var directory: String
    public var underlying: String
    public var description: String { "\(directory): the report could not be written (\(underlying)); nothing was left half-written" }
}
