public import GRDB
public import Logging
public import TiltsMessages
public import TiltsRPC
internal import Synchronization

/// Follows another service's `WatchEvents` and applies each event in the same transaction that
/// stores its cursor, so after any crash or restart it resumes exactly where it stopped.
///
/// Start it with ``run()`` in its own task (a `Service` in the process's service group) and stop
/// it by cancelling that task. It connects, asks for the events after its stored cursor, and
/// applies them as they arrive: every event that has arrived (up to ``maximumBatch``) is applied
/// in one group-committed transaction, together in one savepoint (each in its own savepoint only
/// when one of them fails), and the cursor row is updated in that transaction.
/// An event whose sequence is not above the cursor is ignored, so nothing is applied twice; the
/// source's sequences only increase, so a gap (events of other kinds) is fine and nothing is
/// skipped. When the stream fails or ends (either side restarted), it reconnects after a backoff
/// of 100 ms doubling to 5 s, reset once events flow again.
///
/// If `apply` throws, the events before it in the batch are kept, the failing one is rolled back,
/// and the consumer reconnects after the backoff and tries it again: a permanently failing event
/// stops the consumer's progress (logged with its sequence and kind), it is never skipped.
///
/// Progress: after each batch (and after a failing one) ``onProgress`` gets the number of events
/// applied, the cursor, and the highest sequence received from the source so far on this
/// connection, the best estimate of the source's head: `latestReceived - cursor` is the lag.
/// `ServiceMetrics.eventConsumerObserver(name:)` (TiltsServiceKit) turns these into metrics.
///
/// Ownership: the consumer uses but does not own `transport` and `database`. A value type; run
/// it once at a time per `name`.
///
/// ```swift
/// let consumer = EventConsumer(
///     name: "referral", source: MethodDescriptor(service: "tilts.referral.v1.ReferralService", method: "WatchEvents"),
///     transport: referralConnection, database: database, kinds: ["CaseAdmitted"],
///     principal: Principal(institution: .centre, subject: "meeting-service"), logger: logger
/// ) { event, db in
///     let admitted = try event.payload(as: CaseAdmitted.self)
///     try db.execute(sql: "INSERT INTO case_window …", arguments: […])
/// }
/// let task = Task { await consumer.run() }
/// ```
public struct EventConsumer: Sendable {
    /// The cursor key, e.g. `"referral"`.
    public let name: String
    /// The source's `WatchEvents` method.
    public let source: MethodDescriptor
    public let kinds: [String]
    /// First wait before reconnecting; doubles per failed attempt up to ``maximumBackoff``.
    public var initialBackoff: Duration = .milliseconds(100)
    public var maximumBackoff: Duration = .seconds(5)
    /// Events applied in one transaction at most.
    public var maximumBatch = 512
    /// Called after each batch with the events applied (ignored duplicates not counted), the
    /// cursor, and the highest sequence received from the source; from the consumer's task.
    public var onProgress: (@Sendable (_ applied: Int, _ cursor: Int64, _ latestReceived: Int64) -> Void)?

    private let transport: any ClientTransport
    private let database: ServiceDatabase
    private let metadata: Metadata
    private let logger: Logger
    private let apply: @Sendable ([Event], Database) throws -> Void

    /// - Parameters:
    ///   - name: the cursor key, unique per source in this database.
    ///   - source: the source's `WatchEvents` method, e.g. `tilts.referral.v1.ReferralService/WatchEvents`.
    ///   - transport: a connection to the source (reconnecting, e.g. `GRPCClientConnection`).
    ///   - database: where events are applied and the cursor is stored.
    ///   - kinds: the event kinds to receive; empty for all.
    ///   - principal: sent as `tilts-principal-bin` when the source checks callers.
    ///   - logger: logs connects, failures and sequences (never payloads).
    ///   - apply: applies one event inside the write transaction; runs on the writer queue, so it
    ///     must not block on anything but the database.
    public init(
        name: String, source: MethodDescriptor, transport: any ClientTransport, database: ServiceDatabase,
        kinds: [String] = [], principal: Principal?, logger: Logger = Logger(label: "tilts.store.consumer"),
        apply: @escaping @Sendable (Event, Database) throws -> Void
    ) {
        self.init(
            name: name, source: source, transport: transport, database: database, kinds: kinds, principal: principal,
            logger: logger, applyingBatches: { events, db in for event in events { try apply(event, db) } })
    }

