internal import GRDB
internal import Testing
internal import TiltsRPC
internal import TiltsStore

/// A full disk is simulated with `PRAGMA max_page_count` on the writer connection: SQLite then answers
/// SQLITE_FULL exactly as it does when the file system has no room left.
@Suite("ServiceDatabase: a full disk")
struct DiskFullTests {
    /// Caps the database at its current size plus `extraPages` pages.
    private static func cap(_ database: ServiceDatabase, extraPages: Int) async throws {
        try await database.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + extraPages)")
        }
    }

    private static func insert(_ database: ServiceDatabase, _ index: Int) async throws {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO note (writer, body) VALUES (?, ?)",
                arguments: [index, "\(index)-" + String(repeating: "x", count: 3000)])
        }
    }

    @Test("SQLITE_FULL is StoreError.diskFull, RESOURCE_EXHAUSTED for clients; writes work again once space returns")
    func diskFullIsResourceExhaustedAndRecovers() async throws {
        let database = try TestSchema.database()
        try await Self.cap(database, extraPages: 4)
        var stored = 0
        var refusal: (any Error)?
        for index in 0..<100 {
            do {
                try await Self.insert(database, index)
                stored += 1
            } catch {
                refusal = error
                break
            }
        }
        let error = try #require(refusal, "the capped database never filled up")
        let storeError = try #require(error as? StoreError)
        #expect(storeError.code == .diskFull)
        #expect((storeError.cause as? DatabaseError)?.resultCode == .SQLITE_FULL)
        let rpc = RPCError.from(error)
        #expect(rpc.code == .resourceExhausted)
        #expect(rpc.message.contains("disk is full"))
        #expect(!rpc.message.contains("xxx"), "the message quotes no data")
        #expect(try await TestSchema.count("note", database) == stored, "nothing of the refused write is stored")
        let integrity = try await database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")

        // Space returns: the same connection writes again, no reopening.
        try await Self.cap(database, extraPages: 10_000)
        try await Self.insert(database, 1000)
        #expect(try await TestSchema.count("note", database) == stored + 1)
    }

    @Test("Concurrent writes on a full disk all fail as diskFull or succeed; none is acknowledged unstored")
    func concurrentWritesOnAFullDisk() async throws {
        let database = try TestSchema.database()
        try await Self.cap(database, extraPages: 6)
        let outcomes = await withTaskGroup(of: (Int, (any Error)?).self) { group in
            for index in 0..<64 {
                group.addTask {
                    do {
                        try await Self.insert(database, index)
                        return (index, nil)
                    } catch {
                        return (index, error)
                    }
                }
            }
            var outcomes: [Int: (any Error)?] = [:]
            for await (index, error) in group { outcomes[index] = error }
            return outcomes
        }
        let acknowledged = Set(outcomes.filter { $0.value == nil }.keys)
        let refused = outcomes.compactMap { $0.value }
        #expect(!refused.isEmpty)
        for error in refused {
            #expect((error as? StoreError)?.code == .diskFull, "\(error)")
        }
        let stored = try await database.read { db in try Int.fetchSet(db, sql: "SELECT writer FROM note") }
        #expect(stored == acknowledged)
    }
}
