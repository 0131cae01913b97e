internal import GRDB
internal import Synchronization
internal import Testing
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

@Suite("Idempotency keys")
struct IdempotencyTests {
    /// Counts how often a body ran.
    final class Runs: Sendable {
        private let count = Mutex(0)
        func increment() -> Int { count.withLock { $0 += 1; return $0 } }
        var value: Int { count.withLock { $0 } }
    }

    @Test("The same key twice returns the first response; the body runs once")
    func retryReturnsFirstResponse() async throws {
        let database = try TestSchema.database()
        let runs = Runs()
        func submit(_ name: String) async throws -> Principal {
            try await database.write { db in
                try db.idempotent(scope: "Submit|riga-sd", requestID: "req-1") {
                    let run = runs.increment()
                    try db.execute(sql: "INSERT INTO note (writer, body) VALUES (?, ?)", arguments: [run, name])
                    return Principal(institution: .socialService, municipality: "riga", displayName: name)
                }
            }
        }
        let first = try await submit("first")
        let retry = try await submit("second")
        #expect(first == retry)
        #expect(retry.displayName == "first")
        #expect(runs.value == 1)
        #expect(try await TestSchema.count("note", database) == 1)
    }

    @Test("Concurrent retries of one key in the same group commit apply once")
    func concurrentRetriesApplyOnce() async throws {
        let database = try TestSchema.database()
        let runs = Runs()
        let responses = try await withThrowingTaskGroup(of: Principal.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    try await database.write { db in
                        try db.idempotent(scope: "Submit|x", requestID: "same") {
                            Principal(institution: .centre, displayName: "run \(runs.increment())")
                        }
                    }
                }
            }
            var all: [Principal] = []
            for try await response in group { all.append(response) }
            return all
        }
        #expect(runs.value == 1)
        #expect(Set(responses.map(\.displayName)) == ["run 1"])
    }

    @Test("Different scopes with the same request id are independent")
    func scopesAreIndependent() async throws {
        let database = try TestSchema.database()
        let runs = Runs()
        for scope in ["Submit|riga", "Submit|jelgava", "Withdraw|riga"] {
            let response = try await database.write { db in
                try db.idempotent(scope: scope, requestID: "req-1") {
                    Principal(institution: .centre, displayName: "\(scope) \(runs.increment())")
                }
            }
            #expect(response.displayName.hasPrefix(scope))
        }
        #expect(runs.value == 3)
    }

    @Test("A body that throws stores nothing; a retry runs it again")
    func failureIsNotStored() async throws {
        let database = try TestSchema.database()
        let runs = Runs()
        struct NotYet: Error {}
        await #expect(throws: NotYet.self) {
            try await database.write { db in
                try db.idempotent(scope: "s", requestID: "r") { () throws -> Principal in
                    _ = runs.increment()
                    throw NotYet()
                }
            }
        }
        let response = try await database.write { db in
            try db.idempotent(scope: "s", requestID: "r") {
                _ = runs.increment()
                return Principal(institution: .centre)
            }
        }
        #expect(response.institution == .centre)
        #expect(runs.value == 2)
    }

    @Test("An empty or overlong request id is INVALID_ARGUMENT")
    func requestIDIsValidated() async throws {
        let database = try TestSchema.database()
        for requestID in ["", String(repeating: "x", count: 129)] {
            let error = await #expect(throws: RPCError.self) {
                try await database.write { db in
                    try db.idempotent(scope: "s", requestID: requestID) { Principal() }
                }
            }
            #expect(error?.code == .invalidArgument)
        }
    }

    @Test("Old keys can be pruned")
    func pruning() async throws {
        let database = try TestSchema.database()
        try await database.write { db in
            _ = try db.idempotent(scope: "s", requestID: "r") { Principal() }
        }
        let kept = try await database.write { db in try db.pruneIdempotencyKeys(storedBefore: 0) }
        let pruned = try await database.write { db in try db.pruneIdempotencyKeys(storedBefore: Int64.max) }
        #expect(kept == 0)
        #expect(pruned == 1)
    }
}
