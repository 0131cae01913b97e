internal import GRDB
internal import TiltsMessages
internal import TiltsStore

/// A one-table schema the store tests write to, and a database factory.
enum TestSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("test-v1-note") { db in
            try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, body TEXT NOT NULL UNIQUE)")
        }
        migrator.registerMigration("test-v1-applied") { db in
            try db.execute(sql: "CREATE TABLE applied (id INTEGER PRIMARY KEY, sequence INTEGER NOT NULL, kind TEXT NOT NULL)")
        }
        return migrator
    }

    static func database() throws -> ServiceDatabase {
        try ServiceDatabase.temporary(migrator: migrator)
    }

    static func count(_ table: String, _ database: ServiceDatabase) async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}

/// A payload for test events: any message will do; Principal is at hand.
func testPayload(_ text: String) -> Principal {
    Principal(institution: .centre, displayName: text)
}
