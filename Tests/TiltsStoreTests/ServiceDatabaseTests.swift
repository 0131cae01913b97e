internal import GRDB
internal import Testing
internal import TiltsStore

@Suite("ServiceDatabase: group commit and durability")
struct ServiceDatabaseTests {
    @Test("64 concurrent writers × 50 writes all land, each once")
    func concurrentWritersAllLand() async throws {
        let database = try TestSchema.database()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<64 {
                group.addTask {
                    for index in 0..<50 {
                        let id = try await database.write { db in
                            try db.execute(
                                sql: "INSERT INTO note (writer, body) VALUES (?, ?)", arguments: [writer, "\(writer)-\(index)"])
                            return db.lastInsertedRowID
                        }
                        #expect(id > 0)
                    }
                }
            }
            try await group.waitForAll()
        }
        let (rows, distinct) = try await database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT body) FROM note") ?? 0
            )
        }
        #expect(rows == 64 * 50)
        #expect(distinct == 64 * 50)
    }

    @Test("A failing body rolls back only itself; the rest of its group commits")
    func failingBodyRollsBackOnlyItself() async throws {
        let database = try TestSchema.database()
        struct Refused: Error {}
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await database.write { db in
                            try db.execute(sql: "INSERT INTO note (writer, body) VALUES (?, ?)", arguments: [index, "n\(index)"])
                            if index % 4 == 0 { throw Refused() }
                        }
                        return (index, true)
                    } catch is Refused {
                        return (index, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for try await (index, ok) in group { outcomes[index] = ok }
            return outcomes
        }
        #expect(outcomes.count == 40)
        #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 0, to: 40, by: 4)))
        let stored = try await database.read { db in try Int.fetchSet(db, sql: "SELECT writer FROM note") }
        #expect(stored == Set((0..<40).filter { $0 % 4 != 0 }))
    }

    @Test("A constraint violation fails its own write only")
    func constraintViolationFailsOnlyItsWrite() async throws {
        let database = try TestSchema.database()
        try await database.write { db in try db.execute(sql: "INSERT INTO note (writer, body) VALUES (0, 'taken')") }
        let duplicate = Task {
            try await database.write { db in try db.execute(sql: "INSERT INTO note (writer, body) VALUES (1, 'taken')") }
        }
        let fresh = Task {
            try await database.write { db in try db.execute(sql: "INSERT INTO note (writer, body) VALUES (2, 'fresh')") }
        }
        await #expect(throws: DatabaseError.self) { try await duplicate.value }
        try await fresh.value
        #expect(try await TestSchema.count("note", database) == 2)
    }

    @Test("After write returns, a new ServiceDatabase on the same file sees the row")
    func acknowledgedWriteIsDurable() async throws {
        let database = try TestSchema.database()
        let sequence = try await database.write { db in
            try db.execute(sql: "INSERT INTO note (writer, body) VALUES (7, 'durable')")
            return try db.appendEvent(kind: "NoteWritten", caseID: "case-1", payload: testPayload("durable"), source: "test")
        }
        let reopened = try ServiceDatabase(path: database.path, migrator: TestSchema.migrator)
        let body = try await reopened.read { db in try String.fetchOne(db, sql: "SELECT body FROM note WHERE writer = 7") }
        #expect(body == "durable")
        #expect(reopened.events.latestSequence == sequence)
    }

    @Test("The store's migrations run first, under tilts-store- names, and the pragmas hold")
    func migrationsAndPragmas() async throws {
        let database = try TestSchema.database()
        let (applied, journal) = try await database.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(applied.prefix(3).allSatisfy { $0.hasPrefix("tilts-store-") })
        #expect(applied.suffix(2) == ["test-v1-note", "test-v1-applied"])
        #expect(journal == "wal")
        // The connection that commits must fsync every commit: synchronous=FULL (2).
        let writerSynchronous = try await database.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSynchronous == 2)
    }

    @Test("Reopening an existing file runs no migration twice")
    func reopenIsIdempotent() async throws {
        let database = try TestSchema.database()
        try await database.write { db in try db.execute(sql: "INSERT INTO note (writer, body) VALUES (1, 'a')") }
        let again = try ServiceDatabase(path: database.path, migrator: TestSchema.migrator)
        #expect(try await TestSchema.count("note", again) == 1)
    }
}
