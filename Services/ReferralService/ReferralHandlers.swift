internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire

/// `tilts.referral.v1.ReferralService`: decodes who is calling, checks the access policy and the
/// input, and hands the intent to ``ReferralStore``.
///
/// Every response that concerns one record carries its id in the `tilts-record-id` response
/// header, which the gateway writes to the audit log.
struct ReferralHandlers: RPCService {
    let store: ReferralStore
    let policy: ReferralStore.AdmissionPolicy
    let clock: @Sendable () -> ReferralStore.Moment

    static let service = "tilts.referral.v1.ReferralService"
    static func method(_ name: String) -> MethodDescriptor { MethodDescriptor(service: service, method: name) }

    var methods: [ServerMethod] {
        [
            .unary(Self.method("SubmitReferral"), submitReferral),
            .unary(Self.method("GetReferral"), getReferral),
            .unary(Self.method("ListReferrals"), listReferrals),
            .unary(Self.method("WithdrawReferral"), withdrawReferral),
            .unary(Self.method("DeclineReferral"), declineReferral),
            .unary(Self.method("GetWaitingList"), getWaitingList),
            .unary(Self.method("AdmitCase"), admitCase),
            .unary(Self.method("GetCase"), getCase),
            .unary(Self.method("ListCases"), listCases),
            .unary(Self.method("TerminateCase"), terminateCase),
            .unary(Self.method("CompleteCase"), completeCase),
            .serverStreaming(Self.method("WatchEvents"), watchEvents),
        ]
    }

    // MARK: - Referrals

    @Sendable func submitReferral(_ request: SubmitReferralRequest, _ call: ServerCall) async throws -> Referral {
        let principal = try PrincipalMetadata.principal(of: call)
        try AccessRules.require(principal, isOneOf: [.socialService], toCall: "SubmitReferral")
        let moment = clock()
        let accepted = try ReferralValidation.validate(request, today: moment.today)
        try ReferralAccessPolicy.submit(principal, municipality: request.details?.municipality ?? "")
        let referral = try await store.submit(
            request, accepted: accepted, scope: "SubmitReferral|\(principal.subject)", at: moment)
        Self.tag(call, referral.referralID)
        return referral
    }

    @Sendable func getReferral(_ request: GetReferralRequest, _ call: ServerCall) async throws -> Referral {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.read(principal, "GetReferral")
        Self.tag(call, request.referralID)
        guard let referral = try await store.referral(request.referralID) else {
            throw ReferralError.notFound("referral", request.referralID)
        }
        try ReferralAccessPolicy.see(principal, municipality: referral.details?.municipality ?? "", what: "referral", id: request.referralID)
        return referral
    }

