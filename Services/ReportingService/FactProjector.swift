internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages

/// Applies the followed services' events to the analytical store: each event becomes one or two
/// upserts of pseudonymous fact rows (see ``ReportingSchema``).
///
/// Runs inside the event consumer's transaction, which also stores the stream's cursor, so an
/// event is applied exactly once however often either side restarts. The three streams are not
/// ordered with respect to each other (a case's sessions may arrive before its admission), so every
/// write is an upsert that fills in its own columns, and facts that need another stream's facts
/// (sessions by cohort) are completed when the later one arrives. Within one stream, order holds
/// (a referral's `ReferralSubmitted` precedes its `CaseAdmitted`).
///
/// What is kept: codes, days, numbers and flags. Ids are replaced by their keys; free text never
/// reaches the events; service-type and municipality codes that do not look like codes are
/// replaced by `other` rather than stored.
///
/// Immutable; `apply` may run on any thread, inside a write transaction.
struct FactProjector: Sendable {
    let pseudonyms: Pseudonymizer
    let revisions: RevisionCounter
    /// The instrument whose scores the evaluation compares (`evaluation_instrument`).
    let instrumentID: String

    /// Applies a batch of events of any followed streams, as applying them one at a time in
    /// order would; unknown kinds are ignored.
    ///
    /// `SessionLogged` events, three quarters of all, are summed per case and service type and
    /// written once per batch (see FactProjector+Sessions): a backfill writes a child's tallies
    /// once per batch instead of once per session. That is the same as writing them in place,
    /// because no other event in any stream changes what a session write reads or writes except
    /// `CaseAdmitted`, whose write is order-independent with sessions by design (see above).
    /// - Throws: ``WireError`` for a payload that does not decode, or a database error.
    func apply(_ events: [Event], _ db: Database) throws {
        var sessions = SessionSums()
        for event in events {
            if event.kind == "SessionLogged" {
                sessions.add(try SessionLogged(serializedBytes: event.payload), key: pseudonyms.key)
            } else {
                try apply(event, db)
            }
        }
        try write(sessions, db)
    }

    /// Applies one event of any followed stream; unknown kinds are ignored.
    /// - Throws: ``WireError`` for a payload that does not decode, or a database error.
    func apply(_ event: Event, _ db: Database) throws {
        switch event.kind {
        case "ReferralSubmitted": try referralSubmitted(try ReferralSubmitted(serializedBytes: event.payload), db)
        case "ReferralClosed": try referralClosed(try ReferralClosed(serializedBytes: event.payload), db)
        case "CaseAdmitted": try caseAdmitted(try CaseAdmitted(serializedBytes: event.payload), db)
        case "CaseEnded": try caseEnded(try CaseEnded(serializedBytes: event.payload), db)
        case "MeetingHeld": try meetingHeld(try MeetingHeld(serializedBytes: event.payload), db)
        case "AgreedActionCompleted": try agreedActionCompleted(try AgreedActionCompleted(serializedBytes: event.payload), db)
        case "AssessmentRecorded": try assessmentRecorded(try AssessmentRecorded(serializedBytes: event.payload), db)
        case "PlanApproved": try planApproved(try PlanApproved(serializedBytes: event.payload), db)
        case "SessionLogged": try apply([event], db)
        case "FinalSummaryIssued": try finalSummaryIssued(try FinalSummaryIssued(serializedBytes: event.payload), db)
        default: return
        }
    }

    /// The event kinds each stream's consumer asks for.
    static let referralKinds = ["ReferralSubmitted", "ReferralClosed", "CaseAdmitted", "CaseEnded"]
    static let meetingKinds = ["MeetingHeld", "AgreedActionCompleted"]
    static let assessmentKinds = ["AssessmentRecorded", "PlanApproved", "SessionLogged", "FinalSummaryIssued"]

    // MARK: - Referral stream

    func referralSubmitted(_ event: ReferralSubmitted, _ db: Database) throws {
        let violence = event.violenceTypes.reduce(0) { mask, type in
            (1...4).contains(type.rawValue) ? mask | (1 << Int(type.rawValue - 1)) : mask
        }
        let band = AgeBand(validatingAge: Int(event.ageYears))?.rawValue
        try db.cachedStatement(
            sql: """
                INSERT INTO referral_fact (referral_key, rev, municipality, received_day, urgent, requested_length, sex,
                    age_band, violence_types, orphans_court_involved)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (referral_key) DO UPDATE SET rev = excluded.rev, municipality = excluded.municipality,
                    received_day = excluded.received_day, urgent = excluded.urgent,
                    requested_length = excluded.requested_length, sex = excluded.sex, age_band = excluded.age_band,
                    violence_types = excluded.violence_types, orphans_court_involved = excluded.orphans_court_involved
                """
        ).execute(arguments: [
            pseudonyms.key(event.referralID), revisions.next(), Self.code(event.municipality), Self.day(event.receivedOn),
            event.urgent, event.requestedLength.rawValue, event.sex.rawValue, band, violence, event.orphansCourtInvolved,
        ])
    }

