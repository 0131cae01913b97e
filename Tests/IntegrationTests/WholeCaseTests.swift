internal import Foundation
internal import Testing
internal import TiltsMessages
internal import TiltsRPC

/// One child's whole 40-day course through the gateway, over TLS with bearer tokens, as a
/// municipal social service and the centre run it: referral, pre-placement meeting, admission,
/// mapping and meeting 1 with the plan approved, the rehabilitation phase with meetings 2 and 3
/// and the MID and FINAL ratings, the final summary, completion; then the audit log of the case.
///
/// The course lies in the past (day 1 is 60 days ago), since minutes, ratings and the summary may
/// not be dated in the future; the pre-placement meeting, three days before admission, is then
/// before the referral's receipt (today), so the SD records why it is outside its window.
@Suite("Whole case through the gateway", .timeLimit(.minutes(2)))
struct WholeCaseTests {
    @Test("referral to completion, as the SD and the centre run it")
    func referralToCompletion() async throws {
        try await StackHarness.run { stack in
            let scenario = WholeCase(who: try await Institutions(stack), admission: RigaDay.today.adding(days: -60))
            let referralID = try await scenario.referralAndPrePlacementMeeting()
            let caseID = try await scenario.admission(referralID)
            try await scenario.mappingAndPlan(caseID)
            try await scenario.rehabilitationToCompletion(caseID)
            try await scenario.auditOfTheCase(referralID: referralID, caseID: caseID)
        }
    }
}

/// The steps of ``WholeCaseTests``, each asserting the state it leaves.
struct WholeCase {
    let who: Institutions
    let admission: RigaDay

    func day(_ n: Int) -> RigaDay { admission.courseDay(n) }

    /// The SD submits (and retries) the referral and holds the pre-placement meeting.
    func referralAndPrePlacementMeeting() async throws -> String {
        let key = "it-submit-\(UUID().uuidString)"
        let details = GatewayCaller.referralDetails(1001)
        let today = RigaDay.today
        let referral = try await who.sd.submitReferral(details, requestID: key)
        #expect(referral.status == .received)
        #expect([today.description, today.adding(days: 1).description].contains(referral.receivedOn), "received today, in Riga")
        // A retry with the same request_id returns the first referral; no second one exists.
        let retried = try await who.sd.submitReferral(details, requestID: key)
        #expect(retried.referralID == referral.referralID)
        let listed: ListReferralsResponse = try await who.sd.call(.referral, "ListReferrals", ListReferralsRequest())
        #expect(listed.referrals.map(\.referralID) == [referral.referralID])
        // Another municipality's SD neither sees it nor lists it.
        #expect(await who.otherSD.refusal(.referral, "GetReferral", GetReferralRequest(referralID: referral.referralID), as: Referral.self).hidesTheRecord)
        let theirs: ListReferralsResponse = try await who.otherSD.call(.referral, "ListReferrals", ListReferralsRequest())
        #expect(theirs.referrals.isEmpty)

        let heldOn = admission.adding(days: -3)
        let scheduled = try await eventually("the meeting service knows the referral") {
            try await who.sd.scheduleMeeting(
                .prePlacement, referralID: referral.referralID, on: heldOn,
                outsideWindowReason: "Sanāksme notika pirms nosūtījuma reģistrēšanas")
        }
        #expect(scheduled.kind == .prePlacement && scheduled.status == .scheduled && scheduled.convenedBy == .socialService)
        #expect(scheduled.window?.first == referral.receivedOn && !scheduled.inWindow)
        #expect(await who.otherSD.refusal(.meeting, "GetMeeting", GetMeetingRequest(meetingID: scheduled.meetingID), as: Meeting.self).hidesTheRecord)
        let held = try await who.sd.recordMinutes(scheduled, heldOn: heldOn)
        #expect(held.status == .held && held.minutes?.heldOn == heldOn.description)
        // The referral service follows the meeting service: the referral is now ready for admission.
        let ready = try await eventually("the referral marked pre-placement meeting held") {
            let got = try await who.sd.getReferral(referral.referralID)
            return got.status == .prePlacementMeetingHeld ? got : nil
        }
        #expect(ready.prePlacementMeetingHeldOn == heldOn.description)
        return referral.referralID
    }

