internal import GRDB
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// What the referral service's events mean here. Each function runs inside the consumer's
/// transaction, which also stores its cursor, so an event is applied exactly once; the inserts
/// are written so that applying one twice would change nothing either.
///
/// - `ReferralSubmitted`: the referral and its pre-placement requirement, open from the day received.
/// - `CaseAdmitted`: the case; the pre-placement window closes on the admission day; the
///   requirements of meetings 1–3 with their windows from ``CaseTimeline``.
/// - `ReferralClosed`, `CaseEnded`: cancel what is still open (requirements whose window had not
///   closed, meetings scheduled after the end day) and emit `MeetingCancelled` for those meetings.
extension MeetingStore {
    static let eventKinds = ["ReferralSubmitted", "CaseAdmitted", "ReferralClosed", "CaseEnded"]
    /// The `MeetingChange.by` of changes that follow referral events.
    static let serviceSubject = "service:meeting-service"

    @Sendable static func applyReferralEvent(_ event: Event, _ db: Database) throws {
        let day = RigaTime.calendarDay(ofUnixSeconds: event.occurredAt?.seconds ?? 0)
        switch event.kind {
        case "ReferralSubmitted":
            try applySubmitted(event.payload(as: ReferralSubmitted.self), fallbackDay: day, db)
        case "CaseAdmitted":
            try applyAdmitted(event.payload(as: CaseAdmitted.self), fallbackDay: day, db)
        case "ReferralClosed":
            let closed = try event.payload(as: ReferralClosed.self)
            try applyClosed(closed, on: CalendarDay(iso: closed.closedOn) ?? day, at: event.occurredAt ?? Timestamp(), db)
        case "CaseEnded":
            let ended = try event.payload(as: CaseEnded.self)
            try applyEnded(ended, on: CalendarDay(iso: ended.endedOn) ?? day, at: event.occurredAt ?? Timestamp(), db)
        default:
            break
        }
    }

    static func applySubmitted(_ submitted: ReferralSubmitted, fallbackDay: CalendarDay, _ db: Database) throws {
        let received = CalendarDay(iso: submitted.receivedOn) ?? fallbackDay
        try ReferralFactRecord(
            referralID: submitted.referralID, municipality: submitted.municipality, receivedDay: received.dayNumber,
            status: ReferralStatus.received.rawValue, caseID: nil, closedDay: nil
        ).insert(db, onConflict: .ignore)
        try RequirementRecord(
            subjectID: submitted.referralID, kind: MeetingKind.prePlacement.rawValue, caseID: "",
            referralID: submitted.referralID, municipality: submitted.municipality, windowFirst: received.dayNumber,
            windowLast: nil, cancelledDay: nil, heldAtAdmission: false, missedReported: false
        ).insert(db, onConflict: .ignore)
    }

