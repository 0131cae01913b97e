internal import Foundation
internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// The meeting service's store: one method per intent, each one durable transaction that also
/// appends its domain events to the outbox.
///
/// Scheduling lives here; minutes in `MeetingStore+Minutes`, quarterly reviews in
/// `MeetingStore+QuarterlyReview`, reads in `MeetingStore+Queries`, the facts learned from the
/// referral service in `MeetingStore+ReferralFacts`, the missed-requirement sweep in
/// `MeetingStore+Sweep`.
///
/// Thread-safe; methods await the database and never block the caller's thread.
struct MeetingStore: Sendable {
    let database: ServiceDatabase
    /// The pilot period: the windows of quarterly reviews.
    let pilot: PilotCalendar
    static let source = MeetingAPI.eventSource

    /// The moment a write happens (shared by every service's store).
    typealias Moment = WriteMoment

    /// What a child's meeting belongs to: a referral (pre-placement) or a case (meetings 1–3).
    struct Subject {
        var id: String
        var caseID: String
        var referralID: String
        var municipality: String
        var window: MeetingRules.Window
    }

    // MARK: - Scheduling

    func schedule(
        _ request: ScheduleMeetingRequest, slot: MeetingValidation.Slot, by principal: Principal, at moment: Moment
    ) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "ScheduleMeeting|\(principal.subject)", requestID: request.requestID) {
                let subject = try Self.subject(
                    kind: request.kind, caseID: request.caseID, referralID: request.referralID, visibleTo: principal, db)
                try MeetingAccessPolicy.convene(
                    principal, kind: request.kind, municipality: subject.municipality, "ScheduleMeeting")
                try Self.requireNoActiveMeeting(subject: subject.id, kind: request.kind, db)
                try Self.checkWindow(subject.window, slot: slot, reason: request.outsideWindowReason, kind: request.kind)

                var meeting = Meeting()
                meeting.meetingID = UUID().uuidString.lowercased()
                meeting.kind = request.kind
                meeting.status = .scheduled
                meeting.caseID = subject.caseID
                meeting.referralID = subject.referralID
                meeting.municipality = subject.municipality
                Self.set(slot, on: &meeting)
                meeting.mode = request.mode
                meeting.place = request.place
                meeting.remoteLink = request.remoteLink
                meeting.convenedBy = principal.institution
                meeting.participants = Self.withIDs(request.participants)
                meeting.outsideWindowReason = subject.window.contains(slot.day) ? "" : request.outsideWindowReason
                meeting.history = [Self.change(.scheduled, by: principal, at: moment, slot: slot)]
                try MeetingRecord(meeting, subjectID: subject.id).insert(db)
                try Self.appendScheduled(meeting, inWindow: subject.window.contains(slot.day), at: moment, db)
                return try decorated(meeting, db)
            }
        }
    }

    func reschedule(_ request: RescheduleMeetingRequest, by principal: Principal, at moment: Moment) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "RescheduleMeeting|\(principal.subject)", requestID: request.requestID) {
                var (record, meeting) = try Self.load(request.meetingID, visibleTo: principal, db)
                try MeetingAccessPolicy.convene(
                    principal, kind: meeting.kind, municipality: meeting.municipality, "RescheduleMeeting")
                try Self.requireScheduled(meeting, toDo: "rescheduled")
                let slot = try MeetingValidation.reschedule(request, currentDuration: meeting.durationMinutes)
                let window = try window(of: record, db)
                try Self.checkWindow(window, slot: slot, reason: request.outsideWindowReason, kind: meeting.kind)

                var change = Self.change(.rescheduled, by: principal, at: moment, slot: slot)
                change.reason = request.reason
                change.previousStartsAt = meeting.startsAt
                change.previousDurationMinutes = meeting.durationMinutes
                let previousDay = meeting.scheduledOn
                Self.set(slot, on: &meeting)
                if request.mode != .unspecified { meeting.mode = request.mode }
                if !request.place.isEmpty { meeting.place = request.place }
                if !request.remoteLink.isEmpty { meeting.remoteLink = request.remoteLink }
                if meeting.mode == .remote && meeting.remoteLink.isEmpty {
                    throw MeetingError.invalid("remote_link", "is required for a REMOTE meeting")
                }
                if !request.participants.isEmpty { meeting.participants = Self.withIDs(request.participants) }
                meeting.outsideWindowReason = window.contains(slot.day) ? "" : request.outsideWindowReason
                meeting.history.append(change)
                try MeetingRecord(meeting, subjectID: record.subjectID).update(db)

                var event = MeetingRescheduled()
                event.meetingID = meeting.meetingID
                event.kind = meeting.kind
                event.caseID = meeting.caseID
                event.referralID = meeting.referralID
                event.municipality = meeting.municipality
                event.scheduledOn = meeting.scheduledOn
                event.previousScheduledOn = previousDay
                event.inWindow = window.contains(slot.day)
                event.quarter = meeting.quarter
                try Self.append("MeetingRescheduled", event, for: meeting, at: moment.timestamp, db)
                return try decorated(meeting, db)
            }
        }
    }

    func cancel(_ request: CancelMeetingRequest, by principal: Principal, at moment: Moment) async throws -> Meeting {
        try await database.write { db in
            try db.idempotent(scope: "CancelMeeting|\(principal.subject)", requestID: request.requestID) {
                var (record, meeting) = try Self.load(request.meetingID, visibleTo: principal, db)
                try MeetingAccessPolicy.convene(
                    principal, kind: meeting.kind, municipality: meeting.municipality, "CancelMeeting")
                try Self.requireScheduled(meeting, toDo: "cancelled")
                var change = Self.change(.cancelled, by: principal, at: moment, slot: nil)
                change.reason = request.reason
                try Self.cancel(&meeting, record: &record, cause: .onRequest, reason: request.reason, change: change,
                                on: moment.today, at: moment.timestamp, db)
                return try decorated(meeting, db)
            }
        }
    }

    // MARK: - Shared steps (inside a write transaction)

    /// The referral or case a child's meeting of `kind` belongs to, checking that the kind fits
    /// the child's state: pre-placement before admission, meetings 1–3 during the course.
    static func subject(
        kind: MeetingKind, caseID: String, referralID: String, visibleTo principal: Principal, _ db: Database
    ) throws -> Subject {
        if kind == .prePlacement {
            if referralID.isEmpty {
                let fact = try visibleCase(caseID, principal, db)
                throw MeetingError.precondition(
                    "case \(caseID) is already admitted (\(CalendarDay(dayNumber: fact.admissionDay))): the pre-placement "
                        + "meeting comes before admission; schedule MEETING_1, MEETING_2 or MEETING_3 for the case")
            }
            let referral = try visibleReferral(referralID, principal, db)
            switch referral.referralStatus {
            case .admitted:
                throw MeetingError.precondition(
                    "referral \(referralID) is already admitted (case \(referral.caseID ?? "")): the pre-placement meeting "
                        + "comes before admission; schedule MEETING_1, MEETING_2 or MEETING_3 for the case")
            case .withdrawn, .declined:
                throw MeetingError.precondition(
                    "referral \(referralID) was \(referral.referralStatus.description.lowercased()) on "
                        + "\(referral.closedDay.map { CalendarDay(dayNumber: $0).description } ?? "?"): no meeting can be scheduled for it")
            default:
                break
            }
            let window = try RequirementRecord.fetchOne(db, key: requirementKey(referralID, .prePlacement))?.window
                ?? MeetingRules.Window(first: CalendarDay(dayNumber: referral.receivedDay), last: nil)
            return Subject(id: referralID, caseID: "", referralID: referralID, municipality: referral.municipality, window: window)
        }
        var id = caseID
        if id.isEmpty {
            let referral = try visibleReferral(referralID, principal, db)
            guard let admitted = referral.caseID, referral.referralStatus == .admitted else {
                throw MeetingError.precondition(
                    "referral \(referralID) is not admitted: \(kind) is held during the course; schedule the "
                        + "PRE_PLACEMENT meeting, or admit the child first")
            }
            id = admitted
        }
        let fact = try visibleCase(id, principal, db)
        guard fact.caseStatus == .inCourse else {
            throw MeetingError.precondition(
                "case \(id) ended on \(fact.endedDay.map { CalendarDay(dayNumber: $0).description } ?? "?") "
                    + "(\(fact.caseStatus)): no further meeting can be scheduled for it")
        }
        guard let requirement = try RequirementRecord.fetchOne(db, key: requirementKey(id, kind)) else {
            throw MeetingError.precondition("case \(id) has no \(kind) requirement")
        }
        return Subject(
            id: id, caseID: id, referralID: fact.referralID, municipality: fact.municipality, window: requirement.window)
    }

    private static func visibleReferral(_ id: String, _ principal: Principal, _ db: Database) throws -> ReferralFactRecord {
        guard let fact = try ReferralFactRecord.fetchOne(db, key: id) else { throw MeetingError.unknownSubject("referral", id) }
        guard AccessRules.canSeeMunicipality(principal, fact.municipality) else { throw MeetingError.notFound("referral", id) }
        return fact
    }

    private static func visibleCase(_ id: String, _ principal: Principal, _ db: Database) throws -> CaseFactRecord {
        guard let fact = try CaseFactRecord.fetchOne(db, key: id) else { throw MeetingError.unknownSubject("case", id) }
        guard AccessRules.canSeeMunicipality(principal, fact.municipality) else { throw MeetingError.notFound("case", id) }
        return fact
    }

    static func requirementKey(_ subjectID: String, _ kind: MeetingKind) -> [String: (any DatabaseValueConvertible)?] {
        ["subject_id": subjectID, "kind": kind.rawValue]
    }

    /// The meeting of `kind` for `subject` that is not cancelled, if any.
    static func activeMeeting(subject: String, kind: MeetingKind, _ db: Database) throws -> MeetingRecord? {
        try MeetingRecord
            .filter(MeetingRecord.Columns.subjectID == subject)
            .filter(MeetingRecord.Columns.kind == kind.rawValue)
            .filter(MeetingRecord.Columns.status != MeetingStatus.cancelled.rawValue)
            .order(MeetingRecord.Columns.startsAtMicros.desc)
            .fetchOne(db)
    }

    static func requireNoActiveMeeting(subject: String, kind: MeetingKind, _ db: Database) throws {
        guard let existing = try activeMeeting(subject: subject, kind: kind, db) else { return }
        let state = existing.meetingStatus == .scheduled
            ? "is already scheduled for \(CalendarDay(dayNumber: existing.startDay)); reschedule it instead"
            : "was already held on \(CalendarDay(dayNumber: existing.startDay))"
        throw MeetingError.alreadyExists(
            meetingID: existing.meetingID, "\(MeetingLabels.english(kind)) \(existing.meetingID) \(state)")
    }

    /// FAILED_PRECONDITION when the day is outside the window and no reason is given.
    static func checkWindow(_ window: MeetingRules.Window, slot: MeetingValidation.Slot, reason: String, kind: MeetingKind) throws {
        guard !window.contains(slot.day), reason.isEmpty else { return }
        throw MeetingError.precondition(
            "\(MeetingLabels.english(kind)) is due \(MeetingLabels.window(window)); \(slot.day) is outside that window: "
                + "give outside_window_reason to schedule it anyway")
    }

    static func requireScheduled(_ meeting: Meeting, toDo action: String) throws {
        switch meeting.status {
        case .scheduled:
            return
        case .cancelled:
            throw MeetingError.precondition("meeting \(meeting.meetingID) was cancelled and cannot be \(action)")
        default:
            throw MeetingError.precondition(
                "meeting \(meeting.meetingID) was held on \(meeting.minutes?.heldOn ?? meeting.scheduledOn) and cannot be \(action)")
        }
    }

    /// The stored meeting, NOT_FOUND when missing or not visible to the principal.
    static func load(_ id: String, visibleTo principal: Principal, _ db: Database) throws -> (MeetingRecord, Meeting) {
        guard let record = try MeetingRecord.fetchOne(db, key: id) else { throw MeetingError.notFound("meeting", id) }
        try MeetingAccessPolicy.see(principal, record)
        return (record, try record.meeting())
    }

    static func set(_ slot: MeetingValidation.Slot, on meeting: inout Meeting) {
        meeting.startsAt = slot.startsAt
        meeting.durationMinutes = slot.durationMinutes
        meeting.scheduledOn = slot.day.description
    }

    /// The participants with service-assigned ids.
    static func withIDs(_ participants: [MeetingParticipant]) -> [MeetingParticipant] {
        participants.map { participant in
            var participant = participant
            participant.participantID = UUID().uuidString.lowercased()
            return participant
        }
    }

    static func change(
        _ kind: MeetingChangeKind, by principal: Principal, at moment: Moment, slot: MeetingValidation.Slot?
    ) -> MeetingChange {
        var change = MeetingChange()
        change.kind = kind
        change.at = moment.timestamp
        change.byInstitution = principal.institution
        change.by = principal.subject
        change.startsAt = slot?.startsAt
        change.durationMinutes = slot?.durationMinutes ?? 0
        return change
    }

    /// Cancels a scheduled meeting: status, reason, history, and a `MeetingCancelled` event.
    static func cancel(
        _ meeting: inout Meeting, record: inout MeetingRecord, cause: MeetingCancellationCause, reason: String,
        change: MeetingChange, on day: CalendarDay, at time: Timestamp, _ db: Database
    ) throws {
        meeting.status = .cancelled
        meeting.cancellationReason = reason
        meeting.cancellationCause = cause
        meeting.history.append(change)
        record = MeetingRecord(meeting, subjectID: record.subjectID)
        try record.update(db)
        var event = MeetingCancelled()
        event.meetingID = meeting.meetingID
        event.kind = meeting.kind
        event.caseID = meeting.caseID
        event.referralID = meeting.referralID
        event.municipality = meeting.municipality
        event.cancelledOn = day.description
        event.cause = cause
        event.quarter = meeting.quarter
        try append("MeetingCancelled", event, for: meeting, at: time, db)
    }

    static func appendScheduled(_ meeting: Meeting, inWindow: Bool, at moment: Moment, _ db: Database) throws {
        var event = MeetingScheduled()
        event.meetingID = meeting.meetingID
        event.kind = meeting.kind
        event.caseID = meeting.caseID
        event.referralID = meeting.referralID
        event.municipality = meeting.municipality
        event.scheduledOn = meeting.scheduledOn
        event.inWindow = inWindow
        event.quarter = meeting.quarter
        event.convenedBy = meeting.convenedBy
        try append("MeetingScheduled", event, for: meeting, at: moment.timestamp, db)
    }

    /// Appends an event about `meeting`. `Event.case_id` is the case id for meetings 1–3, the
    /// referral id for pre-placement, and empty for quarterly reviews.
    static func append(_ kind: String, _ payload: some Message, for meeting: Meeting, at time: Timestamp, _ db: Database) throws {
        let subject: String
        switch meeting.kind {
        case .prePlacement: subject = meeting.referralID
        case .quarterlyReview: subject = ""
        default: subject = meeting.caseID
        }
        try db.appendEvent(kind: kind, caseID: subject, payload: payload, source: source, at: time)
    }
}
