internal import Foundation
internal import GRDB
internal import Testing
@testable internal import AssessmentService
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore

/// The store on a real (temporary) database with a fixed clock: case facts from events, the
/// pilot's rules, events in the outbox, and immutability enforced by the database itself.
@Suite struct AssessmentStoreTests {
    let store: AssessmentStore
    // Admitted 2026-03-25: day 10 is 2026-04-03, meeting 1 window 2026-03-31…04-02, last day 2026-05-03.
    let caseID = "case-a"

    init() async throws {
        store = try AssessmentFixtures.store()
        try await AssessmentFixtures.admit(caseID, on: "2026-03-25", in: store)
    }

    func code(_ body: () async throws -> some Any) async -> StatusCode? {
        do {
            _ = try await body()
            return nil
        } catch {
            return RPCError.from(error).code
        }
    }

    @Test func assessmentIsScoredStoredAndAnnounced() async throws {
        let request = AssessmentFixtures.pilotAssessment(caseID, .baseline, on: "2026-03-30", ratings: [2, 3, 4, 5, 1, 2])
        let assessment = try await store.recordAssessment(
            request, instrument: PilotMappingInstrument.version1, day: AssessmentFixtures.day("2026-03-30"),
            by: AssessmentFixtures.writer(on: "2026-03-30"))
        #expect(assessment.courseDay == 6)
        #expect(assessment.scores.map(\.score) == [2, 3, 4, 5, 1, 2])
        #expect(assessment.recordedBy == "centre:test")
        let events = try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, payload FROM tilts_outbox ORDER BY sequence").map {
                (kind: $0["kind"] as String, payload: $0["payload"] as Data)
            }
        }
        #expect(events.map(\.kind) == ["AssessmentRecorded"])
        let payload = try AssessmentRecorded(serializedBytes: [UInt8](events[0].payload))
        #expect(payload.caseID == caseID)
        #expect(payload.timePoint == .baseline)
        #expect(payload.scores.map(\.bandCode) == ["MARKED", "MODERATE", "MILD", "AGE_APPROPRIATE", "SEVERE", "MARKED"])
        #expect(!payload.late)
    }

    @Test func baselineAfterDayTenNeedsAReason() async throws {
        let writer = AssessmentFixtures.writer(on: "2026-04-05")
        let day = AssessmentFixtures.day("2026-04-04")
        let late = AssessmentFixtures.pilotAssessment(caseID, .baseline, on: "2026-04-04")
        #expect(await code { try await store.recordAssessment(late, instrument: PilotMappingInstrument.version1, day: day, by: writer) }
            == .failedPrecondition)
        let excused = AssessmentFixtures.pilotAssessment(caseID, .baseline, on: "2026-04-04", lateReason: "Bērns slimoja")
        let stored = try await store.recordAssessment(excused, instrument: PilotMappingInstrument.version1, day: day, by: writer)
        #expect(stored.lateReason == "Bērns slimoja")
        #expect(stored.courseDay == 11)
        // One BASELINE per instrument: a second one is refused.
        let again = AssessmentFixtures.pilotAssessment(caseID, .baseline, on: "2026-04-04", lateReason: "x")
        #expect(await code { try await store.recordAssessment(again, instrument: PilotMappingInstrument.version1, day: day, by: writer) }
            == .alreadyExists)
    }

    @Test func unknownCasesAndFutureDaysAreRefused() async throws {
        let writer = AssessmentFixtures.writer(on: "2026-03-30")
        let unknown = AssessmentFixtures.pilotAssessment("nobody", .baseline, on: "2026-03-30")
        #expect(await code {
            try await store.recordAssessment(unknown, instrument: PilotMappingInstrument.version1, day: nil, by: writer)
        } == .notFound)
        let future = AssessmentFixtures.pilotAssessment(caseID, .baseline, on: "2026-03-31")
        #expect(await code {
            try await store.recordAssessment(
                future, instrument: PilotMappingInstrument.version1, day: AssessmentFixtures.day("2026-03-31"), by: writer)
        } == .invalidArgument)
    }

    @Test func planApprovalNeedsMeetingOneAndFreezesTheVersion() async throws {
        let writer = AssessmentFixtures.writer(on: "2026-04-01")
        let draft = AssessmentFixtures.plan(caseID)
        let v1 = try await store.draftPlan(draft, goals: draft.goals, interventions: draft.interventions, by: writer)
        #expect(v1.version == 1 && v1.status == .draft)
        let approve = ApprovePlanRequest(requestID: "approve-1", caseID: caseID, version: 1)
        #expect(await code { try await store.approvePlan(approve, by: writer) } == .failedPrecondition)
        // Meeting 1 held without approving the plan does not count.
        try await AssessmentFixtures.holdMeeting("m0", kind: PlanRules.meeting1, caseID: caseID, on: "2026-03-31", planApproved: false, in: store)
        #expect(await code { try await store.approvePlan(approve, by: writer) } == .failedPrecondition)
        try await AssessmentFixtures.holdMeeting("m1", kind: PlanRules.meeting1, caseID: caseID, on: "2026-04-01", planApproved: true, in: store)
        let approved = try await store.approvePlan(approve, by: writer)
        #expect(approved.status == .approved)
        #expect(approved.approvedOn == "2026-04-01")
        #expect(approved.approvedAtMeetingID == "m1")

        // The approved version is immutable: UpdatePlan is refused, and so is a raw UPDATE or DELETE.
        var update = UpdatePlanRequest()
        update.requestID = "u1"
        update.caseID = caseID
        update.version = 1
        #expect(await code { try await store.updatePlan(update, goals: [], interventions: [], by: writer) } == .failedPrecondition)
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { db in try db.execute(sql: "UPDATE plan_version SET message = x'' WHERE version = 1") }
        }
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { db in try db.execute(sql: "DELETE FROM plan_version") }
        }

        // A revision is a new draft version; approving it needs a further plan-approving meeting.
        var revision = AssessmentFixtures.plan(caseID)
        revision.revisionNote = "Meeting 2: add family therapy"
        let v2 = try await store.draftPlan(revision, goals: revision.goals, interventions: revision.interventions, by: writer)
        #expect(v2.version == 2 && v2.status == .draft)
        let approve2 = ApprovePlanRequest(requestID: "approve-2", caseID: caseID, version: 2)
        #expect(await code { try await store.approvePlan(approve2, by: writer) } == .failedPrecondition)
        try await AssessmentFixtures.holdMeeting("m2", kind: PlanRules.meeting2, caseID: caseID, on: "2026-04-19", planApproved: true, in: store)
        #expect(try await store.approvePlan(approve2, by: writer).approvedAtMeetingID == "m2")
        #expect(try await store.plan(caseID, version: 0, withDrafts: false)?.version == 2)
        #expect(try await store.plan(caseID, version: 1, withDrafts: false)?.approvedAtMeetingID == "m1")
    }

    @Test func summaryNeedsBaselineAndFinalAndIsImmutableOnceIssued() async throws {
        let late = AssessmentFixtures.writer(on: "2026-05-03")
        let summaryRequest = AssessmentFixtures.summaryRequest(caseID, on: "2026-05-03")
        #expect(await code { try await store.issueSummary(summaryRequest, day: nil, by: late) } == .failedPrecondition)
        for (point, day, ratings) in [
            (TimePoint.baseline, "2026-03-30", [Int32(2), 2, 3, 3, 4, 2]), (.mid, "2026-04-19", [3, 2, 3, 3, 4, 3]),
            (.final, "2026-05-01", [4, 3, 2, 3, 5, 4]),
        ] {
            _ = try await store.recordAssessment(
                AssessmentFixtures.pilotAssessment(caseID, point, on: day, ratings: ratings), instrument: PilotMappingInstrument.version1,
                day: AssessmentFixtures.day(day), by: late)
        }
        let summary = try await store.issueSummary(summaryRequest, day: AssessmentFixtures.day("2026-05-03"), by: late)
        #expect(summary.dynamics.map(\.change) == [2, 1, -1, 0, 1, 2])
        #expect(summary.dynamics.map(\.trend) == [.improved, .improved, .worsened, .unchanged, .improved, .improved])
        #expect(summary.dynamics.allSatisfy { $0.mid != nil })
        #expect(!summary.midAssessmentID.isEmpty)
        #expect(summary.timeline?.lastDay == "2026-05-03")

        // Issued: a second summary, new assessments and plans are refused by the store…
        var again = AssessmentFixtures.summaryRequest(caseID, on: "2026-05-03")
        again.narrative = "changed"
        #expect(await code { try await store.issueSummary(again, day: nil, by: late) } == .alreadyExists)
        let more = AssessmentFixtures.pilotAssessment(caseID, .mid, on: "2026-05-02")
        let other = try AssessmentFixtures.exampleInstrument()
        var otherRequest = more
        otherRequest.instrumentID = other.instrumentID
        otherRequest.ratings = [ItemRating(itemID: "w1", rating: 1)]
        #expect(await code { try await store.recordAssessment(otherRequest, instrument: other, day: nil, by: late) } == .failedPrecondition)
        let draft = AssessmentFixtures.plan(caseID)
        #expect(await code { try await store.draftPlan(draft, goals: draft.goals, interventions: draft.interventions, by: late) }
            == .failedPrecondition)
        // …and by the database, whatever code runs.
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { db in try db.execute(sql: "UPDATE final_summary SET issued_on = '2026-05-04'") }
        }
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { db in try db.execute(sql: "DELETE FROM final_summary") }
        }
        await #expect(throws: DatabaseError.self) {
            try await store.database.write { db in try db.execute(sql: "UPDATE assessment SET assessed_on = '2026-05-02'") }
        }
        #expect(try await store.summary(caseID) == summary)
        let kinds = try await store.database.read { db in try String.fetchAll(db, sql: "SELECT kind FROM tilts_outbox ORDER BY sequence") }
        #expect(kinds == ["AssessmentRecorded", "AssessmentRecorded", "AssessmentRecorded", "FinalSummaryIssued"])
    }

    @Test func sessionsFollowThePlanAndEndedCasesAreClosed() async throws {
        let writer = AssessmentFixtures.writer(on: "2026-04-10")
        let draft = AssessmentFixtures.plan(caseID)
        _ = try await store.draftPlan(draft, goals: draft.goals, interventions: draft.interventions, by: writer)
        var request = LogSessionRequest()
        request.requestID = "s1"
        request.caseID = caseID
        request.interventionID = "i1"
        request.specialistRole = .clinicalPsychologist
        request.minutes = 45
        request.participants = .childAndParent
        let session = try await store.logSession(request, day: AssessmentFixtures.day("2026-04-09"), by: writer)
        #expect(session.serviceType == "psychologist")
        #expect(session.courseDay == 16)
        // An idempotent retry returns the first session.
        #expect(try await store.logSession(request, day: AssessmentFixtures.day("2026-04-09"), by: writer) == session)
        request.requestID = "s2"
        request.interventionID = "i9"
        #expect(await code { try await store.logSession(request, day: AssessmentFixtures.day("2026-04-09"), by: writer) }
            == .invalidArgument)

        var ended = CaseEnded()
        ended.caseID = caseID
        ended.status = .terminatedEarly
        ended.endedOn = "2026-04-10"
        let fact = ended
        try await store.database.write { db in try AssessmentStore.applyCaseEnded(fact, db) }
        request.interventionID = "i1"
        request.requestID = "s3"
        #expect(await code { try await store.logSession(request, day: AssessmentFixtures.day("2026-04-09"), by: writer) }
            == .failedPrecondition)
        let record = try #require(try await store.caseRecord(caseID))
        #expect(record.status == .ended)
        #expect(record.sessions.count == 1)
        #expect(record.planVersions.count == 1)
    }
}
