internal import Testing
internal import TiltsStore

@Suite("EventNotifier")
struct EventNotifierTests {
    @Test("wait returns at once when a later event is already committed, and after a publish otherwise")
    func waitAndPublish() async throws {
        let database = try TestSchema.database()
        let notifier = database.events
        #expect(notifier.latestSequence == 0)
        let waiter = Task { try await notifier.wait(after: 0) }
        try await eventually { notifier.waitingCount == 1 }
        try await appendEvents(database, count: 2)
        try await waiter.value
        #expect(notifier.latestSequence == 2)
        try await notifier.wait(after: 1)
    }

    @Test("A rolled-back write publishes nothing")
    func rollbackPublishesNothing() async throws {
        let database = try TestSchema.database()
        struct Abandon: Error {}
        await #expect(throws: Abandon.self) {
            try await database.write { db in
                try db.appendEvent(kind: "K", caseID: "c", payload: testPayload("x"), source: "test")
                throw Abandon()
            }
        }
        #expect(database.events.latestSequence == 0)
        try await appendEvents(database, count: 1)
        #expect(database.events.latestSequence == 1)
    }

    @Test("Cancelling a waiter removes it")
    func cancellation() async throws {
        let database = try TestSchema.database()
        let waiter = Task { try await database.events.wait(after: 0) }
        try await eventually { database.events.waitingCount == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(database.events.waitingCount == 0)
    }
}