    /// A consumer that applies the events of a batch in one call, so a projection can combine
    /// them (sum counters, share lookups) before writing.
    ///
    /// `apply` gets the batch's new events of the wanted kinds, in sequence order, and must
    /// leave the store as applying them one at a time would. It may be called with any subset
    /// of a batch: when it throws, the batch is rolled back and applied again one event per
    /// call, to keep the events before the failing one.
    /// The other parameters are as in ``init(name:source:transport:database:kinds:principal:logger:apply:)``.
    public init(
        name: String, source: MethodDescriptor, transport: any ClientTransport, database: ServiceDatabase,
        kinds: [String] = [], principal: Principal?, logger: Logger = Logger(label: "tilts.store.consumer"),
        applyingBatches apply: @escaping @Sendable ([Event], Database) throws -> Void
    ) {
        self.name = name
        self.source = source
        self.transport = transport
        self.database = database
        self.kinds = kinds
        self.metadata = principal.map(PrincipalMetadata.metadata(for:)) ?? Metadata()
        var logger = logger
        logger[metadataKey: "consumer"] = "\(name)"
        self.logger = logger
        self.apply = apply
    }

    /// The last sequence applied, 0 before the first.
    public func cursor() async throws -> Int64 {
        let name = name
        return try await database.read { db in try ConsumerCursorRecord.sequence(of: name, db) }
    }

    /// Runs until the task is cancelled: connects, resumes after the stored cursor, applies,
    /// and reconnects with backoff whenever the stream ends.
    public func run() async {
        var backoff = initialBackoff
        while !Task.isCancelled {
            let started = ContinuousClock.now
            var progressed = false
            do {
                try await follow(progressed: &progressed)
                logger.info("event stream ended; reconnecting")
            } catch {
                if Task.isCancelled { break }
                logger.warning("event stream failed; reconnecting", metadata: ["error": "\(LogSafe.describe(error))"])
            }
            if progressed || started.duration(to: .now) > maximumBackoff { backoff = initialBackoff }
            do {
                try await Task.sleep(for: backoff)
            } catch {
                break
            }
            backoff = min(backoff * 2, maximumBackoff)
        }
        logger.debug("consumer stopped")
    }

