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

/// A command's progress as one line on stderr, a bar of its steps with what it
/// is doing and for how long: `[######------] 3/5 computing the indicators · 2.1 s`.
///
/// Drawn only on a terminal and not with `--quiet`, and only once the command
/// has run for a second (a quick command prints nothing); a timer redraws it
/// while a long step runs, so the clock moves even when the work reports nothing.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var label: String
    private var detail = ""
    private var done = 0
    private var total: Int
    private var started = false
    private var drawn = false
    private var finished = false
    private var paused = false
    private var timer: (any DispatchSourceTimer)?

    /// - Parameters:
    ///   - total: steps the command will take (`step` moves on by one; 0 shows no bar).
    init(_ label: String, steps total: Int = 0, quiet: Bool) {
        self.label = label
        self.total = total
        enabled = !quiet && Terminal.stderrIsTerminal
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    /// Starts the next step.
    func step(_ label: String) {
        guard enabled else { return }
        lock.lock()
        advance()
        paused = false
        self.label = label
        detail = ""
        lock.unlock()
    }

    /// Changes the number of steps (when it is known only once the work is under way).
    func setSteps(_ total: Int) {
        guard enabled else { return }
        lock.lock()
        self.total = total
        lock.unlock()
    }

    /// Rows read so far of `file` (an import), with their rate; a new file is the next step.
    func update(_ file: String, rows: Int) {
        guard enabled else { return }
        lock.lock()
        if file != label {
            advance()
            label = file
        }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        detail = "\(rows.formatted()) rows (\(Int(rate).formatted()) rows/s)"
        lock.unlock()
    }

    /// Counts the step under way as done (called with the lock held).
    private func advance() {
        if started && done < total { done += 1 }
        started = true
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished && !paused else { return }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= 1 else { return }
        var text = "\r\u{1B}[K"
        if total > 0 {
            let width = 20
            let filled = min(width, done * width / total)
            text += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            text += "\(min(done + 1, total))/\(total) "
        }
        text += label
        if !detail.isEmpty { text += ": " + detail }
        text += String(format: " · %.1f s", elapsed)
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Clears the line until the next step (for messages between steps).
    func pause() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        paused = true
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// Clears the line for good (before the command's own messages).
    func finish() {
        guard enabled else { return }
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
