import Foundation

/// Output helpers: messages to stderr, progress only on a terminal.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func note(_ text: String, quiet: Bool = false) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// A one-line progress display on stderr, redrawn at most ten times a second;
/// silent when stderr is not a terminal.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private let start = Date()
    private var drawn = false

    init(_ label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && Terminal.stderrIsTerminal
    }

    func update(_ label: String? = nil, rows: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let text = "\r\u{1B}[K\(label ?? self.label): \(rows.formatted()) rows (\(Int(rate).formatted()) rows/s)"
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
