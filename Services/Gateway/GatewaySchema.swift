internal import GRDB

/// The gateway store's tables (`gateway.sqlite` in its data folder). Migrations are named and only
/// ever appended.
///
/// - `gateway_token`: bearer tokens, by id, with the SHA-256 hash of the token (never the token).
/// - `audit_entry`: the hash-chained audit log; triggers refuse UPDATE and DELETE, so the log is
///   append-only for the gateway and anyone editing it must first drop them (which the chain then
///   exposes).
/// - `audit_record_ref`: which entries concern which record id, for per-case queries; checked
///   against the entries by ``AuditStore/verify(head:)``.
enum GatewaySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-gateway-tokens") { db in
            try db.execute(sql: """
                CREATE TABLE gateway_token (
                    token_id TEXT PRIMARY KEY,
                    hash BLOB NOT NULL UNIQUE,
                    institution INTEGER NOT NULL,
                    municipality TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    created_at_micros INTEGER NOT NULL,
                    expires_at_micros INTEGER NOT NULL,
                    revoked_at_micros INTEGER,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX gateway_token_created ON gateway_token(created_at_micros, token_id);
                """)
        }
        migrator.registerMigration("v1-gateway-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit_entry (
                    seq INTEGER PRIMARY KEY,
                    at_micros INTEGER NOT NULL,
                    subject TEXT NOT NULL,
                    institution INTEGER NOT NULL,
                    municipality TEXT NOT NULL,
                    method TEXT NOT NULL,
                    record_ids TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    duration_micros INTEGER NOT NULL,
                    request_id TEXT NOT NULL,
                    hash BLOB NOT NULL
                );
                CREATE INDEX audit_entry_subject ON audit_entry(subject, seq);
                CREATE INDEX audit_entry_time ON audit_entry(at_micros, seq);
                CREATE TABLE audit_record_ref (
                    record_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (record_id, seq)
                ) WITHOUT ROWID;
                CREATE INDEX audit_record_ref_seq ON audit_record_ref(seq, record_id);
                CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_record_ref_no_update BEFORE UPDATE ON audit_record_ref
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_record_ref_no_delete BEFORE DELETE ON audit_record_ref
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        return migrator
    }
}
