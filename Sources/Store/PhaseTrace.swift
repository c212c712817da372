import Foundation

/// Phase timings of one import on stderr when `EVALRUN_TRACE=1` (for
/// benchmarking imports); silent otherwise. A value carried by the importer,
/// so concurrent imports keep their own clocks.
struct PhaseTrace {
    let enabled: Bool
    private var last = Date()

    init(enabled: Bool = ProcessInfo.processInfo.environment["EVALRUN_TRACE"] == "1") {
        self.enabled = enabled
    }

    /// Restarts the clock (at the start of a file).
    mutating func start() {
        guard enabled else { return }
        last = Date()
    }

    mutating func mark(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "%8.3f s  %@\n", now.timeIntervalSince(last), what()).utf8))
        last = now
    }
}
