internal import GRDB
internal import Logging
internal import Synchronization

/// Batches concurrent write bodies into shared transactions: many bodies, one COMMIT, one fsync.
///
/// ``submit(_:)`` appends the body to a queue and suspends the caller. If no drain is scheduled,
/// it schedules one on GRDB's writer dispatch queue. A drain takes every pending body (up to
/// ``maximumBatch``), runs them in order in one `BEGIN IMMEDIATE` transaction, each inside its
/// own SAVEPOINT, commits, and only then resumes the callers. Bodies submitted while a batch
/// commits wait for the next drain, which is scheduled at once; so under load each fsync carries
/// every write that arrived during the previous one, and with no load a write commits alone with
/// no added delay.
///
/// A body that throws rolls back to its savepoint and only its caller sees the error. If SQLite
/// aborts the whole transaction (disk full, I/O error), the bodies that had already run in it
/// fail with ``StoreError/Code/rolledBack`` and the rest continue in a new transaction. If the
/// COMMIT fails, every body of the batch that had succeeded fails with that error.
///
/// Thread-safety: the queue is guarded by a mutex; drains run only on the writer queue, one at a
/// time. Callers' continuations are resumed from the writer queue after the commit.
final class GroupCommitter: Sendable {
    /// Bodies per transaction at most, to bound how long one batch holds the writer.
    static let maximumBatch = 1024

    private struct Pending: Sendable {
        let body: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var drainScheduled = false
    }

    private let writer: any DatabaseWriter
    private let logger: Logger
    private let state = Mutex(State())

    init(writer: any DatabaseWriter, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    /// Runs `body` in the next group commit; returns its result once the commit is durable.
    func submit<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let pending = Pending(body: { db in try body(db) }, continuation: continuation)
            let schedule = state.withLock { state -> Bool in
                state.queue.append(pending)
                if state.drainScheduled { return false }
                state.drainScheduled = true
                return true
            }
            if schedule { scheduleDrain() }
        }
        return value as! T
    }

    private func scheduleDrain() {
        writer.asyncWriteWithoutTransaction { db in self.drain(db) }
    }

    /// Runs one batch on the writer queue, then schedules the next if bodies arrived meanwhile.
    private func drain(_ db: Database) {
        let batch = state.withLock { state -> [Pending] in
            let count = min(state.queue.count, Self.maximumBatch)
            defer { state.queue.removeFirst(count) }
            return Array(state.queue.prefix(count))
        }
        if !batch.isEmpty {
            let outcomes = run(batch, db)
            for (pending, outcome) in zip(batch, outcomes) {
                pending.continuation.resume(with: outcome)
            }
        }
        let more = state.withLock { state -> Bool in
            if state.queue.isEmpty {
                state.drainScheduled = false
                return false
            }
            return true
        }
        if more { scheduleDrain() }
    }

    /// Runs `batch` in one transaction; returns each body's outcome in order.
    private func run(_ batch: [Pending], _ db: Database) -> [Result<any Sendable, any Error>] {
        var outcomes: [Result<any Sendable, any Error>] = []
        outcomes.reserveCapacity(batch.count)
        /// Index of the first outcome that belongs to the current transaction.
        var transactionStart = 0
        do {
            try db.beginTransaction(.immediate)
        } catch {
            logger.error("could not begin a write transaction", metadata: ["error": "\(error)"])
            return batch.map { _ in .failure(error) }
        }
        for pending in batch {
            do {
                var value: (any Sendable)?
                try db.inSavepoint {
                    value = try pending.body(db)
                    return .commit
                }
                outcomes.append(.success(value!))
            } catch {
                outcomes.append(.failure(error))
                if !db.isInsideTransaction {
                    // SQLite rolled back the whole transaction: the bodies before this one lost
                    // their changes too. Fail them and go on in a fresh transaction.
                    logger.error(
                        "a write transaction was rolled back by the database",
                        metadata: ["bodies": "\(outcomes.count - transactionStart)", "error": "\(error)"])
                    failSucceeded(&outcomes, from: transactionStart, cause: error)
                    transactionStart = outcomes.count
                    do {
                        try db.beginTransaction(.immediate)
                    } catch {
                        while outcomes.count < batch.count { outcomes.append(.failure(error)) }
                        return outcomes
                    }
                }
            }
        }
        do {
            try db.commit()
        } catch {
            logger.error("a group commit failed", metadata: ["bodies": "\(batch.count)", "error": "\(error)"])
            if db.isInsideTransaction { try? db.rollback() }
            for index in transactionStart..<outcomes.count {
                if case .success = outcomes[index] { outcomes[index] = .failure(error) }
            }
        }
        return outcomes
    }

    private func failSucceeded(_ outcomes: inout [Result<any Sendable, any Error>], from start: Int, cause: any Error) {
        let rolledBack = StoreError(
            code: .rolledBack, message: "the write was rolled back with its group commit",
            cause: cause)
        for index in start..<outcomes.count {
            if case .success = outcomes[index] { outcomes[index] = .failure(rolledBack) }
        }
    }
}
