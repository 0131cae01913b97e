internal import Foundation
internal import Testing
internal import TiltsMessages
internal import TiltsRPC

extension WholeCase {
    /// Sessions, meetings 2 and 3, MID and FINAL, the final summary, and completion.
    func rehabilitationToCompletion(_ caseID: String) async throws {
        let first = try await who.centre.logSession(caseID, on: day(12), intervention: "i1", minutes: 45)
        #expect(first.serviceType == "psychologist" && first.courseDay == 12)
        _ = try await who.centre.logSession(caseID, on: day(15), intervention: "i2", minutes: 60)

        for (kind, held) in [(MeetingKind.meeting2, day(25)), (.meeting3, day(34))] {
            let meeting = try await who.centre.scheduleMeeting(kind, caseID: caseID, on: held)
            #expect(meeting.inWindow, "\(kind) on \(held)")
            _ = try await who.centre.recordMinutes(meeting, heldOn: held)
        }
        let required = try await who.centre.requirements(caseID)
        for kind in [MeetingKind.meeting1, .meeting2, .meeting3] {
            #expect(required[kind]?.status == .heldInWindow && required[kind]?.overdue == false, "\(kind)")
        }
        _ = try await who.centre.assess(caseID, .mid, on: day(25), ratings: [3, 2, 3, 3, 4, 3])
        let final = try await who.centre.assess(caseID, .final, on: day(38), ratings: [4, 3, 2, 3, 5, 4])
        #expect(final.courseDay == 38)

        // The final summary by day L; the child's SD reads it, another municipality's cannot.
        let summary = try await who.centre.issueFinalSummary(caseID, on: day(39))
        #expect(summary.issuedOn == day(39).description && summary.planVersion == 1)
        #expect(summary.dynamics.map(\.areaID) == GatewayCaller.pilotAreas)
        #expect(summary.dynamics.map(\.change) == [2, 1, -1, 1, 1, 2])
        #expect(summary.sessionsLogged == 2 && summary.sessionMinutes == 105)
        let forSD: FinalSummary = try await who.sd.call(.assessment, "GetFinalSummary", GetFinalSummaryRequest(caseID: caseID))
        #expect(forSD == summary)
        #expect(await who.otherSD.refusal(.assessment, "GetFinalSummary", GetFinalSummaryRequest(caseID: caseID), as: FinalSummary.self).hidesTheRecord)

        // Completion needs the summary, which reaches the referral service as an event.
        let key = "it-complete-\(caseID)"
        let completed = try await eventually("FinalSummaryIssued reaches the referral service") {
            try await who.centre.complete(caseID, on: day(40), requestID: key)
        }
        #expect(completed.status == .completed && completed.endedOn == day(40).description)
        #expect(completed.finalSummaryIssuedOn == day(39).description)
        #expect(try await who.sd.getCase(caseID).status == .completed)
        let record = try await eventually("CaseEnded reaches the assessment service") {
            let record: AssessmentCaseRecord = try await who.centre.call(
                .assessment, "GetCaseRecord", GetCaseRecordRequest(caseID: caseID))
            return record.status == .ended ? record : nil
        }
        #expect(record.assessments.count == 3 && record.sessions.count == 2 && record.observations.count == 1)
        #expect(record.meetings.count == 3)
    }

    /// The DPO's per-case audit query lists the accesses of the case, refused ones included, and
    /// a caller's `x-request-id` is the one recorded.
    func auditOfTheCase(referralID: String, caseID: String) async throws {
        let traced = "it-trace-\(UUID().uuidString)"
        let read = try await who.sd.callWithMetadata(.referral, "GetCase", GetCaseRequest(caseID: caseID), requestID: traced, as: Case.self)
        #expect(read.initialMetadata.first("x-request-id") == traced, "the gateway returns the request id")

        let entries = try await eventually("the audit log has the last read") {
            let entries = try await who.dpo.auditEntries(naming: [referralID, caseID])
            return entries.contains { $0.requestID == traced } ? entries : nil
        }
        #expect(entries.map(\.sequence) == entries.map(\.sequence).sorted())
        #expect(entries.allSatisfy { !$0.requestID.isEmpty && $0.hash.count == 32 })
        let accesses = entries.map { entry in
            (method: String(entry.method.split(separator: "/").last ?? ""), subject: entry.subject, status: entry.statusCode)
        }
        func has(_ method: String, _ caller: GatewayCaller, refused: Bool = false) -> Bool {
            accesses.contains { $0.method == method && $0.subject == caller.subject && ($0.status != 0) == refused }
        }
        #expect(has("SubmitReferral", who.sd))
        #expect(has("GetReferral", who.otherSD, refused: true))
        #expect(has("AdmitCase", who.centre))
        #expect(has("GetCase", who.otherSD, refused: true))
        #expect(has("CompleteCase", who.centre))
        #expect(has("GetCase", who.sd))
        let tracedEntry = entries.first { $0.requestID == traced }
        #expect(tracedEntry?.subject == who.sd.subject && tracedEntry?.recordIDs == [caseID])
        #expect(tracedEntry?.institution == .socialService && tracedEntry?.municipality == "riga")
        // Only the DPO role reads the audit log.
        #expect(await who.centre.refusal(.audit, "QueryAudit", QueryAuditRequest(recordIDs: [caseID]), as: QueryAuditResponse.self)?.code == .permissionDenied)
    }
}
