import Foundation

/// A `python3` for tests that read outputs back: the one on `PATH`, else
/// Debian's (where `apt-get install python3-openpyxl` puts openpyxl).
struct Python {
    let executable: URL
    let prefix: [String]

    static let candidates = [
        Python(executable: URL(fileURLWithPath: "/usr/bin/env"), prefix: ["python3"]),
        Python(executable: URL(fileURLWithPath: "/usr/bin/python3"), prefix: []),
    ]

    /// The first candidate that can import `module`.
    static func importing(_ module: String) -> Python? {
        candidates.first { python in
            FileManager.default.isExecutableFile(atPath: python.executable.path)
                && (try? python.run(["-c", "import \(module)"]).status) == 0
        }
    }

    static let withOpenpyxl = importing("openpyxl")
    static let withZipfile = importing("zipfile")

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `python3 arguments…` to the end.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = prefix + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }
}

/// The text a reader finds in an output file: the file itself, or for a
/// workbook (`.xlsx`, a zip) its strings, sheet names and document
/// properties. A scan of a zip's compressed bytes would miss a name inside
/// and could spell a short code such as `P1` by chance; a scan of all its XML
/// would meet cell references such as `P1`.
enum OutputText {
    static func of(_ name: String, _ data: Data) throws -> String {
        guard name.hasSuffix(".xlsx") else { return String(decoding: data, as: UTF8.self) }
        guard let python = Python.withZipfile else { throw Python.Missing(description: "python3 is needed to read \(name)") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            parts = ["xl/sharedStrings.xml", "xl/workbook.xml", "docProps/app.xml", "docProps/core.xml"]
            sys.stdout.write("\\n".join(z.read(p).decode("utf-8") for p in parts if p in z.namelist()))
            """
        let run = try python.run(["-c", script, file.path])
        guard run.status == 0 else { throw Python.Missing(description: "\(name) could not be read: \(run.stderr)") }
        return run.stdout
    }
}
