import EvaluationDomain
import Foundation
import Ingest

/// Phase timings on stderr when `EVALRUN_TRACE=1` (for benchmarking imports);
/// silent otherwise.
enum PhaseTrace {
    static let enabled = ProcessInfo.processInfo.environment["EVALRUN_TRACE"] == "1"
    nonisolated(unsafe) private static var last = Date()

    /// Restarts the clock (at the start of an import).
    static func start() {
        guard enabled else { return }
        last = Date()
    }

    static func mark(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "%8.3f s  %@\n", now.timeIntervalSince(last), what()).utf8))
        last = now
    }
}
