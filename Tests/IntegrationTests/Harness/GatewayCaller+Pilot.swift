internal import Foundation
internal import TiltsMessages
internal import TiltsWire

/// The steps of a child's course as the institutions call them through the gateway, with the
/// requests filled in as a municipal system or the centre's software would. Each write carries a
/// fresh idempotency key (`request_id`) unless one is given.
extension GatewayCaller {
    /// The pilot's six mapping areas, as the built-in `pilot-mapping` instrument names them.
    static let pilotAreas = ["emotional", "social", "behavioural", "cognitive", "physical", "environment_and_relationships"]

    /// A complete referral of child `n` (a new-form personal code unique per `n`) from `municipality`.
    static func referralDetails(
        _ n: Int, municipality: String = "riga", urgent: Bool = false, requested: RequestedLength = .requested40Days
    ) -> ReferralDetails {
        ReferralDetails(
            municipality: municipality, socialService: "Sociālais dienests",
            contact: ContactPerson(name: "Kontaktpersona", phone: "+371 20000000"),
            child: Child(
                givenName: "Vārds", familyName: "Uzvārds", birthDate: "2016-05-04", sex: .female,
                personalCode: String(format: "32%04d-%05d", n / 100_000, n % 100_000), languages: ["lv"]),
            legalRepresentative: LegalRepresentative(name: "Pārstāvis", relationship: "mother"),
            consent: Consent(givenOn: "2026-03-02", formReference: "F-\(n)"),
            violenceTypes: [.emotional, .neglect], requestedLength: requested, urgent: urgent,
            urgencyReason: urgent ? "Bērns nav drošībā mājās" : "")
    }

    static func newRequestID() -> String { UUID().uuidString.lowercased() }

    func submitReferral(_ details: ReferralDetails, requestID: String = newRequestID()) async throws -> Referral {
        try await call(.referral, "SubmitReferral", SubmitReferralRequest(requestID: requestID, details: details))
    }

    func getReferral(_ id: String) async throws -> Referral {
        try await call(.referral, "GetReferral", GetReferralRequest(referralID: id))
    }

    func getCase(_ id: String) async throws -> Case {
        try await call(.referral, "GetCase", GetCaseRequest(caseID: id))
    }

    func admit(
        _ referralID: String, on day: RigaDay, prePlacementHeldOn: RigaDay? = nil, urgentJustification: String = "",
        requestID: String = newRequestID()
    ) async throws -> Case {
        var request = AdmitCaseRequest()
        request.requestID = requestID
        request.referralID = referralID
        request.admissionDate = day.description
        request.prePlacementMeetingHeldOn = prePlacementHeldOn?.description ?? ""
        request.urgentJustification = urgentJustification
        return try await call(.referral, "AdmitCase", request)
    }

    /// Schedules a meeting of `kind` at 10:00 on `day` for a case (meetings 1–3) or a referral
    /// (pre-placement), inviting the institutions of DESIGN section 2.
    func scheduleMeeting(
        _ kind: MeetingKind, caseID: String = "", referralID: String = "", on day: RigaDay, outsideWindowReason: String = ""
    ) async throws -> Meeting {
        var request = ScheduleMeetingRequest()
        request.requestID = Self.newRequestID()
        request.kind = kind
        request.caseID = caseID
        request.referralID = referralID
        request.startsAt = day.at(hour: 10)
        request.durationMinutes = 60
        request.mode = .inPerson
        request.place = "Centrs, 2. stāvs"
        request.outsideWindowReason = outsideWindowReason
        request.participants = [
            MeetingParticipant(institution: .socialService, institutionName: "Rīgas Sociālais dienests", municipality: "riga"),
            MeetingParticipant(institution: .centre, institutionName: "Ģimenes atbalsta centrs"),
            MeetingParticipant(institution: .orphansCourt, institutionName: "Rīgas bāriņtiesa", municipality: "riga"),
            MeetingParticipant(institution: .school, institutionName: "Rīgas 1. pamatskola"),
        ]
        return try await call(.meeting, "ScheduleMeeting", request)
    }

    /// Records final minutes of `meeting`, held on `day` with everyone attending.
    func recordMinutes(_ meeting: Meeting, heldOn day: RigaDay, planApproved: Bool = false) async throws -> Meeting {
        var request = RecordMinutesRequest()
        request.requestID = Self.newRequestID()
        request.meetingID = meeting.meetingID
        request.heldOn = day.description
        request.attendance = meeting.participants.map { MeetingAttendance(participantID: $0.participantID, status: .attended) }
        request.decisions = ["Turpināt darbu ar ģimeni"]
        request.planApproved = planApproved
        request.finalise = true
        return try await call(.meeting, "RecordMinutes", request)
    }

