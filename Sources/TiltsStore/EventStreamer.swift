public import TiltsMessages
public import TiltsRPC
internal import GRDB

/// Serves `WatchEvents` for a service: history after the request's cursor in batches, then a
/// live tail until the client goes away or the service shuts down.
///
/// Call ``serve(_:database:writer:)`` from the service's server-streaming handler:
///
/// ```swift
/// ServerMethod.serverStreaming(ReferralMethods.watchEvents) { (request: WatchEventsRequest, call, writer: ResponseWriter<Event>) in
///     _ = try PrincipalMetadata.principal(of: call)
///     try await EventStreamer.serve(request, database: database, writer: writer)
/// }
/// ```
///
/// Events arrive in sequence order, each once. Reads run on the pool's reader connections and the
/// tail waits on the database's ``EventNotifier``, so no thread is blocked while a client is
/// idle. Sending waits for HTTP/2 flow control, so a slow client holds at most one batch in memory.
public enum EventStreamer {
    /// Events read per database read.
    public static let batchSize = 256
    /// Largest number of kinds a request may filter on.
    public static let maximumKinds = 64

    /// Streams the events after `request.afterSequence` of the kinds in `request.kinds` (all when
    /// empty), then follows new ones.
    ///
    /// Returns only by throwing: `CancellationError` or ``RPCError`` once the client is gone,
    /// ``StoreError`` `.shuttingDown` (UNAVAILABLE to the client) when the database's notifier is
    /// shut down, INVALID_ARGUMENT for a negative cursor or too many kinds.
    public static func serve(
        _ request: WatchEventsRequest, database: ServiceDatabase, writer: ResponseWriter<Event>
    ) async throws {
        guard request.afterSequence >= 0 else {
            throw RPCError(code: .invalidArgument, message: "after_sequence must be 0 or a sequence received earlier")
        }
        guard request.kinds.count <= maximumKinds else {
            throw RPCError(code: .invalidArgument, message: "kinds lists more than \(maximumKinds) event kinds")
        }
        let kinds = Array(Set(request.kinds))
        var cursor = request.afterSequence
        while true {
            try Task.checkCancellation()
            // Everything up to `committed` is visible to a read that starts after this line.
            let committed = database.events.latestSequence
            let after = cursor
            let records = try await database.read { db in
                try OutboxRecord.page(after: after, kinds: kinds, limit: batchSize, db)
            }
            for record in records {
                try await writer.write(record.event)
                cursor = record.sequence ?? cursor
            }
            if records.count == batchSize { continue }
            // Caught up: every matching event up to `committed` has been sent.
            cursor = max(cursor, committed)
            try await database.events.wait(after: cursor)
        }
    }
}
