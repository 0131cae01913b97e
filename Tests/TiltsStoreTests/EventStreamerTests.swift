internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

@Suite("WatchEvents through EventStreamer, over a real server")
struct EventStreamerTests {
    @Test("History, then live events appended later, in order, each once")
    func historyThenLiveTail() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        try await appendEvents(database, count: 5)

        let events = try await client.collect(8, request: WatchEventsRequest(afterSequence: 0)) { received in
            if received == 5 {
                // The tail is caught up now; these arrive live, in separate commits.
                for index in 5..<8 { try await appendEvents(database, count: 1, from: index) }
            }
        }
        #expect(events.map(\.sequence) == Array(1...8))
        #expect(events.map(\.caseID) == (0..<8).map { "case-\($0)" })
        #expect(events.allSatisfy { $0.kind == "NoteWritten" && $0.source == "test" && $0.eventID.count == 36 })
        #expect(try events[2].payload(as: Principal.self).displayName == "event 2")
        #expect(events[0].occurredAt != nil)

        await client.close()
        await server.stop()
    }

    @Test("after_sequence resumes after the cursor")
    func resumesAfterCursor() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        try await appendEvents(database, count: 10)
        let events = try await client.collect(4, request: WatchEventsRequest(afterSequence: 6))
        #expect(events.map(\.sequence) == [7, 8, 9, 10])
        await client.close()
        await server.stop()
    }

    @Test("The kinds filter sends only those kinds, in history and live")
    func kindsFilter() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        for index in 0..<6 {
            try await appendEvents(database, count: 1, kind: index % 2 == 0 ? "CaseAdmitted" : "NoteWritten", from: index)
        }
        let events = try await client.collect(5, request: WatchEventsRequest(afterSequence: 0, kinds: ["CaseAdmitted"])) {
            received in
            if received == 3 {
                try await appendEvents(database, count: 3, kind: "NoteWritten", from: 6)
                try await appendEvents(database, count: 2, kind: "CaseAdmitted", from: 9)
            }
        }
        #expect(events.map(\.kind) == Array(repeating: "CaseAdmitted", count: 5))
        #expect(events.map(\.sequence) == [1, 3, 5, 10, 11])
        await client.close()
        await server.stop()
    }

    @Test("History longer than one read batch arrives whole and in order")
    func longHistory() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        let total = EventStreamer.batchSize * 2 + 17
        try await appendEvents(database, count: total)
        let events = try await client.collect(total, request: WatchEventsRequest(afterSequence: 0))
        #expect(events.map(\.sequence) == Array(1...Int64(total)))
        await client.close()
        await server.stop()
    }

    @Test("A call without a principal is UNAUTHENTICATED")
    func missingPrincipal() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        let error = await #expect(throws: RPCError.self) {
            _ = try await client.collect(1, request: WatchEventsRequest(), principal: nil)
        }
        #expect(error?.code == .unauthenticated)
        await client.close()
        await server.stop()
    }

    @Test("A negative after_sequence is INVALID_ARGUMENT")
    func negativeCursor() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        let error = await #expect(throws: RPCError.self) {
            _ = try await client.collect(1, request: WatchEventsRequest(afterSequence: -1))
        }
        #expect(error?.code == .invalidArgument)
        await client.close()
        await server.stop()
    }

    @Test("A client that goes away leaves no waiting tail behind")
    func tailEndsWithClient() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        try await appendEvents(database, count: 1)
        let task = Task { try await client.collect(5, request: WatchEventsRequest()) }
        try await eventually { database.events.waitingCount == 1 }
        task.cancel()
        await client.close()
        try await eventually { database.events.waitingCount == 0 }
        await server.stop()
    }

    @Test("Shutting the notifier down ends open streams with UNAVAILABLE")
    func shutDownEndsStreams() async throws {
        let database = try TestSchema.database()
        let server = try await EventTestServer.start(database: database)
        let client = try EventClient(socketPath: server.socketPath)
        let task = Task { try await client.collect(5, request: WatchEventsRequest()) }
        try await eventually { database.events.waitingCount == 1 }
        database.events.shutDown()
        let error = await #expect(throws: RPCError.self) { _ = try await task.value }
        #expect(error?.code == .unavailable)
        await client.close()
        await server.stop()
    }
}

/// Polls `condition` every 10 ms for up to `seconds`.
func eventually(seconds: Double = 10, _ condition: @Sendable () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("condition not met within \(seconds) s")
}
