internal import GRDB

/// The analytical store's tables. Migrations are named and only ever appended.
///
/// Nothing here identifies a child: no names, personal codes, free text, or the other services'
/// ids. A referral and a case are known by their pseudonymous key (``Pseudonymizer``: HMAC-SHA-256
/// of the id under the configured secret); the facts are codes, days (``CalendarDay/dayNumber``),
/// small numbers and flags. The `id` columns are this store's own row numbers, which the
/// in-memory model (``FactModel``) uses as array indices.
///
/// Every row written gets the next `rev` (``RevisionCounter``), so the model catches up by reading
/// the rows with `rev` above the last it loaded (`…_rev` indexes).
///
/// - `referral_fact`: one per referral: where from, when, the child's age band, sex and violence
///   types, the length asked for, urgency; when closed; when admitted and for how long; when the
///   pre-placement meeting was held.
/// - `case_fact`: one per case: the referral's facts copied at admission, the course (length,
///   admission day, allocation method), how it ended, the first day each of meetings 1–3 was held,
///   plan approval, the evaluation instrument's area scores at BASELINE, MID and FINAL with their
///   days, sessions and their minutes, the final summary's day and destination.
/// - `session_tally`: sessions and minutes per case and service type (catalogue codes).
/// - `session_day_tally`: the same summed per cohort, admission day and service type, with the
///   number of children: what the evaluation's "sessions by type" reads.
/// - `agreed_action_fact` (`reporting-v2-agreed-actions`): one per action agreed at a child's
///   meeting, known by its action id's key, with the case's key (the referral's for pre-placement),
///   the meeting kind, municipality, owning institution, the meeting's held day, the due day and
///   the day it was done.
enum ReportingSchema {
    /// The pilot's six areas, in `tilts.assessment.v1.AssessmentArea` order: the column suffixes.
    static let areaColumns = ["emotional", "social", "behavioural", "cognitive", "physical", "environment"]
    static let timePointColumns = ["baseline", "mid", "final"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("reporting-v1-facts") { db in
            let scores = timePointColumns.flatMap { point in areaColumns.map { "\(point)_\($0) INTEGER" } }
                .joined(separator: ",\n    ")
            try db.execute(
                sql: """
                    CREATE TABLE referral_fact (
                        id INTEGER PRIMARY KEY,
                        referral_key BLOB NOT NULL UNIQUE,
                        rev INTEGER NOT NULL,
                        municipality TEXT,
                        received_day INTEGER,
                        urgent INTEGER,
                        requested_length INTEGER,
                        sex INTEGER,
                        age_band TEXT,
                        violence_types INTEGER,
                        orphans_court_involved INTEGER,
                        closed_day INTEGER,
                        closed_status INTEGER,
                        case_key BLOB,
                        admission_day INTEGER,
                        course_length INTEGER,
                        pre_placement_held_day INTEGER
                    );
                    CREATE INDEX referral_fact_rev ON referral_fact(rev);
                    CREATE TABLE case_fact (
                        id INTEGER PRIMARY KEY,
                        case_key BLOB NOT NULL UNIQUE,
                        rev INTEGER NOT NULL,
                        referral_key BLOB,
                        municipality TEXT,
                        course_length INTEGER,
                        admission_day INTEGER,
                        allocation_method INTEGER,
                        without_pre_placement_meeting INTEGER,
                        referral_received_day INTEGER,
                        sex INTEGER,
                        age_band TEXT,
                        violence_types INTEGER,
                        urgent INTEGER,
                        status INTEGER,
                        ended_day INTEGER,
                        termination_reason INTEGER,
                        meeting1_day INTEGER,
                        meeting2_day INTEGER,
                        meeting3_day INTEGER,
                        plan_approved_day INTEGER,
                        baseline_day INTEGER,
                        mid_day INTEGER,
                        final_day INTEGER,
                        \(scores),
                        sessions INTEGER NOT NULL DEFAULT 0,
                        session_minutes INTEGER NOT NULL DEFAULT 0,
                        summary_day INTEGER,
                        destination INTEGER
                    );
                    CREATE INDEX case_fact_rev ON case_fact(rev);
                    CREATE TABLE session_tally (
                        case_id INTEGER NOT NULL REFERENCES case_fact(id),
                        service_type TEXT NOT NULL,
                        sessions INTEGER NOT NULL,
                        minutes INTEGER NOT NULL,
                        PRIMARY KEY (case_id, service_type)
                    ) WITHOUT ROWID;
                    CREATE TABLE session_day_tally (
                        course_length INTEGER NOT NULL,
                        admission_day INTEGER NOT NULL,
                        service_type TEXT NOT NULL,
                        children INTEGER NOT NULL,
                        sessions INTEGER NOT NULL,
                        minutes INTEGER NOT NULL,
                        PRIMARY KEY (course_length, admission_day, service_type)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("reporting-v2-agreed-actions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agreed_action_fact (
                        id INTEGER PRIMARY KEY,
                        action_key BLOB NOT NULL UNIQUE,
                        rev INTEGER NOT NULL,
                        case_key BLOB,
                        referral_key BLOB,
                        meeting_kind INTEGER,
                        municipality TEXT,
                        owner_institution INTEGER,
                        held_day INTEGER,
                        due_day INTEGER,
                        done_day INTEGER
                    );
                    CREATE INDEX agreed_action_fact_rev ON agreed_action_fact(rev);
                    """)
        }
        return migrator
    }
}
