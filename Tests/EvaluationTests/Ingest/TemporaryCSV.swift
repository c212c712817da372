import Foundation

/// Writes test inputs to a fresh temporary folder (for bytes that are generated rather
/// than committed: huge fields, NUL bytes, UTF-16).
enum TemporaryCSV {
    /// Writes `bytes` to a new file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("evalrun-csv-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes `text` as UTF-8 to a new file and returns its path.
    static func write(_ text: String, name: String = "input.csv") throws -> String {
        try write(Array(text.utf8), name: name)
    }
}
