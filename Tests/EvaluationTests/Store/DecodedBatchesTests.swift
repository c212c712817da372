import Foundation
import Testing

@testable import Ingest
@testable import Store

@Suite("Records decoded on a second thread")
struct DecodedBatchesTests {
    typealias Batches = DecodedBatches<Int>

    /// A batch of one record with one row.
    static func batch(_ n: Int) -> Batches.Batch {
        var batch = Batches.Batch()
        batch.rows = [n]
        batch.recordEnds = [1]
        return batch
    }

    @Test("batches arrive in order, then the end with what reading found")
    func inOrder() {
        let batches = Batches()
        let producer = Thread {
            for n in 0..<20 { _ = batches.put(Self.batch(n)) }
            batches.finish(.init(records: 20, structural: ProblemList(limit: 5)))
        }
        producer.start()
        var taken: [Int] = []
        while let batch = batches.take() { taken += batch.rows }
        #expect(taken == Array(0..<20))
        #expect(batches.finished.records == 20)
    }

    @Test("an importer that stops releases a reader blocked on a full queue, and waits for it")
    func cancelWhileFull() {
        let batches = Batches()
        let refused = Locked(false)
        let producer = Thread {
            for n in 0..<100 {
                guard batches.put(Self.batch(n)) else {
                    refused.set(true)
                    break
                }
            }
            batches.finish(.init(records: 0, structural: ProblemList(limit: 5)))
        }
        producer.start()
        #expect(batches.take()?.rows == [0])
        _ = batches.cancel()
        #expect(refused.value)
    }
}

/// A value shared with a thread.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
}
