internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsWire

/// Checks meeting requests before anything is stored. Pure.
///
/// Every bad field is reported at once (``FieldViolations``), named by its proto path; messages
/// never repeat free-text values.
enum MeetingValidation {
    /// When a meeting takes place.
    struct Slot: Equatable, Sendable {
        var startsAt: Timestamp
        var durationMinutes: Int32
        /// The Riga calendar day of `startsAt`.
        var day: CalendarDay

        init(startsAt: Timestamp, durationMinutes: Int32) {
            self.startsAt = startsAt
            self.durationMinutes = durationMinutes
            day = RigaTime.calendarDay(ofUnixSeconds: startsAt.seconds)
        }
    }

    /// Longest meeting accepted.
    static let maximumDurationMinutes: Int32 = 12 * 60
    /// Longest free text accepted in one field (reports, decisions, reasons, addenda).
    static let maximumTextLength = 20_000
    /// Most participants one meeting may invite.
    static let maximumParticipants = 100

    static func schedule(_ request: ScheduleMeetingRequest) throws -> Slot {
        var violations = FieldViolations()
        requestID(request.requestID, &violations)
        switch request.kind {
        case .prePlacement:
            violations.require(
                !request.referralID.isEmpty || !request.caseID.isEmpty, "referral_id",
                "is required for a PRE_PLACEMENT meeting")
        case .meeting1, .meeting2, .meeting3:
            violations.require(
                !request.caseID.isEmpty || !request.referralID.isEmpty, "case_id",
                "is required for \(request.kind) (or the admitted child's referral_id)")
        case .quarterlyReview:
            violations.add("kind", "QUARTERLY_REVIEW meetings are created with PlanQuarterlyReview")
        default:
            violations.add("kind", "must be PRE_PLACEMENT, MEETING_1, MEETING_2 or MEETING_3")
        }
        let slot = slot(request.startsAt, request.durationMinutes, request.endsAt, keeping: nil, &violations)
        venue(request.mode, request.place, request.remoteLink, required: true, &violations)
        participants(request.participants, field: "participants", required: true, &violations)
        text(request.outsideWindowReason, "outside_window_reason", &violations)
        try violations.check()
        return slot!
    }

    /// The new slot of a reschedule; `currentDuration` is kept when the request gives none.
    static func reschedule(_ request: RescheduleMeetingRequest, currentDuration: Int32) throws -> Slot {
        var violations = FieldViolations()
        requestID(request.requestID, &violations)
        violations.require(!request.meetingID.isEmpty, "meeting_id", "is required")
        violations.require(!request.reason.isEmpty, "reason", "is required (why the meeting moves)")
        text(request.reason, "reason", &violations)
        text(request.outsideWindowReason, "outside_window_reason", &violations)
        let slot = slot(request.startsAt, request.durationMinutes, request.endsAt, keeping: currentDuration, &violations)
        venue(request.mode, request.place, request.remoteLink, required: false, &violations)
        participants(request.participants, field: "participants", required: false, &violations)
        try violations.check()
        return slot!
    }

    static func quarterlyReview(_ request: PlanQuarterlyReviewRequest, quarterCount: Int) throws -> Slot {
        var violations = FieldViolations()
        requestID(request.requestID, &violations)
        violations.require(
            (1...quarterCount).contains(Int(request.quarter)), "quarter",
            "must be a pilot quarter, 1 to \(quarterCount)")
        let slot = slot(request.startsAt, request.durationMinutes, request.endsAt, keeping: nil, &violations)
        venue(request.mode, request.place, request.remoteLink, required: true, &violations)
        participants(request.additionalParticipants, field: "additional_participants", required: false, &violations)
        text(request.outsideWindowReason, "outside_window_reason", &violations)
        try violations.check()
        return slot!
    }

