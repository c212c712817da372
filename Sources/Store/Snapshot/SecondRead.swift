import Foundation
import GRDB

/// A part of the snapshot read on a second connection while the first reads the rest
/// (a file-backed database has a pool of readers; two tables read at once take the
/// time of the longer). The second connection's transaction may begin after an import
/// committed: it is used only if it sees the same imports as the first (`version`),
/// and `value()` is `nil` otherwise, or for an in-memory database (one connection),
/// so that the caller reads the part itself.
final class SecondRead<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<Value?, any Error>?

    init(store: EvaluationStore, version: [Int64], _ read: @escaping @Sendable (Database) throws -> Value) {
        guard store.writer is DatabasePool else {
            result = .success(nil)
            return
        }
        let thread = Thread { [self] in
            let outcome = Result<Value?, any Error> {
                try store.read { db in
                    guard try EvaluationStore.importVersion(db) == version else { return nil }
                    return try read(db)
                }
            }
            condition.lock()
            result = outcome
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The part as read, once the second connection is done; `nil` when the caller must read it.
    func value() throws -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result { return try result.get() }
            condition.wait()
        }
    }
}
