internal import GRDB

/// The referral store's tables. Migrations are named and only ever appended.
///
/// Each row keeps the whole API message as protobuf (`message`) next to the columns the service
/// filters and orders by; the message is the record of truth, the columns are its index.
enum ReferralSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("referral-v1-referrals-and-cases") { db in
            try db.execute(
                sql: """
                    CREATE TABLE referral (
                        referral_id TEXT PRIMARY KEY,
                        status INTEGER NOT NULL,
                        municipality TEXT NOT NULL,
                        received_on TEXT NOT NULL,
                        received_at_micros INTEGER NOT NULL,
                        urgent INTEGER NOT NULL,
                        child_key TEXT NOT NULL,
                        case_id TEXT,
                        message BLOB NOT NULL
                    );
                    CREATE INDEX referral_by_municipality ON referral(municipality, received_at_micros, referral_id);
                    CREATE INDEX referral_by_child ON referral(child_key, status);
                    CREATE INDEX referral_queue ON referral(status, urgent, received_at_micros);
                    CREATE TABLE "case" (
                        case_id TEXT PRIMARY KEY,
                        referral_id TEXT NOT NULL UNIQUE REFERENCES referral(referral_id),
                        status INTEGER NOT NULL,
                        municipality TEXT NOT NULL,
                        admission_day INTEGER NOT NULL,
                        last_day INTEGER NOT NULL,
                        age_band TEXT NOT NULL,
                        allocation_method INTEGER NOT NULL,
                        message BLOB NOT NULL
                    );
                    CREATE INDEX case_by_municipality ON "case"(municipality, admission_day, case_id);
                    CREATE INDEX case_in_course ON "case"(status, admission_day, last_day);
                    CREATE TABLE final_summary (
                        case_id TEXT PRIMARY KEY,
                        issued_on TEXT NOT NULL
                    );
                    CREATE TABLE pre_placement_meeting (
                        referral_id TEXT PRIMARY KEY,
                        held_on TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