    /// The meeting requirements of a case (or referral) as of today.
    func requirements(_ caseID: String) async throws -> [MeetingKind: MeetingRequirement] {
        let response: ListDueAndOverdueResponse = try await call(
            .meeting, "ListDueAndOverdue", ListDueAndOverdueRequest(caseID: caseID))
        return Dictionary(response.requirements.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rates all six pilot areas with `pilot-mapping` at `timePoint` on `day`.
    func assess(_ caseID: String, _ timePoint: TimePoint, on day: RigaDay, ratings: [Int32]) async throws -> Assessment {
        var request = RecordAssessmentRequest()
        request.requestID = Self.newRequestID()
        request.caseID = caseID
        request.instrumentID = "pilot-mapping"
        request.timePoint = timePoint
        request.assessedOn = day.description
        request.assessorRole = .clinicalPsychologist
        request.narrative = "Kopējais novērtējums"
        request.ratings = zip(Self.pilotAreas, ratings).map { ItemRating(itemID: "\($0).rating", rating: $1) }
        request.areaNarratives = Self.pilotAreas.map { AreaNarrative(areaID: $0, text: "Novērojumi") }
        return try await call(.assessment, "RecordAssessment", request)
    }

    /// Drafts a plan with two goals and two interventions (`i1` psychologist, `i2` family therapy).
    func draftPlan(_ caseID: String) async throws -> RehabilitationPlan {
        var request = DraftPlanRequest()
        request.requestID = Self.newRequestID()
        request.caseID = caseID
        request.goals = [
            PlanGoal(area: .emotional, description: "Mazināt trauksmi", indicator: "Emocionālā joma ≥ 4"),
            PlanGoal(area: .environmentAndRelationships, description: "Stiprināt saikni ar māti", indicator: "Kopīgas nodarbības"),
        ]
        request.interventions = [
            Self.intervention("psychologist", .clinicalPsychologist, times: 2, minutes: 45, goal: "g1"),
            Self.intervention("family_therapy", .socialWorker, times: 1, minutes: 60, goal: "g2"),
        ]
        return try await call(.assessment, "DraftPlan", request)
    }

    private static func intervention(
        _ serviceType: String, _ role: SpecialistRole, times: Int32, minutes: Int32, goal: String
    ) -> PlanIntervention {
        var intervention = PlanIntervention()
        intervention.serviceType = serviceType
        intervention.specialistRole = role
        intervention.frequency = InterventionFrequency(times: times, period: .perWeek)
        intervention.minutesPerSession = minutes
        intervention.goalIDs = [goal]
        return intervention
    }

    func approvePlan(_ caseID: String, version: Int32, requestID: String) async throws -> RehabilitationPlan {
        try await call(.assessment, "ApprovePlan", ApprovePlanRequest(requestID: requestID, caseID: caseID, version: version))
    }

    func logSession(_ caseID: String, on day: RigaDay, intervention: String, minutes: Int32) async throws -> RehabilitationSession {
        var request = LogSessionRequest()
        request.requestID = Self.newRequestID()
        request.caseID = caseID
        request.heldOn = day.description
        request.interventionID = intervention
        request.specialistRole = .clinicalPsychologist
        request.minutes = minutes
        request.participants = .childAndParent
        return try await call(.assessment, "LogSession", request)
    }

    func issueFinalSummary(_ caseID: String, on day: RigaDay) async throws -> FinalSummary {
        var request = IssueFinalSummaryRequest()
        request.requestID = Self.newRequestID()
        request.caseID = caseID
        request.issuedOn = day.description
        request.narrative = "Bērns kursa laikā kļuvis mierīgāks."
        request.recommendations = [
            Recommendation(addressee: .socialService, text: "Turpināt psihologa konsultācijas reizi nedēļā"),
            Recommendation(addressee: .family, text: "Ievērot dienas režīmu"),
        ]
        request.destination = .home
        request.followUpPlan = "SD apmeklē ģimeni mēneša laikā."
        return try await call(.assessment, "IssueFinalSummary", request)
    }

    func complete(_ caseID: String, on day: RigaDay, requestID: String) async throws -> Case {
        try await call(.referral, "CompleteCase", CompleteCaseRequest(requestID: requestID, caseID: caseID, completedOn: day.description))
    }

    func terminate(_ caseID: String, reason: TerminationReason, on day: RigaDay, requestID: String) async throws -> Case {
        var request = TerminateCaseRequest()
        request.requestID = requestID
        request.caseID = caseID
        request.reason = reason
        request.terminatedOn = day.description
        request.note = "Vecāku lēmums"
        return try await call(.referral, "TerminateCase", request)
    }

    /// Every audit entry naming any of `recordIDs`, all pages (callers need the `dpo` role).
    func auditEntries(naming recordIDs: [String]) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var token = ""
        repeat {
            let page: QueryAuditResponse = try await call(
                .audit, "QueryAudit", QueryAuditRequest(recordIDs: recordIDs, pageSize: 50, pageToken: token))
            entries += page.entries
            token = page.nextPageToken
        } while !token.isEmpty
        return entries
    }
}