    static func applyAdmitted(_ admitted: CaseAdmitted, fallbackDay: CalendarDay, _ db: Database) throws {
        guard let timeline = admitted.timeline, let admission = CalendarDay(iso: timeline.admissionDate),
            let length = CourseLength(rawValue: timeline.courseLengthDays)
        else {
            // The referral service only admits 40- or 70-day courses with a timeline; anything else
            // has no requirements to open, and must not stop the consumer.
            return
        }
        let course = CaseTimeline(admission: admission, length: length)
        let received = CalendarDay(iso: admitted.referralReceivedOn) ?? min(fallbackDay, admission)

        var referral = try ReferralFactRecord.fetchOne(db, key: admitted.referralID)
            ?? ReferralFactRecord(
                referralID: admitted.referralID, municipality: admitted.municipality, receivedDay: received.dayNumber,
                status: 0, caseID: nil, closedDay: nil)
        referral.status = ReferralStatus.admitted.rawValue
        referral.caseID = admitted.caseID
        try referral.save(db)
        try CaseFactRecord(
            caseID: admitted.caseID, referralID: admitted.referralID, municipality: admitted.municipality,
            admissionDay: admission.dayNumber, lengthDays: length.days, lastDay: course.lastDay.dayNumber,
            status: CaseStatus.inCourse.rawValue, endedDay: nil
        ).insert(db, onConflict: .ignore)

        // The pre-placement window closes on the admission day.
        var prePlacement = try RequirementRecord.fetchOne(db, key: requirementKey(admitted.referralID, .prePlacement))
            ?? RequirementRecord(
                subjectID: admitted.referralID, kind: MeetingKind.prePlacement.rawValue, caseID: "",
                referralID: admitted.referralID, municipality: admitted.municipality,
                windowFirst: referral.receivedDay, windowLast: nil, cancelledDay: nil, heldAtAdmission: false,
                missedReported: false)
        prePlacement.caseID = admitted.caseID
        prePlacement.windowLast = max(admission.dayNumber, prePlacement.windowFirst)
        prePlacement.heldAtAdmission = !admitted.withoutPrePlacementMeeting
        try prePlacement.save(db)

        for kind in MeetingRules.courseKinds {
            let window = MeetingRules.window(of: kind, in: course)!
            try RequirementRecord(
                subjectID: admitted.caseID, kind: kind.rawValue, caseID: admitted.caseID, referralID: admitted.referralID,
                municipality: admitted.municipality, windowFirst: window.first.dayNumber, windowLast: window.last.dayNumber,
                cancelledDay: nil, heldAtAdmission: false, missedReported: false
            ).insert(db, onConflict: .ignore)
        }
    }

    static func applyClosed(_ closed: ReferralClosed, on day: CalendarDay, at time: Timestamp, _ db: Database) throws {
        guard var referral = try ReferralFactRecord.fetchOne(db, key: closed.referralID) else { return }
        referral.status = closed.status.rawValue
        referral.closedDay = day.dayNumber
        try referral.update(db)
        try cancelOpen(subject: closed.referralID, kinds: [.prePlacement], endedOn: day, cause: .referralClosed,
                       reason: "nosūtījums slēgts (\(closed.status))", at: time, db)
    }

    static func applyEnded(_ ended: CaseEnded, on day: CalendarDay, at time: Timestamp, _ db: Database) throws {
        guard var fact = try CaseFactRecord.fetchOne(db, key: ended.caseID) else { return }
        fact.status = ended.status.rawValue
        fact.endedDay = day.dayNumber
        try fact.update(db)
        try cancelOpen(subject: ended.caseID, kinds: MeetingRules.courseKinds, endedOn: day, cause: .caseEnded,
                       reason: "lieta noslēgta (\(ended.status))", at: time, db)
    }

    /// Cancels the subject's requirements not held whose window had not closed by `endedOn`, and
    /// its meetings still scheduled after `endedOn` (one on the end day itself may have taken place).
    private static func cancelOpen(
        subject: String, kinds: [MeetingKind], endedOn: CalendarDay, cause: MeetingCancellationCause, reason: String,
        at time: Timestamp, _ db: Database
    ) throws {
        for kind in kinds {
            guard var requirement = try RequirementRecord.fetchOne(db, key: requirementKey(subject, kind)) else { continue }
            let held = try activeMeeting(subject: subject, kind: kind, db).map { $0.meetingStatus != .scheduled } ?? false
            if !held, requirement.cancelledDay == nil, MeetingRules.endCancels(requirement.window, endedOn: endedOn) {
                requirement.cancelledDay = endedOn.dayNumber
                try requirement.update(db)
            }
        }
        let scheduled = try MeetingRecord
            .filter(MeetingRecord.Columns.subjectID == subject)
            .filter(MeetingRecord.Columns.status == MeetingStatus.scheduled.rawValue)
            .filter(MeetingRecord.Columns.startDay > endedOn.dayNumber)
            .fetchAll(db)
        for stored in scheduled {
            var record = stored
            var meeting = try record.meeting()
            var change = MeetingChange()
            change.kind = .cancelled
            change.at = time
            change.byInstitution = .operator
            change.by = serviceSubject
            change.reason = reason
            try cancel(&meeting, record: &record, cause: cause, reason: reason, change: change, on: endedOn, at: time, db)
        }
    }
}
