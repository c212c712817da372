import Foundation

/// Access to the committed reference fixtures under `Tests/EvaluationTests/Fixtures/<name>/`.
///
/// Each fixture folder holds the data (`data.csv` or similar), the R script that
/// produced the reference values (`generate.R`) and its output (`expected.json`).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture file not found: \(path)" }
    }

    /// The URL of `file` in fixture folder `name`.
    static func url(_ name: String, _ file: String) throws -> URL {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Fixtures") else {
            throw Missing(path: "Fixtures")
        }
        let url = root.appendingPathComponent(name).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The raw bytes of `file` in fixture folder `name`.
    static func data(_ name: String, _ file: String) throws -> Data {
        try Data(contentsOf: url(name, file))
    }

    /// `expected.json` (or another JSON file) of fixture `name`, decoded as `T`.
    static func json<T: Decodable>(_ type: T.Type, _ name: String, _ file: String = "expected.json") throws -> T {
        try JSONDecoder().decode(T.self, from: data(name, file))
    }
}
