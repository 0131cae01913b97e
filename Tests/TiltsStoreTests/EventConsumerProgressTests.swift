internal import Synchronization
internal import Testing
internal import TiltsMessages
internal import TiltsStore
internal import TiltsTransport

/// `EventConsumer.onProgress`: what the consumer-lag metrics are built from.
@Suite("EventConsumer: progress reports")
struct EventConsumerProgressTests {
    final class Totals: Sendable {
        private let state = Mutex<(applied: Int, cursor: Int64, latest: Int64, reports: Int)>((0, 0, 0, 0))

        func add(_ applied: Int, _ cursor: Int64, _ latest: Int64) {
            state.withLock { state in
                precondition(latest >= cursor, "the latest sequence received is never behind the cursor")
                state = (state.applied + applied, cursor, latest, state.reports + 1)
            }
        }

        var now: (applied: Int, cursor: Int64, latest: Int64, reports: Int) { state.withLock { $0 } }
    }

    @Test("Counts applied events once and reports the cursor and latest sequence received")
    func reportsProgress() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        let server = try await EventTestServer.start(database: source)
        // Events of another kind take sequences too: they move the cursor but are not applied.
        try await appendEvents(source, count: 30)
        try await appendEvents(source, count: 5, kind: "Other", from: 30)
        try await appendEvents(source, count: 10, from: 35)
        var (consumer, connection) = try EventConsumerTests.consumer(server, into: target, kinds: ["NoteWritten"])
        let totals = Totals()
        consumer.onProgress = { applied, cursor, latest in totals.add(applied, cursor, latest) }
        let task = Task { await consumer.run() }
        try await eventually { totals.now.cursor == 45 }
        task.cancel()
        await task.value
        let now = totals.now
        #expect(now.applied == 40)
        #expect(now.latest == 45)
        #expect(now.reports >= 1)
        await connection.close()
        await server.stop()
    }
}