    func referralClosed(_ event: ReferralClosed, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO referral_fact (referral_key, rev, closed_day, closed_status) VALUES (?, ?, ?, ?)
                ON CONFLICT (referral_key) DO UPDATE SET rev = excluded.rev, closed_day = excluded.closed_day,
                    closed_status = excluded.closed_status
                """
        ).execute(arguments: [pseudonyms.key(event.referralID), revisions.next(), Self.day(event.closedOn), event.status.rawValue])
    }

    func caseAdmitted(_ event: CaseAdmitted, _ db: Database) throws {
        let caseKey = pseudonyms.key(event.caseID)
        let referralKey = pseudonyms.key(event.referralID)
        let admission = Self.day(event.timeline?.admissionDate ?? "")
        let length = event.timeline.map { Int($0.courseLengthDays) }.flatMap { [40, 70].contains($0) ? $0 : nil }
        try db.cachedStatement(
            sql: """
                INSERT INTO referral_fact (referral_key, rev, municipality, case_key, admission_day, course_length)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (referral_key) DO UPDATE SET rev = excluded.rev,
                    municipality = coalesce(municipality, excluded.municipality), case_key = excluded.case_key,
                    admission_day = excluded.admission_day, course_length = excluded.course_length
                """
        ).execute(arguments: [referralKey, revisions.next(), Self.code(event.municipality), caseKey, admission, length])
        // The child's facts, from the referral (the same stream, so already here).
        let referral = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT sex, age_band, violence_types, urgent, received_day FROM referral_fact WHERE referral_key = ?"),
            arguments: [referralKey])
        let received = Self.day(event.referralReceivedOn) ?? referral?["received_day"]
        let previous = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, admission_day FROM case_fact WHERE case_key = ?"), arguments: [caseKey])
        try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, referral_key, municipality, course_length, admission_day,
                    allocation_method, without_pre_placement_meeting, referral_received_day, sex, age_band, violence_types,
                    urgent, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev, referral_key = excluded.referral_key,
                    municipality = excluded.municipality, course_length = excluded.course_length,
                    admission_day = excluded.admission_day, allocation_method = excluded.allocation_method,
                    without_pre_placement_meeting = excluded.without_pre_placement_meeting,
                    referral_received_day = excluded.referral_received_day, sex = excluded.sex,
                    age_band = excluded.age_band, violence_types = excluded.violence_types, urgent = excluded.urgent,
                    status = coalesce(status, excluded.status)
                """
        ).execute(arguments: [
            caseKey, revisions.next(), referralKey, Self.code(event.municipality), length, admission,
            event.allocationMethod.rawValue, event.withoutPrePlacementMeeting, received,
            referral?["sex"] as Int64?, referral?["age_band"] as String?, referral?["violence_types"] as Int64?,
            referral?["urgent"] as Bool?, CaseStatus.inCourse.rawValue,
        ])
        // Sessions logged before this admission arrived now join the cohort's tallies (once: only
        // when the case had no admission yet).
        if let previous, previous["admission_day"] as Int64? == nil, let length, let admission {
            try db.execute(
                sql: """
                    INSERT INTO session_day_tally (course_length, admission_day, service_type, children, sessions, minutes)
                    SELECT ?, ?, service_type, 1, sessions, minutes FROM session_tally WHERE case_id = ?
                    ON CONFLICT (course_length, admission_day, service_type) DO UPDATE SET
                        children = children + excluded.children, sessions = sessions + excluded.sessions,
                        minutes = minutes + excluded.minutes
                    """,
                arguments: [length, admission, previous["id"] as Int64])
        }
    }

    func caseEnded(_ event: CaseEnded, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, status, ended_day, termination_reason) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev, status = excluded.status,
                    ended_day = excluded.ended_day, termination_reason = excluded.termination_reason
                """
        ).execute(arguments: [
            pseudonyms.key(event.caseID), revisions.next(), event.status.rawValue, Self.day(event.endedOn),
            event.status == .terminatedEarly ? event.terminationReason.rawValue : nil,
        ])
    }

    // MARK: - Meeting stream

    func meetingHeld(_ event: MeetingHeld, _ db: Database) throws {
        guard let held = Self.day(event.heldOn) else { return }
        try agreedActionsHeld(event, heldDay: held, db)  // see FactProjector+AgreedActions
        switch event.kind {
        case .prePlacement:
            guard !event.referralID.isEmpty else { return }
            try db.cachedStatement(
                sql: """
                    INSERT INTO referral_fact (referral_key, rev, pre_placement_held_day) VALUES (?, ?, ?)
                    ON CONFLICT (referral_key) DO UPDATE SET rev = excluded.rev,
                        pre_placement_held_day = min(coalesce(pre_placement_held_day, excluded.pre_placement_held_day),
                            excluded.pre_placement_held_day)
                    """
            ).execute(arguments: [pseudonyms.key(event.referralID), revisions.next(), held])
        case .meeting1, .meeting2, .meeting3:
            guard !event.caseID.isEmpty else { return }
            let column = "meeting\(event.kind.rawValue - 1)_day"
            try db.cachedStatement(
                sql: """
                    INSERT INTO case_fact (case_key, rev, \(column)) VALUES (?, ?, ?)
                    ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev,
                        \(column) = min(coalesce(\(column), excluded.\(column)), excluded.\(column))
                    """
            ).execute(arguments: [pseudonyms.key(event.caseID), revisions.next(), held])
        default:
            return  // quarterly reviews concern no child
        }
    }

    // MARK: - Assessment stream

    func assessmentRecorded(_ event: AssessmentRecorded, _ db: Database) throws {
        guard event.instrumentID == instrumentID, let day = Self.day(event.recordedOn) else { return }
        let point: String
        switch event.timePoint {
        case .baseline: point = "baseline"
        case .mid: point = "mid"
        case .final: point = "final"
        default: return
        }
        let key = pseudonyms.key(event.caseID)
        // The first assessment of a time point counts (the assessment service allows one per instrument).
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(point)_day FROM case_fact WHERE case_key = ?"), arguments: [key])
        if let existing, existing[0] as Int64? != nil { return }
        var scores = [Int32?](repeating: nil, count: 6)
        for score in event.scores where score.complete && (1...6).contains(score.pilotArea.rawValue) {
            scores[Int(score.pilotArea.rawValue) - 1] = score.score
        }
        let columns = ReportingSchema.areaColumns.map { "\(point)_\($0)" }
        let updates = ([ "\(point)_day"] + columns).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        var arguments: [(any DatabaseValueConvertible)?] = [key, revisions.next(), day]
        arguments += scores.map { $0 }
        try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, \(point)_day, \(columns.joined(separator: ", ")))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev, \(updates)
                """
        ).execute(arguments: StatementArguments(arguments))
    }

    func planApproved(_ event: PlanApproved, _ db: Database) throws {
        guard let day = Self.day(event.approvedOn) else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, plan_approved_day) VALUES (?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev,
                    plan_approved_day = min(coalesce(plan_approved_day, excluded.plan_approved_day), excluded.plan_approved_day)
                """
        ).execute(arguments: [pseudonyms.key(event.caseID), revisions.next(), day])
    }

    func finalSummaryIssued(_ event: FinalSummaryIssued, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_fact (case_key, rev, summary_day, destination) VALUES (?, ?, ?, ?)
                ON CONFLICT (case_key) DO UPDATE SET rev = excluded.rev,
                    summary_day = coalesce(summary_day, excluded.summary_day),
                    destination = coalesce(destination, excluded.destination)
                """
        ).execute(arguments: [pseudonyms.key(event.caseID), revisions.next(), Self.day(event.issuedOn), event.destination.rawValue])
    }

    // MARK: - Values

    /// A `YYYY-MM-DD` day as its day number; nil when empty or malformed.
    static func day(_ text: String) -> Int? {
        CalendarDay(iso: text)?.dayNumber
    }

    /// A municipality or catalogue code as stored: letters, digits, `_`, `-` and `.`, at most 64
    /// bytes; nil when empty, `other` for anything else (so free text is never stored).
    static func code(_ text: String) -> String? {
        if text.isEmpty { return nil }
        let allowed = text.utf8.count <= 64
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        return allowed ? text : "other"
    }
}
