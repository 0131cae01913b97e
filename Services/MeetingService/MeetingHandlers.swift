internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire

/// `tilts.meeting.v1.MeetingService`: decodes who is calling, checks the access policy and the
/// input, and hands the intent to ``MeetingStore``. The reading methods are in
/// `MeetingHandlers+Reads`.
///
/// Every response that concerns one record carries its id in the `tilts-record-id` response
/// header, which the gateway writes to the audit log.
struct MeetingHandlers: RPCService {
    let store: MeetingStore
    let settings: MeetingSettings
    let clock: @Sendable () -> MeetingStore.Moment

    static let service = MeetingAPI.serviceName
    static func method(_ name: String) -> MethodDescriptor { MethodDescriptor(service: service, method: name) }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("ScheduleMeeting"), scheduleMeeting),
            .unary(Self.method("RescheduleMeeting"), rescheduleMeeting),
            .unary(Self.method("CancelMeeting"), cancelMeeting),
            .unary(Self.method("RecordMinutes"), recordMinutes),
            .unary(Self.method("AddMinutesAddendum"), addMinutesAddendum),
            .unary(Self.method("CompleteAgreedAction"), completeAgreedAction),
            .unary(Self.method("GetMeeting"), getMeeting),
            .unary(Self.method("ListMeetings"), listMeetings),
            .unary(Self.method("ListDueAndOverdue"), listDueAndOverdue),
            .unary(Self.method("ExportCalendar"), exportCalendar),
            .unary(Self.method("PlanQuarterlyReview"), planQuarterlyReview),
            .serverStreaming(Self.method("WatchEvents"), watchEvents),
        ]
    }

    // MARK: - Scheduling

    @Sendable func scheduleMeeting(_ request: ScheduleMeetingRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.schedulers, "ScheduleMeeting")
        let slot = try MeetingValidation.schedule(request)
        let meeting = try await store.schedule(request, slot: slot, by: principal, at: clock())
        Self.tag(call, meeting.meetingID)
        return meeting
    }

    @Sendable func rescheduleMeeting(_ request: RescheduleMeetingRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "RescheduleMeeting")
        // Checked without the current duration here; the store re-checks with it.
        _ = try MeetingValidation.reschedule(request, currentDuration: 1)
        Self.tag(call, request.meetingID)
        return try await store.reschedule(request, by: principal, at: clock())
    }

    @Sendable func cancelMeeting(_ request: CancelMeetingRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "CancelMeeting")
        var violations = FieldViolations()
        MeetingValidation.requestID(request.requestID, &violations)
        violations.require(!request.meetingID.isEmpty, "meeting_id", "is required")
        violations.require(!request.reason.isEmpty, "reason", "is required (why the meeting is cancelled)")
        MeetingValidation.text(request.reason, "reason", &violations)
        try violations.check()
        Self.tag(call, request.meetingID)
        return try await store.cancel(request, by: principal, at: clock())
    }

    @Sendable func planQuarterlyReview(_ request: PlanQuarterlyReviewRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingRules.conveners(of: .quarterlyReview), "PlanQuarterlyReview")
        let slot = try MeetingValidation.quarterlyReview(request, quarterCount: store.pilot.quarterCount)
        let meeting = try await store.planQuarterlyReview(
            request, slot: slot, centreName: settings.centreName, by: principal, at: clock())
        Self.tag(call, meeting.meetingID)
        return meeting
    }

    // MARK: - Minutes

    @Sendable func recordMinutes(_ request: RecordMinutesRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "RecordMinutes")
        var violations = FieldViolations()
        MeetingValidation.requestID(request.requestID, &violations)
        violations.require(!request.meetingID.isEmpty, "meeting_id", "is required")
        try violations.check()
        Self.tag(call, request.meetingID)
        // The minutes themselves are checked against the meeting's participants in the store.
        return try await store.recordMinutes(request, by: principal, at: clock())
    }

    @Sendable func addMinutesAddendum(_ request: AddMinutesAddendumRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "AddMinutesAddendum")
        var violations = FieldViolations()
        MeetingValidation.requestID(request.requestID, &violations)
        violations.require(!request.meetingID.isEmpty, "meeting_id", "is required")
        violations.require(!request.text.isEmpty, "text", "is required (the correction)")
        MeetingValidation.text(request.text, "text", &violations)
        try violations.check()
        Self.tag(call, request.meetingID)
        return try await store.addAddendum(request, by: principal, at: clock())
    }

    @Sendable func completeAgreedAction(_ request: CompleteAgreedActionRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "CompleteAgreedAction")
        let moment = clock()
        var violations = FieldViolations()
        MeetingValidation.requestID(request.requestID, &violations)
        violations.require(!request.meetingID.isEmpty, "meeting_id", "is required")
        violations.require(!request.actionID.isEmpty, "action_id", "is required")
        let doneOn = MeetingValidation.day(request.doneOn, "done_on", required: false, &violations) ?? moment.today
        violations.require(doneOn <= moment.today, "done_on", "is in the future")
        try violations.check()
        Self.tag(call, request.meetingID)
        return try await store.completeAction(request, doneOn: doneOn, by: principal, at: moment)
    }

    // MARK: - Helpers

    /// Names the record a response concerns, for the gateway's audit log.
    static func tag(_ call: ServerCall, _ id: String) {
        call.setInitialMetadata(["tilts-record-id": .string(id)])
    }
}
