internal import GRDB

/// The meeting store's tables. Migrations are named and only ever appended.
///
/// - `referral_fact`, `case_fact`: what the referral service's events told this service (ids,
///   municipality, days, status; no names).
/// - `requirement`: one row per required meeting of a referral (pre-placement) or case (1–3),
///   keyed by its subject (the referral or case id) and kind. Days are stored as day numbers.
/// - `meeting`: the whole `Meeting` message as protobuf (`message`, the record of truth) next to
///   the columns the service filters and orders by.
/// - `agreed_action`: the actions of recorded minutes, for the past-due list.
enum MeetingSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("meeting-v1-facts-requirements-meetings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE referral_fact (
                        referral_id TEXT PRIMARY KEY,
                        municipality TEXT NOT NULL,
                        received_day INTEGER NOT NULL,
                        status INTEGER NOT NULL,
                        case_id TEXT,
                        closed_day INTEGER
                    );
                    CREATE INDEX referral_fact_by_received ON referral_fact(received_day);
                    CREATE TABLE case_fact (
                        case_id TEXT PRIMARY KEY,
                        referral_id TEXT NOT NULL,
                        municipality TEXT NOT NULL,
                        admission_day INTEGER NOT NULL,
                        length_days INTEGER NOT NULL,
                        last_day INTEGER NOT NULL,
                        status INTEGER NOT NULL,
                        ended_day INTEGER
                    );
                    CREATE INDEX case_fact_by_days ON case_fact(admission_day, last_day);
                    CREATE TABLE requirement (
                        subject_id TEXT NOT NULL,
                        kind INTEGER NOT NULL,
                        case_id TEXT NOT NULL,
                        referral_id TEXT NOT NULL,
                        municipality TEXT NOT NULL,
                        window_first INTEGER NOT NULL,
                        window_last INTEGER,
                        cancelled_day INTEGER,
                        held_at_admission INTEGER NOT NULL,
                        missed_reported INTEGER NOT NULL,
                        PRIMARY KEY (subject_id, kind)
                    );
                    CREATE INDEX requirement_by_case ON requirement(case_id);
                    CREATE INDEX requirement_by_referral ON requirement(referral_id);
                    CREATE INDEX requirement_by_municipality ON requirement(municipality, window_first);
                    CREATE INDEX requirement_open ON requirement(missed_reported, window_last);
                    CREATE TABLE meeting (
                        meeting_id TEXT PRIMARY KEY,
                        kind INTEGER NOT NULL,
                        status INTEGER NOT NULL,
                        subject_id TEXT NOT NULL,
                        case_id TEXT NOT NULL,
                        referral_id TEXT NOT NULL,
                        municipality TEXT NOT NULL,
                        quarter INTEGER NOT NULL,
                        starts_at_micros INTEGER NOT NULL,
                        start_day INTEGER NOT NULL,
                        invited_municipalities TEXT NOT NULL,
                        message BLOB NOT NULL
                    );
                    CREATE INDEX meeting_by_subject ON meeting(subject_id, kind, status);
                    CREATE INDEX meeting_by_start ON meeting(starts_at_micros, meeting_id);
                    CREATE INDEX meeting_by_municipality ON meeting(municipality, starts_at_micros, meeting_id);
                    CREATE INDEX meeting_by_referral ON meeting(referral_id, starts_at_micros);
                    CREATE TABLE agreed_action (
                        meeting_id TEXT NOT NULL REFERENCES meeting(meeting_id),
                        action_id TEXT NOT NULL,
                        meeting_kind INTEGER NOT NULL,
                        case_id TEXT NOT NULL,
                        referral_id TEXT NOT NULL,
                        municipality TEXT NOT NULL,
                        due_day INTEGER NOT NULL,
                        done_day INTEGER,
                        message BLOB NOT NULL,
                        PRIMARY KEY (meeting_id, action_id)
                    );
                    CREATE INDEX agreed_action_by_due ON agreed_action(due_day);
                    """)
        }
        return migrator
    }
}
