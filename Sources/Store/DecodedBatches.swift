import Foundation
import Ingest

/// A file's records read and decoded on a second thread while the importer writes
/// the rows decoded before them: the two halves of an import (scanning, decoding and
/// checking values; resolving codes and writing to SQLite) take about as long as
/// each other, and a machine has more than one core.
///
/// The rows and the decoder's problems arrive in batches, in file order, each
/// problem with the record it was found on, so the importer appends them exactly
/// where a one-thread import would (a record's decoding problems, then its rows'
/// own). At most `capacity` batches wait: memory stays bounded whatever the file.
final class DecodedBatches<Row: Sendable>: @unchecked Sendable {
    struct Batch {
        var rows: [Row] = []
        /// Per record of the batch, where its rows end in `rows` (a wide register gives several per record).
        var recordEnds: [Int] = []
        /// The decoder's problems, with the record of the batch each list belongs to.
        var problems: [(record: Int, list: ProblemList)] = []
    }

    /// What the reading thread found besides the rows.
    struct Outcome {
        var records = 0
        /// Problems of the file's structure (CSV quoting, widths, encoding).
        var structural: ProblemList
        /// Why reading stopped early, if it did (an unreadable file).
        var failure: (any Error)?
    }

    static var recordsPerBatch: Int { 4096 }
    private let capacity = 3
    private let condition = NSCondition()
    private var waiting: [Batch] = []
    private var outcome: Outcome?
    private var cancelled = false

    /// The reading side: hands over a full batch; `false` once the importer stopped.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// The reading side: reading is over (to the end, or stopped by `outcome.failure`).
    func finish(_ outcome: Outcome) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The importer's side: the next batch, or `nil` once every batch was taken and reading is over.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && outcome == nil { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The importer's side: stop reading (the import failed); returns once the reading thread has.
    func cancel() -> Outcome {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        return finished
    }

    /// The importer's side, after `take` returned `nil`: what reading found.
    var finished: Outcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let outcome { return outcome }
            condition.wait()
        }
    }

    /// Starts reading `source` through `decoder` on a new thread.
    static func reading<D: RowDecoder>(_ source: CSVSource, _ decoder: D, problemLimit: Int) -> DecodedBatches<D.Row>
    where D.Row == Row {
        let batches = DecodedBatches<Row>()
        let work = UncheckedTransfer { batches.read(source, decoder, problemLimit: problemLimit) }
        let thread = Thread { work.value() }
        // The scanner and decoders keep their state on the heap; a generous stack all the same.
        thread.stackSize = 8 << 20
        thread.start()
        return batches
    }

    private struct Stopped: Error {}

    private func read<D: RowDecoder>(_ source: CSVSource, _ decoder: D, problemLimit: Int) where D.Row == Row {
        var outcome = Outcome(structural: ProblemList(limit: problemLimit))
        var batch = Batch()
        var found = ProblemList(limit: problemLimit)
        do {
            try source.forEachRecord(problems: &outcome.structural) { record in
                outcome.records += 1
                decoder.decode(record, problems: &found) { batch.rows.append($0) }
                if !found.isEmpty {
                    batch.problems.append((batch.recordEnds.count, found))
                    found = ProblemList(limit: problemLimit)
                }
                batch.recordEnds.append(batch.rows.count)
                if batch.recordEnds.count == Self.recordsPerBatch {
                    guard put(batch) else { throw Stopped() }
                    batch = Batch()
                }
            }
        } catch is Stopped {
        } catch {
            outcome.failure = error
        }
        if !batch.recordEnds.isEmpty { _ = put(batch) }
        finish(outcome)
    }
}

/// A value handed to the one thread that uses it from then on.
private struct UncheckedTransfer<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
