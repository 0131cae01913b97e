internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire

extension MeetingHandlers {
    @Sendable func getMeeting(_ request: GetMeetingRequest, _ call: ServerCall) async throws -> Meeting {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "GetMeeting")
        Self.tag(call, request.meetingID)
        return try await store.meeting(request.meetingID, visibleTo: principal)
    }

    @Sendable func listMeetings(_ request: ListMeetingsRequest, _ call: ServerCall) async throws -> ListMeetingsResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        let scope = try MeetingAccessPolicy.scope(of: principal, "ListMeetings")
        var violations = FieldViolations()
        let from = MeetingValidation.day(request.scheduledFrom, "scheduled_from", required: false, &violations)
        let to = MeetingValidation.day(request.scheduledTo, "scheduled_to", required: false, &violations)
        try violations.check()
        if case .municipality(let own) = scope, !request.municipality.isEmpty, request.municipality != own {
            return ListMeetingsResponse()
        }
        var filter = MeetingStore.MeetingFilter(scope: scope)
        filter.caseID = request.caseID
        filter.referralID = request.referralID
        filter.municipality = request.municipality
        filter.kinds = request.kinds
        filter.statuses = request.statuses
        filter.from = from
        filter.to = to
        let pageScope = "ListMeetings|\(scope)|\(request.caseID)|\(request.referralID)|\(request.municipality)|"
            + "\(request.kinds.map(\.rawValue))|\(request.statuses.map(\.rawValue))|\(request.scheduledFrom)|\(request.scheduledTo)"
        let (size, after) = (try PageToken.pageSize(request.pageSize), try PageToken.decode(request.pageToken, scope: pageScope))
        let rows = try await store.meetings(filter, size: size, after: after)
        let page = Page(fetched: rows, pageSize: size, scope: pageScope) { [String($0.0.startsAtMicros), $0.0.meetingID] }
        var response = ListMeetingsResponse()
        response.meetings = page.items.map(\.1)
        response.nextPageToken = page.nextPageToken
        return response
    }

    @Sendable func listDueAndOverdue(
        _ request: ListDueAndOverdueRequest, _ call: ServerCall
    ) async throws -> ListDueAndOverdueResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        let scope = try MeetingAccessPolicy.scope(of: principal, "ListDueAndOverdue")
        var violations = FieldViolations()
        let asOf = MeetingValidation.day(request.asOf, "as_of", required: false, &violations) ?? clock().today
        try violations.check()
        if !request.caseID.isEmpty { Self.tag(call, request.caseID) }
        return try await store.dueAndOverdue(
            scope: scope, principal: principal, caseID: request.caseID, asOf: asOf, overdueOnly: request.overdueOnly)
    }

    @Sendable func exportCalendar(_ request: ExportCalendarRequest, _ call: ServerCall) async throws -> ExportCalendarResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.require(principal, MeetingAccessPolicy.readers, "ExportCalendar")
        Self.tag(call, request.meetingID)
        let meeting = try await store.meeting(request.meetingID, visibleTo: principal)
        var response = ExportCalendarResponse()
        response.filename = MeetingCalendar.filename(meeting)
        response.contentType = MeetingCalendar.contentType(meeting)
        response.ics = MeetingCalendar.render(meeting, utc: request.utc, stamp: clock().timestamp)
        return response
    }

    @Sendable func watchEvents(_ request: WatchEventsRequest, _ call: ServerCall, _ writer: ResponseWriter<Event>) async throws {
        let principal = try PrincipalMetadata.principal(of: call)
        try MeetingAccessPolicy.watchEvents(principal)
        try await EventStreamer.serve(request, database: store.database, writer: writer)
    }
}
