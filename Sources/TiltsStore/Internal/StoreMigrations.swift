internal import GRDB

/// TiltsStore's own schema, run before every service's migrations.
///
/// Named `tilts-store-…`, written in plain SQL, and only ever appended: never edit or reorder a
/// registered migration, add a new one.
enum StoreMigrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("tilts-store-v1-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tilts_outbox (
                        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                        event_id TEXT NOT NULL UNIQUE,
                        occurred_at_seconds INTEGER,
                        occurred_at_nanos INTEGER,
                        case_id TEXT,
                        kind TEXT,
                        payload BLOB,
                        source TEXT
                    );
                    CREATE INDEX tilts_outbox_kind ON tilts_outbox(kind, sequence);
                    """)
        }
        migrator.registerMigration("tilts-store-v1-consumer-cursor") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tilts_consumer_cursor (
                        name TEXT PRIMARY KEY,
                        sequence INTEGER NOT NULL
                    )
                    """)
        }
        migrator.registerMigration("tilts-store-v1-idempotency") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tilts_idempotency (
                        scope TEXT,
                        request_id TEXT,
                        response BLOB NOT NULL,
                        created_at INTEGER,
                        PRIMARY KEY (scope, request_id)
                    );
                    CREATE INDEX tilts_idempotency_created_at ON tilts_idempotency(created_at);
                    """)
        }
        return migrator
    }()
}