    /// One connection: streams events into a buffer on a child task and applies them here.
    private func follow(progressed: inout Bool) async throws {
        let after = try await cursor()
        let call = try await transport.openCall(source, metadata: metadata, deadline: nil)
        logger.debug("following events", metadata: ["after": "\(after)"])
        try await withTaskCancellationHandler {
            try await call.send(WatchEventsRequest(afterSequence: after, kinds: kinds).serializedBytes())
            call.closeSend()
            let buffer = EventBuffer(capacity: maximumBatch * 2)
            let latest = LatestSequence()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await Self.read(call, into: buffer, latest: latest) }
                defer {
                    call.cancel()
                    buffer.close()
                }
                while let events = try await buffer.next(maximum: maximumBatch) {
                    try Task.checkCancellation()
                    try await applyBatch(events, latest: latest)
                    progressed = true
                }
            }
        } onCancel: {
            call.cancel()
        }
    }

    /// Reads the call's messages into `buffer` until the call ends, then finishes the buffer.
    private static func read(_ call: any ClientCallTransport, into buffer: EventBuffer, latest: LatestSequence) async {
        do {
            while let bytes = try await call.receive() {
                let event = try Event(serializedBytes: bytes)
                latest.raise(to: event.sequence)
                try await buffer.append(event)
            }
            let (status, trailers) = await call.status()
            buffer.finish(status.code == .ok ? nil : RPCError(status: status, metadata: trailers))
        } catch {
            call.cancel()
            buffer.finish(error)
        }
    }

    /// Applies the events above the cursor in one transaction and advances the cursor.
    /// - Throws: ``EventConsumerError`` when `apply` threw for an event (the ones before it commit).
    private func applyBatch(_ events: [Event], latest: LatestSequence) async throws {
        let name = name
        let apply = apply
        let kinds = Set(kinds)
        let outcome = try await database.write { db -> (cursor: Int64, applied: Int, failed: Event?, error: (any Error)?) in
            let stored = try ConsumerCursorRecord.sequence(of: name, db)
            // Fast path: the whole batch in one savepoint, two statements for all its events
            // instead of two per event. Only if an event throws is the batch rolled back and
            // applied again one savepoint per event, to keep the events before the failing one.
            do {
                let (cursor, applied) = try Self.applyAll(events, after: stored, kinds: kinds, apply: apply, db)
                if cursor > stored { try ConsumerCursorRecord.store(cursor, for: name, db) }
                return (cursor, applied, nil, nil)
            } catch {
                guard db.isInsideTransaction else { throw error }
            }
            var cursor = stored
            var applied = 0
            for event in events where event.sequence > cursor {
                if kinds.isEmpty || kinds.contains(event.kind) {
                    do {
                        try db.inSavepoint {
                            try apply([event], db)
                            return .commit
                        }
                    } catch {
                        if cursor > stored { try ConsumerCursorRecord.store(cursor, for: name, db) }
                        return (cursor, applied, event, error)
                    }
                    applied += 1
                }
                cursor = event.sequence
            }
            if cursor > stored { try ConsumerCursorRecord.store(cursor, for: name, db) }
            return (cursor, applied, nil, nil)
        }
        onProgress?(outcome.applied, outcome.cursor, max(outcome.cursor, latest.value))
        if let failed = outcome.failed {
            logger.error(
                "applying an event failed; will retry it after reconnecting",
                metadata: [
                    "sequence": "\(failed.sequence)", "kind": "\(failed.kind)",
                    "error": "\(LogSafe.describe(outcome.error!))",
                ])
            throw EventConsumerError(sequence: failed.sequence, kind: failed.kind, cause: outcome.error!)
        }
        logger.trace("applied events", metadata: ["cursor": "\(outcome.cursor)", "count": "\(events.count)"])
    }
}

extension EventConsumer {
    /// Applies the events above `stored` (of the wanted kinds) in one savepoint, which a throw
    /// rolls back whole. Returns the new cursor and the number applied.
    fileprivate static func applyAll(
        _ events: [Event], after stored: Int64, kinds: Set<String>, apply: @Sendable ([Event], Database) throws -> Void,
        _ db: Database
    ) throws -> (cursor: Int64, applied: Int) {
        var cursor = stored
        var wanted: [Event] = []
        wanted.reserveCapacity(events.count)
        for event in events where event.sequence > cursor {
            if kinds.isEmpty || kinds.contains(event.kind) { wanted.append(event) }
            cursor = event.sequence
        }
        if !wanted.isEmpty {
            try db.inSavepoint {
                try apply(wanted, db)
                return .commit
            }
        }
        return (cursor, wanted.count)
    }
}

/// `apply` threw for the event with this sequence; the consumer retries it after reconnecting.
public struct EventConsumerError: Error, Sendable, CustomStringConvertible {
    public var sequence: Int64
    public var kind: String
    public var cause: any Error

    public var description: String { "applying event \(sequence) (\(kind)) failed: \(LogSafe.describe(cause))" }
}

/// The highest sequence the reader task has received, read by the applier for the lag estimate.
private final class LatestSequence: Sendable {
    private let highest = Atomic<Int64>(0)

    func raise(to sequence: Int64) { _ = highest.max(sequence, ordering: .relaxed) }
    var value: Int64 { highest.load(ordering: .relaxed) }
}