    /// Validates minutes against the meeting's invited participants and kind.
    static func minutes(_ request: RecordMinutesRequest, for meeting: Meeting, today: CalendarDay) throws -> MeetingMinutes {
        var violations = FieldViolations()
        requestID(request.requestID, &violations)
        let heldOn = day(request.heldOn, "held_on", required: true, &violations)
        if let heldOn, heldOn > today {
            violations.add("held_on", "is in the future: minutes are recorded once the meeting has taken place")
        }
        let invited = Dictionary(meeting.participants.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        var attended = Set<String>()
        for (index, entry) in request.attendance.enumerated() {
            let field = "attendance[\(index)]"
            if invited[entry.participantID] == nil {
                violations.add("\(field).participant_id", "is not an invited participant of this meeting")
            } else if !attended.insert(entry.participantID).inserted {
                violations.add("\(field).participant_id", "appears twice")
            }
            violations.require(
                [MeetingAttendanceStatus.attended, .excused, .absent].contains(entry.status), "\(field).status",
                "must be ATTENDED, EXCUSED or ABSENT")
        }
        if request.finalise {
            let missing = meeting.participants.filter { !attended.contains($0.participantID) }
            if !missing.isEmpty {
                violations.add(
                    "attendance",
                    "final minutes need the attendance of every invited participant; missing: "
                        + missing.map { "\($0.participantID) (\($0.institution))" }.joined(separator: ", "))
            }
        }
        for (index, report) in request.reports.enumerated() {
            let field = "reports[\(index)]"
            violations.require(
                invited[report.participantID] != nil, "\(field).participant_id", "is not an invited participant of this meeting")
            violations.require(!report.text.isEmpty, "\(field).text", "is required")
            text(report.text, "\(field).text", &violations)
        }
        for (index, decision) in request.decisions.enumerated() {
            violations.require(!decision.isEmpty, "decisions[\(index)]", "must not be empty")
            text(decision, "decisions[\(index)]", &violations)
        }
        for (index, action) in request.actions.enumerated() {
            let field = "actions[\(index)]"
            violations.require(!action.description.isEmpty, "\(field).description", "is required")
            text(action.description, "\(field).description", &violations)
            violations.require(
                action.ownerInstitution != .unspecified && action.ownerInstitution != .operator
                    && action.ownerInstitution.protoName != nil,
                "\(field).owner_institution", "must name the institution that owns the action")
            if let due = day(action.dueOn, "\(field).due_on", required: true, &violations), let heldOn, due < heldOn {
                violations.add("\(field).due_on", "is before held_on")
            }
        }
        if request.planApproved && meeting.kind != .meeting1 {
            violations.add("plan_approved", "applies to MEETING_1 only: the rehabilitation plan is approved at meeting 1")
        }
        try violations.check()
        var minutes = MeetingMinutes()
        minutes.heldOn = heldOn!.description
        minutes.attendance = request.attendance
        minutes.reports = request.reports
        minutes.decisions = request.decisions
        minutes.actions = request.actions
        minutes.planApproved = request.planApproved
        minutes.finalised = request.finalise
        return minutes
    }

    /// Requires the request id (the store checks its length).
    static func requestID(_ value: String, _ violations: inout FieldViolations) {
        violations.require(!value.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
    }

    /// Parses a `YYYY-MM-DD` field, recording a violation when it is malformed (or missing and required).
    static func day(_ text: String, _ field: String, required: Bool, _ violations: inout FieldViolations) -> CalendarDay? {
        if text.isEmpty {
            if required { violations.add(field, "is required") }
            return nil
        }
        guard let day = CalendarDay(iso: text) else {
            violations.add(field, "must be a date YYYY-MM-DD")
            return nil
        }
        return day
    }

    static func text(_ value: String, _ field: String, _ violations: inout FieldViolations) {
        violations.require(value.count <= maximumTextLength, field, "is longer than \(maximumTextLength) characters")
    }

    /// The start and duration: `durationMinutes`, or `endsAt` after `startsAt`, or `keeping`.
    private static func slot(
        _ startsAt: Timestamp?, _ duration: Int32, _ endsAt: Timestamp?, keeping: Int32?, _ violations: inout FieldViolations
    ) -> Slot? {
        guard let startsAt else {
            violations.add("starts_at", "is required")
            return nil
        }
        guard startsAt.isValid else {
            violations.add("starts_at", "is not a valid instant")
            return nil
        }
        var minutes = duration
        if let endsAt {
            guard endsAt.isValid else {
                violations.add("ends_at", "is not a valid instant")
                return nil
            }
            let wholeSeconds = endsAt.seconds - startsAt.seconds
            guard wholeSeconds <= Int64(maximumDurationMinutes) * 60 + 1 else {
                violations.add("ends_at", "makes the meeting longer than \(maximumDurationMinutes / 60) hours")
                return nil
            }
            let nanoseconds = wholeSeconds * 1_000_000_000 + Int64(endsAt.nanos - startsAt.nanos)
            guard nanoseconds > 0 else {
                violations.add("ends_at", "is before starts_at: a meeting must end after it starts")
                return nil
            }
            let fromEnd = Int32(clamping: (nanoseconds + 59_999_999_999) / 60_000_000_000)
            if duration != 0 && duration != fromEnd {
                violations.add("duration_minutes", "disagrees with ends_at; give one of them")
                return nil
            }
            minutes = fromEnd
        }
        if minutes == 0, let keeping { minutes = keeping }
        if minutes == 0 {
            violations.add("duration_minutes", "is required (or ends_at)")
            return nil
        }
        guard minutes > 0 else {
            violations.add("duration_minutes", "is negative: a meeting must end after it starts")
            return nil
        }
        guard minutes <= maximumDurationMinutes else {
            violations.add(endsAt == nil ? "duration_minutes" : "ends_at", "makes the meeting longer than \(maximumDurationMinutes / 60) hours")
            return nil
        }
        return Slot(startsAt: startsAt, durationMinutes: minutes)
    }

    /// Mode, place and link: a remote meeting needs an http(s) link, one in person a place.
    private static func venue(
        _ mode: MeetingMode, _ place: String, _ link: String, required: Bool, _ violations: inout FieldViolations
    ) {
        switch mode {
        case .inPerson:
            violations.require(!place.isEmpty || !required, "place", "is required for an IN_PERSON meeting")
        case .remote:
            violations.require(!link.isEmpty || !required, "remote_link", "is required for a REMOTE meeting")
        case .unspecified where !required:
            break
        default:
            violations.add("mode", "must be IN_PERSON or REMOTE")
        }
        if !link.isEmpty {
            violations.require(
                (link.hasPrefix("https://") || link.hasPrefix("http://")) && !link.contains(where: \.isWhitespace)
                    && link.utf8.count <= 2048,
                "remote_link", "must be an http(s) URL")
        }
        violations.require(place.count <= 500, "place", "is longer than 500 characters")
    }

    private static func participants(
        _ list: [MeetingParticipant], field: String, required: Bool, _ violations: inout FieldViolations
    ) {
        if required && list.isEmpty { violations.add(field, "needs at least one invited participant") }
        violations.require(list.count <= maximumParticipants, field, "lists more than \(maximumParticipants) participants")
        for (index, participant) in list.enumerated() {
            let path = "\(field)[\(index)]"
            violations.require(
                participant.institution != .unspecified && participant.institution != .operator
                    && participant.institution.protoName != nil,
                "\(path).institution", "must name the participant's kind of institution")
            violations.require(!participant.institutionName.isEmpty, "\(path).institution_name", "is required")
            if !participant.email.isEmpty {
                let parts = participant.email.split(separator: "@", omittingEmptySubsequences: false)
                violations.require(
                    parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                        && !participant.email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }),
                    "\(path).email", "must be an e-mail address")
            }
            for (value, name) in [(participant.institutionName, "institution_name"), (participant.person, "person"), (participant.phone, "phone")] {
                violations.require(value.count <= 300, "\(path).\(name)", "is longer than 300 characters")
            }
        }
    }
}
