internal import Foundation
internal import GRDB
internal import Logging
internal import Synchronization
internal import TiltsStore

/// Appends audit events to the chain in the gateway's store, in batches, off the call path.
///
/// ``record(_:)`` queues an event and returns at once; a single drain task writes everything
/// queued in one group-committed transaction (one fsync), linking each row to the one before.
/// So an entry is durable within one commit after its call ended (milliseconds), not before the
/// caller got its answer: an fsync on every call's path would multiply the gateway's latency. A
/// crash of the gateway process (or the machine) can lose the entries of that last window; a
/// graceful stop writes everything queued first (``flush()``).
///
/// Fail closed: when a write fails the batch is kept and retried, and while the log is behind
/// (a failed write, or more than `maxBacklog` queued) ``isAccepting`` is false and the gateway
/// refuses calls with UNAVAILABLE rather than serve data it cannot audit.
///
/// Only this type writes `audit_entry`, one batch at a time, so the chain is linear. Thread-safe.
final class AuditLog: Sendable {
    private struct State {
        var queue: [AuditEvent] = []
        var draining = false
        var failing = false
        var dropped = 0
        /// Events queued and events written since start; ``flush()`` waits for its own target.
        var enqueued = 0
        var written = 0
        var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
        /// The last row this process wrote (for detecting truncation).
        var head: (seq: Int64, hash: [UInt8])?
    }

    let database: ServiceDatabase
    let logger: Logger
    let maxBacklog: Int
    /// How long the writer lets events gather before a write, so that light traffic still
    /// shares fsyncs: the durability window is this plus one commit.
    let linger: Duration
    private let state = Mutex(State())
    /// The largest batch written in one transaction.
    static let maxBatch = 4096

    init(database: ServiceDatabase, logger: Logger, maxBacklog: Int = 50_000, linger: Duration = .milliseconds(5)) {
        self.database = database
        self.logger = logger
        self.maxBacklog = maxBacklog
        self.linger = linger
    }

    /// Whether the log keeps up: false after a failed write until a retry succeeds, or while the
    /// backlog is over its bound.
    var isAccepting: Bool {
        state.withLock { !$0.failing && $0.queue.count < maxBacklog }
    }

    /// Whether everything queued has been written.
    var isIdle: Bool { state.withLock { $0.queue.isEmpty && !$0.draining } }

    /// The newest row written by this process, if any.
    var head: (seq: Int64, hash: [UInt8])? { state.withLock { $0.head } }

    /// Queues one event. Events beyond twice the backlog bound are dropped and counted (only
    /// refused calls arrive then, since ``isAccepting`` is false).
    func record(_ event: AuditEvent) {
        let start = state.withLock { state -> Bool in
            if state.queue.count >= maxBacklog * 2 {
                state.dropped += 1
                return false
            }
            state.queue.append(event)
            state.enqueued += 1
            if state.draining { return false }
            state.draining = true
            return true
        }
        if start {
            Task { await self.drain() }
        }
    }

    /// Returns once everything queued before the call is written; waits while writes fail.
    func flush() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                if state.written >= state.enqueued { return true }
                state.waiters.append((state.enqueued, continuation))
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func drain() async {
        var retryDelay: Duration = .milliseconds(100)
        while true {
            if linger > .zero, state.withLock({ $0.queue.count < Self.maxBatch }) {
                try? await Task.sleep(for: linger)
            }
            let batch = state.withLock { state -> [AuditEvent] in
                Array(state.queue.prefix(Self.maxBatch))
            }
            if batch.isEmpty {
                let stopped = state.withLock { state -> Bool in
                    guard state.queue.isEmpty else { return false }
                    state.draining = false
                    return true
                }
                if stopped { return }
                continue
            }
            do {
                let head = try await database.write { db in try Self.append(batch, db) }
                let (dropped, ready) = state.withLock { state -> (Int, [CheckedContinuation<Void, Never>]) in
                    state.queue.removeFirst(batch.count)
                    state.written += batch.count
                    state.failing = false
                    state.head = head
                    let written = state.written
                    let ready = state.waiters.filter { $0.target <= written }.map(\.continuation)
                    state.waiters.removeAll { $0.target <= written }
                    defer { state.dropped = 0 }
                    return (state.dropped, ready)
                }
                for waiter in ready { waiter.resume() }
                if dropped > 0 {
                    logger.error("audit events were dropped while the audit log could not be written", metadata: ["count": "\(dropped)"])
                }
                retryDelay = .milliseconds(100)
            } catch {
                state.withLock { $0.failing = true }
                logger.error("the audit log could not be written; refusing calls until it can", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: retryDelay)
                retryDelay = min(retryDelay * 2, .seconds(5))
            }
        }
    }

    /// Appends `events` after the chain's last row; returns the new last row.
    static func append(_ events: [AuditEvent], _ db: Database) throws -> (seq: Int64, hash: [UInt8]) {
        var previous = try lastRow(db) ?? (0, AuditChain.genesis)
        // Cached statements: this runs for every call through the gateway.
        let insertEntry = try db.cachedStatement(sql: """
            INSERT INTO audit_entry (seq, at_micros, subject, institution, municipality, method, record_ids, status,
                duration_micros, request_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertRef = try db.cachedStatement(sql: "INSERT OR IGNORE INTO audit_record_ref (record_id, seq) VALUES (?, ?)")
        for event in events {
            let (record, ids) = AuditChain.linkWithIDs(event, after: previous)
            // Bound once and executed without arguments: `execute(arguments:)` would validate the
            // arguments and bind them through one nested closure per column, which profiled as
            // most of the audit writer's time. The values are copied into SQLite (SQLITE_TRANSIENT).
            insertEntry.setUncheckedArguments([
                record.seq, record.atMicros, record.subject, record.institution, record.municipality, record.method,
                record.recordIDs, record.status, record.durationMicros, record.requestID, record.hash,
            ])
            try insertEntry.execute()
            for id in ids {
                insertRef.setUncheckedArguments([id, record.seq])
                try insertRef.execute()
            }
            previous = (record.seq, Array(record.hash))
        }
        return previous
    }

    static func lastRow(_ db: Database) throws -> (seq: Int64, hash: [UInt8])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1") else {
            return nil
        }
        let hash: Data = row["hash"]
        return (row["seq"], Array(hash))
    }
}
