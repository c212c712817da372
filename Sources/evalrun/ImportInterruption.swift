import Dispatch
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during an import. The import runs in one SQLite
/// transaction, so stopping the process before the commit leaves the database as
/// it was; this says so and exits 130 (128 + SIGINT, as shells expect) instead of
/// dying silently. Once the rows are written and the commit begins
/// (`ImportOptions.willCommit`), an interruption waits for the commit and is then
/// reported as such: the message is never wrong about what the database holds.
final class ImportInterruption: @unchecked Sendable {
    private enum Phase { case importing, committing, finished }

    private let lock = NSLock()
    private var phase = Phase.importing
    private var requested = false
    private var sources: [any DispatchSourceSignal] = []

    /// Starts listening for SIGINT and SIGTERM.
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.interrupted() }
            source.resume()
            sources.append(source)
        }
    }

    /// To be called by the store just before it commits.
    func willCommit() {
        lock.withLock { phase = .committing }
    }

    /// The import returned (committed, rolled back or failed): an interruption that
    /// arrived during the commit is reported now; the signals get their default back.
    func finish() {
        let wasRequested = lock.withLock {
            phase = .finished
            return requested
        }
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        if wasRequested {
            Terminal.error("\ninterrupted: the import had already been committed and is complete")
            exit(130)
        }
    }

    private func interrupted() {
        lock.lock()
        switch phase {
        case .importing:
            // The transaction is open and not committed: ending the process here rolls it back.
            Terminal.error("\ninterrupted: nothing was imported (the database is as it was)")
            _exit(130)
        case .committing:
            requested = true
            lock.unlock()
        case .finished:
            lock.unlock()
        }
    }
}
