internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsTransport

/// Reads WatchEvents through a real client connection.
struct EventClient {
    let connection: GRPCClientConnection
    let client: RPCClient

    init(socketPath: String) throws {
        connection = try GRPCClientConnection(target: .unixSocket(path: socketPath))
        client = RPCClient(transport: connection, defaultTimeout: .seconds(30))
    }

    private struct Enough: Error { let events: [Event] }

    /// Opens WatchEvents and returns the first `count` events; `onEvent` runs after each one
    /// with the number received so far (to append live events mid-stream).
    func collect(
        _ count: Int, request: WatchEventsRequest, principal: Principal? = EventTestServer.principal,
        onEvent: @escaping @Sendable (Int) async throws -> Void = { _ in }
    ) async throws -> [Event] {
        do {
            let metadata = principal.map(PrincipalMetadata.metadata(for:)) ?? Metadata()
            return try await client.serverStreaming(
                EventTestService.watchEvents, request: request, metadata: metadata, responseType: Event.self
            ) { stream in
                var events: [Event] = []
                for try await event in stream {
                    events.append(event)
                    if events.count == count { throw Enough(events: events) }
                    try await onEvent(events.count)
                }
                return events
            }
        } catch let enough as Enough {
            return enough.events
        }
    }

    func close() async { await connection.close() }
}

/// Appends `count` events of `kind` in one write; returns their sequences.
@discardableResult
func appendEvents(_ database: ServiceDatabase, count: Int, kind: String = "NoteWritten", from start: Int = 0) async throws
    -> [Int64]
{
    try await database.write { db in
        try (start..<start + count).map { index in
            try db.appendEvent(kind: kind, caseID: "case-\(index)", payload: testPayload("event \(index)"), source: "test")
        }
    }
}