    @Sendable func listReferrals(_ request: ListReferralsRequest, _ call: ServerCall) async throws -> ListReferralsResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        let scope = try AccessRules.municipalityScope(of: principal, toCall: "ListReferrals")
        var violations = FieldViolations()
        let from = ReferralValidation.day(request.receivedFrom, "received_from", required: false, &violations)
        let to = ReferralValidation.day(request.receivedTo, "received_to", required: false, &violations)
        try violations.check()
        var municipality = scope
        if !request.municipality.isEmpty {
            if let scope, scope != request.municipality {
                return ListReferralsResponse()
            }
            municipality = request.municipality
        }
        let pageScope = "ListReferrals|\(municipality ?? "*")|\(request.statuses.map(\.rawValue))|\(request.receivedFrom)|\(request.receivedTo)"
        let (size, after) = (try PageToken.pageSize(request.pageSize), try PageToken.decode(request.pageToken, scope: pageScope))
        let rows = try await store.referrals(
            municipality: municipality, statuses: request.statuses, from: from, to: to, size: size, after: after)
        let page = Page(fetched: rows, pageSize: size, scope: pageScope) { [String($0.receivedAtMicros), $0.referralID] }
        var response = ListReferralsResponse()
        response.referrals = try page.items.map { try $0.referral() }
        response.nextPageToken = page.nextPageToken
        return response
    }

    @Sendable func withdrawReferral(_ request: WithdrawReferralRequest, _ call: ServerCall) async throws -> Referral {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.withdraw(principal)
        try Self.requireCloseFields(request.requestID, request.referralID, request.reason)
        Self.tag(call, request.referralID)
        return try await store.close(
            referralID: request.referralID, status: .withdrawn, reason: request.reason, requestID: request.requestID,
            scope: "WithdrawReferral|\(principal.subject)", visibleTo: principal, at: clock())
    }

    @Sendable func declineReferral(_ request: DeclineReferralRequest, _ call: ServerCall) async throws -> Referral {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.centreOnly(principal, "DeclineReferral")
        try Self.requireCloseFields(request.requestID, request.referralID, request.reason)
        Self.tag(call, request.referralID)
        return try await store.close(
            referralID: request.referralID, status: .declined, reason: request.reason, requestID: request.requestID,
            scope: "DeclineReferral|\(principal.subject)", visibleTo: principal, at: clock())
    }

    @Sendable func getWaitingList(_ request: GetWaitingListRequest, _ call: ServerCall) async throws -> WaitingList {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.centreOnly(principal, "GetWaitingList")
        var violations = FieldViolations()
        let asOf = ReferralValidation.day(request.asOf, "as_of", required: false, &violations) ?? clock().today
        try violations.check()
        let (waiting, inCourse) = try await store.waitingListInputs()
        let referrals = try await waitingDetails(waiting.map(\.referralID))
        var list = WaitingList()
        list.asOf = asOf.description
        list.capacity = Int32(policy.capacity)
        list.inCourse = Int32(inCourse.filter { $0.admission <= asOf && asOf <= $0.lastDay }.count)
        for (index, (entry, day)) in AdmissionRules.waitingList(
            waiting: waiting, inCourse: inCourse, capacity: policy.capacity, asOf: asOf
        ).enumerated() {
            var item = WaitingEntry()
            item.position = Int32(index + 1)
            item.referralID = entry.referralID
            item.urgent = entry.urgent
            item.requestedLength = entry.requested
            item.earliestPlaceOn = day.description
            if let referral = referrals[entry.referralID] {
                item.municipality = referral.details?.municipality ?? ""
                item.receivedOn = referral.receivedOn
                item.prePlacementMeetingHeld = !referral.prePlacementMeetingHeldOn.isEmpty
            }
            list.entries.append(item)
        }
        return list
    }

    private func waitingDetails(_ ids: [String]) async throws -> [String: Referral] {
        var result: [String: Referral] = [:]
        for id in ids { result[id] = try await store.referral(id) }
        return result
    }

    // MARK: - Cases

    @Sendable func admitCase(_ request: AdmitCaseRequest, _ call: ServerCall) async throws -> Case {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.centreOnly(principal, "AdmitCase")
        var violations = FieldViolations()
        violations.require(!request.requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        violations.require(!request.referralID.isEmpty, "referral_id", "is required")
        let admission = ReferralValidation.day(request.admissionDate, "admission_date", required: true, &violations)
        _ = ReferralValidation.day(request.prePlacementMeetingHeldOn, "pre_placement_meeting_held_on", required: false, &violations)
        if policy.allocation == .centre || request.courseLengthDays != 0 {
            violations.require(
                request.courseLengthDays == 40 || request.courseLengthDays == 70 || policy.allocation == .randomized,
                "course_length_days", "must be 40 or 70")
        }
        try violations.check()
        Self.tag(call, request.referralID)
        let value = try await store.admit(
            request, admission: admission!, policy: policy, scope: "AdmitCase|\(principal.subject)", at: clock())
        return value
    }

    @Sendable func getCase(_ request: GetCaseRequest, _ call: ServerCall) async throws -> Case {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.read(principal, "GetCase")
        Self.tag(call, request.caseID)
        guard let value = try await store.case(request.caseID) else { throw ReferralError.notFound("case", request.caseID) }
        try ReferralAccessPolicy.see(principal, municipality: value.municipality, what: "case", id: request.caseID)
        return value
    }

    @Sendable func listCases(_ request: ListCasesRequest, _ call: ServerCall) async throws -> ListCasesResponse {
        let principal = try PrincipalMetadata.principal(of: call)
        let scope = try AccessRules.municipalityScope(of: principal, toCall: "ListCases")
        var municipality = scope
        if !request.municipality.isEmpty {
            if let scope, scope != request.municipality { return ListCasesResponse() }
            municipality = request.municipality
        }
        let pageScope = "ListCases|\(municipality ?? "*")|\(request.statuses.map(\.rawValue))"
        let (size, after) = (try PageToken.pageSize(request.pageSize), try PageToken.decode(request.pageToken, scope: pageScope))
        let rows = try await store.cases(municipality: municipality, statuses: request.statuses, size: size, after: after)
        let page = Page(fetched: rows, pageSize: size, scope: pageScope) { [String($0.admissionDay), $0.caseID] }
        var response = ListCasesResponse()
        response.cases = try page.items.map { try $0.value() }
        response.nextPageToken = page.nextPageToken
        return response
    }

    @Sendable func terminateCase(_ request: TerminateCaseRequest, _ call: ServerCall) async throws -> Case {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.centreOnly(principal, "TerminateCase")
        var violations = FieldViolations()
        violations.require(!request.requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        violations.require(!request.caseID.isEmpty, "case_id", "is required")
        violations.require(
            request.reason != .unspecified && request.reason.protoName != nil, "reason",
            "must be one of the pilot's termination reasons, e.g. FINISHED_EARLY or RAN_AWAY")
        let day = ReferralValidation.day(request.terminatedOn, "terminated_on", required: true, &violations)
        try violations.check()
        Self.tag(call, request.caseID)
        return try await store.end(
            caseID: request.caseID, status: .terminatedEarly, reason: request.reason, note: request.note, endedOn: day!,
            requestID: request.requestID, scope: "TerminateCase|\(principal.subject)", at: clock())
    }

    @Sendable func completeCase(_ request: CompleteCaseRequest, _ call: ServerCall) async throws -> Case {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.centreOnly(principal, "CompleteCase")
        var violations = FieldViolations()
        violations.require(!request.requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        violations.require(!request.caseID.isEmpty, "case_id", "is required")
        let day = ReferralValidation.day(request.completedOn, "completed_on", required: false, &violations)
        try violations.check()
        Self.tag(call, request.caseID)
        return try await store.end(
            caseID: request.caseID, status: .completed, reason: .unspecified, note: "", endedOn: day ?? clock().today,
            requestID: request.requestID, scope: "CompleteCase|\(principal.subject)", at: clock())
    }

    // MARK: - Events

    @Sendable func watchEvents(_ request: WatchEventsRequest, _ call: ServerCall, _ writer: ResponseWriter<Event>) async throws {
        let principal = try PrincipalMetadata.principal(of: call)
        try ReferralAccessPolicy.watchEvents(principal)
        try await EventStreamer.serve(request, database: store.database, writer: writer)
    }

    // MARK: - Helpers

    private static func requireCloseFields(_ requestID: String, _ referralID: String, _ reason: String) throws {
        var violations = FieldViolations()
        violations.require(!requestID.isEmpty, "request_id", "is required (a client-chosen idempotency key)")
        violations.require(!referralID.isEmpty, "referral_id", "is required")
        violations.require(!reason.isEmpty, "reason", "is required")
        try violations.check()
    }

    /// Names the record a response concerns, for the gateway's audit log.
    private static func tag(_ call: ServerCall, _ id: String) {
        call.setInitialMetadata(["tilts-record-id": .string(id)])
    }
}
