internal import GRDB
internal import Synchronization
internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsTransport

@Suite("EventConsumer: exactly once across restarts")
struct EventConsumerTests {
    /// A consumer from `server` into `target` that records each applied event in `applied`.
    static func consumer(
        _ server: EventTestServer, into target: ServiceDatabase, kinds: [String] = [],
        apply extra: @escaping @Sendable (Event) throws -> Void = { _ in }
    ) throws -> (EventConsumer, GRPCClientConnection) {
        let connection = try GRPCClientConnection(target: .unixSocket(path: server.socketPath))
        let consumer = EventConsumer(
            name: "source", source: EventTestService.watchEvents, transport: connection, database: target, kinds: kinds,
            principal: EventTestServer.principal
        ) { event, db in
            try db.execute(
                sql: "INSERT INTO applied (sequence, kind) VALUES (?, ?)", arguments: [event.sequence, event.kind])
            try extra(event)
        }
        return (consumer, connection)
    }

    static func appliedSequences(_ database: ServiceDatabase) async throws -> [Int64] {
        try await database.read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM applied ORDER BY id") }
    }

    @Test("Consumes history and live events; the cursor is the last sequence")
    func consumesEverything() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        let server = try await EventTestServer.start(database: source)
        try await appendEvents(source, count: 40)
        let (consumer, connection) = try Self.consumer(server, into: target)
        let task = Task { await consumer.run() }
        try await eventually { try await consumer.cursor() == 40 }
        try await appendEvents(source, count: 25, from: 40)
        try await eventually { try await consumer.cursor() == 65 }
        task.cancel()
        await task.value
        #expect(try await Self.appliedSequences(target) == Array(1...65))
        await connection.close()
        await server.stop()
    }

    @Test("Stopped and restarted mid-stream, with the server restarted too: every event applied exactly once")
    func survivesRestarts() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        var server = try await EventTestServer.start(database: source)
        let total = 400
        // A producer appending events one commit at a time while everything else restarts.
        let producer = Task {
            for index in 0..<total {
                try await appendEvents(source, count: 1, from: index)
                if index % 8 == 0 { try await Task.sleep(for: .milliseconds(2)) }
            }
        }

        let (first, firstConnection) = try Self.consumer(server, into: target)
        let firstTask = Task { await first.run() }
        try await eventually { try await first.cursor() >= 50 }
        firstTask.cancel()
        await firstTask.value
        let cursorAtStop = try await first.cursor()
        #expect(try await TestSchema.count("applied", target) == Int(cursorAtStop))
        await firstConnection.close()

        let (consumer, connection) = try Self.consumer(server, into: target)
        let task = Task { await consumer.run() }
        try await eventually { try await consumer.cursor() >= min(cursorAtStop + 100, 300) }
        await server.stop()
        try await Task.sleep(for: .milliseconds(150))
        server = try await server.restarted()

        try await producer.value
        let last = source.events.latestSequence
        #expect(last == Int64(total))
        try await eventually(seconds: 20) { try await consumer.cursor() == last }
        task.cancel()
        await task.value

        let applied = try await Self.appliedSequences(target)
        #expect(applied == Array(1...last))
        #expect(try await consumer.cursor() == last)
        await connection.close()
        await server.stop()
    }

    @Test("With a kinds filter only those kinds are applied; the cursor skips the gaps")
    func kindsFilter() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        let server = try await EventTestServer.start(database: source)
        for index in 0..<10 {
            try await appendEvents(source, count: 1, kind: index % 3 == 0 ? "CaseAdmitted" : "NoteWritten", from: index)
        }
        let (consumer, connection) = try Self.consumer(server, into: target, kinds: ["CaseAdmitted"])
        let task = Task { await consumer.run() }
        try await eventually { try await consumer.cursor() == 10 }
        task.cancel()
        await task.value
        #expect(try await Self.appliedSequences(target) == [1, 4, 7, 10])
        await connection.close()
        await server.stop()
    }

    @Test("An event whose apply throws is retried, never skipped, and applied once")
    func failingApplyIsRetried() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        let server = try await EventTestServer.start(database: source)
        try await appendEvents(source, count: 12)
        struct Flaky: Error {}
        let failures = Mutex(0)
        let (consumer, connection) = try Self.consumer(server, into: target) { event in
            if event.sequence == 7 {
                let failed = failures.withLock { count -> Bool in
                    count += 1
                    return count <= 2
                }
                if failed { throw Flaky() }
            }
        }
        let task = Task { await consumer.run() }
        try await eventually { try await consumer.cursor() == 12 }
        task.cancel()
        await task.value
        #expect(failures.withLock { $0 } == 3)
        #expect(try await Self.appliedSequences(target) == Array(1...12))
        await connection.close()
        await server.stop()
    }

    @Test("Cancelling run() while the stream is idle returns promptly")
    func cancelWhileIdle() async throws {
        let source = try TestSchema.database()
        let target = try TestSchema.database()
        let server = try await EventTestServer.start(database: source)
        let (consumer, connection) = try Self.consumer(server, into: target)
        let task = Task { await consumer.run() }
        try await eventually { source.events.waitingCount == 1 }
        let started = ContinuousClock.now
        task.cancel()
        await task.value
        #expect(started.duration(to: .now) < .seconds(2))
        #expect(try await consumer.cursor() == 0)
        await connection.close()
        await server.stop()
    }
}
