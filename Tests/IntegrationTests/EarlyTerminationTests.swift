internal import Foundation
internal import Testing
internal import TiltsMessages
internal import TiltsRPC

/// A course ended early: an urgent referral admitted without a pre-placement meeting (recorded as
/// a deviation), meeting 1 held, then the centre terminates the case on day 12 at the parents'
/// decision. The case is TERMINATED_EARLY with its reason; completion and further meetings are
/// refused; the meeting service cancels what was still open; the assessment service closes the file.
@Suite("Early termination through the gateway", .timeLimit(.minutes(2)))
struct EarlyTerminationTests {
    @Test("urgent admission, then terminated on day 12")
    func terminatedOnDay12() async throws {
        try await StackHarness.run { stack in
            let who = try await Institutions(stack)
            let admission = RigaDay.today.adding(days: -20)
            let day = admission.courseDay

            let referral = try await who.sd.submitReferral(GatewayCaller.referralDetails(2002, urgent: true))
            #expect(referral.details?.urgent == true)
            let missing = await who.centre.refusal(.referral, "AdmitCase", {
                var request = AdmitCaseRequest()
                request.requestID = GatewayCaller.newRequestID()
                request.referralID = referral.referralID
                request.admissionDate = admission.description
                return request
            }(), as: Case.self)
            #expect(missing?.code == .failedPrecondition, "neither a pre-placement meeting nor an urgent justification")
            let admitted = try await who.centre.admit(
                referral.referralID, on: admission, urgentJustification: "Bērns nav drošībā mājās")
            #expect(admitted.status == .inCourse)
            #expect(admitted.deviations.map(\.kind) == ["ADMITTED_WITHOUT_PRE_PLACEMENT_MEETING"])
            let caseID = admitted.caseID

            _ = try await eventually("the meeting service opens meetings 1–3") {
                try await who.centre.requirements(caseID)[.meeting3]
            }
            let meeting1 = try await who.centre.scheduleMeeting(.meeting1, caseID: caseID, on: day(8))
            _ = try await who.centre.recordMinutes(meeting1, heldOn: day(8), planApproved: true)
            let meeting2 = try await who.centre.scheduleMeeting(.meeting2, caseID: caseID, on: day(25))
            #expect(meeting2.status == .scheduled && meeting2.inWindow)
            _ = try await eventually("the assessment service knows the case") {
                try await who.centre.assess(caseID, .baseline, on: day(9), ratings: [2, 3, 2, 1, 3, 2])
            }

            // Terminated on day 12; a retry with the same key returns the same result.
            let key = "it-terminate-\(UUID().uuidString)"
            let ended = try await who.centre.terminate(caseID, reason: .childOrParentsDecision, on: day(12), requestID: key)
            #expect(ended.status == .terminatedEarly && ended.terminationReason == .childOrParentsDecision)
            #expect(ended.endedOn == day(12).description)
            #expect(try await who.centre.terminate(caseID, reason: .childOrParentsDecision, on: day(12), requestID: key) == ended)
            let again = await who.centre.refusal(.referral, "TerminateCase", {
                var request = TerminateCaseRequest()
                request.requestID = GatewayCaller.newRequestID()
                request.caseID = caseID
                request.reason = .ranAway
                request.terminatedOn = day(13).description
                return request
            }(), as: Case.self)
            #expect(again?.code == .failedPrecondition)
            let completion = await who.centre.refusal(
                .referral, "CompleteCase", CompleteCaseRequest(requestID: GatewayCaller.newRequestID(), caseID: caseID), as: Case.self)
            #expect(completion?.code == .failedPrecondition)
            #expect(try await who.sd.getCase(caseID).status == .terminatedEarly)
            #expect(await who.otherSD.refusal(.referral, "GetCase", GetCaseRequest(caseID: caseID), as: Case.self).hidesTheRecord)

            // CaseEnded reaches the meeting service: what was still open is cancelled, nothing is overdue.
            let required = try await eventually("CaseEnded reaches the meeting service") {
                let got = try await who.centre.requirements(caseID)
                return got[.meeting2]?.status == .cancelled ? got : nil
            }
            #expect(required[.meeting1]?.status == .heldInWindow)
            #expect(required[.meeting3]?.status == .cancelled)
            #expect(required.values.allSatisfy { !$0.overdue })
            let cancelled: Meeting = try await who.centre.call(.meeting, "GetMeeting", GetMeetingRequest(meetingID: meeting2.meetingID))
            #expect(cancelled.status == .cancelled && cancelled.cancellationCause == .caseEnded)
            let late = await who.centre.refusal(.meeting, "ScheduleMeeting", {
                var request = ScheduleMeetingRequest()
                request.requestID = GatewayCaller.newRequestID()
                request.kind = .meeting3
                request.caseID = caseID
                request.startsAt = day(34).at(hour: 10)
                request.durationMinutes = 60
                request.mode = .inPerson
                request.place = "Centrs"
                request.participants = [MeetingParticipant(institution: .centre, institutionName: "Centrs")]
                return request
            }(), as: Meeting.self)
            #expect(late?.code == .failedPrecondition)

            // ... and the assessment service, which closes the file on the end day.
            let record = try await eventually("CaseEnded reaches the assessment service") {
                let record: AssessmentCaseRecord = try await who.centre.call(
                    .assessment, "GetCaseRecord", GetCaseRecordRequest(caseID: caseID))
                return record.status == .ended ? record : nil
            }
            #expect(record.endedOn == day(12).description && record.assessments.count == 1)

            let audited = try await who.dpo.auditEntries(naming: [caseID])
            #expect(audited.contains { $0.method.hasSuffix("/TerminateCase") && $0.subject == who.centre.subject && $0.statusCode == 0 })
        }
    }
}