    /// The centre admits the child for 40 days: the case's windows are DESIGN section 2's.
    func admission(_ referralID: String) async throws -> String {
        #expect(await who.sd.refusal(.referral, "AdmitCase", AdmitCaseRequest(), as: Case.self)?.code == .permissionDenied)
        let key = "it-admit-\(UUID().uuidString)"
        let admitted = try await who.centre.admit(referralID, on: admission, requestID: key)
        #expect(admitted.status == .inCourse && admitted.municipality == "riga")
        #expect(admitted.allocationMethod == .asRequested && admitted.deviations.isEmpty)
        let timeline = try #require(admitted.timeline)
        #expect(timeline.admissionDate == day(1).description && timeline.courseLengthDays == 40)
        #expect(timeline.mappingEnd == day(10).description)
        #expect(timeline.meeting1 == DateWindow(first: day(7).description, last: day(9).description))
        #expect(timeline.meeting2 == DateWindow(first: day(23).description, last: day(27).description))
        #expect(timeline.meeting3 == DateWindow(first: day(33).description, last: day(35).description))
        #expect(timeline.lastDay == day(40).description)
        #expect(try await who.centre.admit(referralID, on: admission, requestID: key).caseID == admitted.caseID)
        #expect(try await who.sd.getReferral(referralID).status == .admitted)
        #expect(try await who.sd.getCase(admitted.caseID).timeline == timeline)
        #expect(await who.otherSD.refusal(.referral, "GetCase", GetCaseRequest(caseID: admitted.caseID), as: Case.self).hidesTheRecord)

        // CaseAdmitted opens the meeting requirements with the same windows.
        let required = try await eventually("the meeting service opens meetings 1–3") {
            let got = try await who.centre.requirements(admitted.caseID)
            return [MeetingKind.meeting1, .meeting2, .meeting3].allSatisfy { got[$0] != nil } ? got : nil
        }
        #expect(required[.meeting1]?.window == timeline.meeting1 && required[.meeting2]?.window == timeline.meeting2)
        #expect(required[.meeting3]?.window == timeline.meeting3)
        #expect(required[.meeting1]?.status == .missed && required[.meeting1]?.overdue == true, "nothing held yet, 50 days on")
        return admitted.caseID
    }

    /// Mapping (an observation and the BASELINE), the plan drafted, meeting 1 approving it.
    func mappingAndPlan(_ caseID: String) async throws {
        _ = try await eventually("the assessment service knows the case") {
            try await who.centre.call(.assessment, "GetCaseRecord", GetCaseRecordRequest(caseID: caseID), as: AssessmentCaseRecord.self)
        }
        var observation = RecordObservationRequest()
        observation.requestID = GatewayCaller.newRequestID()
        observation.caseID = caseID
        observation.observedOn = day(2).description
        observation.area = .emotional
        observation.observerRole = .socialEducator
        observation.note = "Bērns sākumā ir noslēgts"
        let observed: MappingObservation = try await who.centre.call(.assessment, "RecordObservation", observation)
        #expect(observed.courseDay == 2)
        let baseline = try await who.centre.assess(caseID, .baseline, on: day(9), ratings: [2, 2, 3, 2, 4, 2])
        #expect(baseline.courseDay == 9 && baseline.scores.map(\.score) == [2, 2, 3, 2, 4, 2])

        let draft = try await who.centre.draftPlan(caseID)
        #expect(draft.version == 1 && draft.status == .draft)
        let approveKey = "it-approve-\(UUID().uuidString)"
        let early = await who.centre.refusal(.assessment, "ApprovePlan", ApprovePlanRequest(requestID: approveKey, caseID: caseID, version: 1), as: RehabilitationPlan.self)
        #expect(early?.code == .failedPrecondition && early?.message.contains("meeting 1") == true)

        let meeting1 = try await who.centre.scheduleMeeting(.meeting1, caseID: caseID, on: day(8))
        #expect(meeting1.inWindow && meeting1.window == DateWindow(first: day(7).description, last: day(9).description))
        let held = try await who.centre.recordMinutes(meeting1, heldOn: day(8), planApproved: true)
        #expect(held.status == .held && held.minutes?.planApproved == true)
        let approved = try await eventually("meeting 1 reaches the assessment service") {
            try await who.centre.approvePlan(caseID, version: 1, requestID: approveKey)
        }
        #expect(approved.status == .approved && approved.approvedOn == day(8).description)
        #expect(approved.approvedAtMeetingID == meeting1.meetingID)
        let planForSD: RehabilitationPlan = try await who.sd.call(.assessment, "GetPlan", GetPlanRequest(caseID: caseID))
        #expect(planForSD.version == 1 && planForSD.status == .approved)
    }
}
