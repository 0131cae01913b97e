internal import GRDB

/// The assessment store's tables. Migrations are named and only ever appended.
///
/// Each row keeps the whole API message as protobuf (`message`) next to the columns the service
/// looks up and orders by; the message is the record of truth, the columns are its index.
///
/// Immutability is enforced by the database itself, not only by the service's code: triggers
/// refuse to change or delete an issued final summary, an approved plan version or a recorded
/// assessment, and refuse new assessments and plan versions once the case's summary is issued.
enum AssessmentSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("assessment-v1-cases-records-plans-summaries") { db in
            try db.execute(
                sql: """
                    CREATE TABLE case_file (
                        case_id TEXT PRIMARY KEY,
                        referral_id TEXT NOT NULL,
                        municipality TEXT NOT NULL,
                        admission_day INTEGER NOT NULL,
                        course_length INTEGER NOT NULL,
                        status INTEGER NOT NULL,
                        ended_on TEXT NOT NULL DEFAULT '',
                        timeline BLOB NOT NULL
                    );
                    CREATE TABLE held_meeting (
                        meeting_id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL,
                        kind INTEGER NOT NULL,
                        held_on TEXT NOT NULL,
                        plan_approved INTEGER NOT NULL
                    );
                    CREATE INDEX held_meeting_by_case ON held_meeting(case_id, held_on);
                    CREATE TABLE observation (
                        observation_id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES case_file(case_id),
                        observed_on TEXT NOT NULL,
                        recorded_at_micros INTEGER NOT NULL,
                        message BLOB NOT NULL
                    );
                    CREATE INDEX observation_by_case ON observation(case_id, observed_on, recorded_at_micros);
                    CREATE TABLE assessment (
                        assessment_id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES case_file(case_id),
                        instrument_id TEXT NOT NULL,
                        instrument_version INTEGER NOT NULL,
                        time_point INTEGER NOT NULL,
                        assessed_on TEXT NOT NULL,
                        message BLOB NOT NULL,
                        UNIQUE (case_id, instrument_id, time_point)
                    );
                    CREATE TABLE plan_version (
                        case_id TEXT NOT NULL REFERENCES case_file(case_id),
                        version INTEGER NOT NULL,
                        status INTEGER NOT NULL,
                        message BLOB NOT NULL,
                        PRIMARY KEY (case_id, version)
                    );
                    CREATE TABLE session (
                        session_id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES case_file(case_id),
                        held_on TEXT NOT NULL,
                        recorded_at_micros INTEGER NOT NULL,
                        message BLOB NOT NULL
                    );
                    CREATE INDEX session_by_case ON session(case_id, held_on, recorded_at_micros);
                    CREATE TABLE final_summary (
                        case_id TEXT PRIMARY KEY REFERENCES case_file(case_id),
                        issued_on TEXT NOT NULL,
                        message BLOB NOT NULL
                    );

                    CREATE TRIGGER final_summary_is_immutable BEFORE UPDATE ON final_summary
                    BEGIN SELECT RAISE(ABORT, 'an issued final summary is immutable'); END;
                    CREATE TRIGGER final_summary_is_kept BEFORE DELETE ON final_summary
                    BEGIN SELECT RAISE(ABORT, 'an issued final summary is immutable'); END;
                    CREATE TRIGGER approved_plan_is_immutable BEFORE UPDATE ON plan_version WHEN OLD.status = 2
                    BEGIN SELECT RAISE(ABORT, 'an approved plan version is immutable'); END;
                    CREATE TRIGGER approved_plan_is_kept BEFORE DELETE ON plan_version WHEN OLD.status = 2
                    BEGIN SELECT RAISE(ABORT, 'an approved plan version is immutable'); END;
                    CREATE TRIGGER assessment_is_immutable BEFORE UPDATE ON assessment
                    BEGIN SELECT RAISE(ABORT, 'a recorded assessment is immutable'); END;
                    CREATE TRIGGER assessment_is_kept BEFORE DELETE ON assessment
                    BEGIN SELECT RAISE(ABORT, 'a recorded assessment is immutable'); END;
                    CREATE TRIGGER no_assessment_after_summary BEFORE INSERT ON assessment
                    WHEN EXISTS (SELECT 1 FROM final_summary WHERE case_id = NEW.case_id)
                    BEGIN SELECT RAISE(ABORT, 'the final summary of the case is issued'); END;
                    CREATE TRIGGER no_plan_after_summary BEFORE INSERT ON plan_version
                    WHEN EXISTS (SELECT 1 FROM final_summary WHERE case_id = NEW.case_id)
                    BEGIN SELECT RAISE(ABORT, 'the final summary of the case is issued'); END;
                    """)
        }
        return migrator
    }
}
