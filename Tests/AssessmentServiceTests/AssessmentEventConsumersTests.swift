internal import GRDB
internal import Testing
@testable internal import AssessmentService
internal import TiltsMessages
internal import TiltsWire

/// Applying the followed services' events: what makes a case known, closes it, or records a meeting.
@Suite struct AssessmentEventConsumersTests {
    let store: AssessmentStore

    init() throws {
        store = try AssessmentFixtures.store()
    }

    func apply(_ kind: String, _ payload: some Message, meeting: Bool = false) async throws {
        var event = Event()
        event.kind = kind
        event.payload = payload.serializedBytes()
        let fact = event
        try await store.database.write { db in
            if meeting {
                try AssessmentEventConsumers.applyMeetingEvent(fact, db)
            } else {
                try AssessmentEventConsumers.applyReferralEvent(fact, db)
            }
        }
    }

    @Test func caseAdmittedThenEndedOpensAndClosesTheCase() async throws {
        try await AssessmentFixtures.admit("c1", on: "2026-03-25", municipality: "cesis", in: store)
        // A redelivered admission changes nothing.
        try await AssessmentFixtures.admit("c1", on: "2026-03-26", municipality: "riga", in: store)
        var file = try #require(try await store.caseFile("c1"))
        #expect(file.municipality == "cesis" && file.isOpen)
        #expect(file.schedule.lastDay.description == "2026-05-03")
        #expect(file.schedule.mappingWindow.last.description == "2026-04-03")

        var ended = CaseEnded()
        ended.caseID = "c1"
        ended.status = .completed
        ended.endedOn = "2026-05-03"
        try await apply("CaseEnded", ended)
        file = try #require(try await store.caseFile("c1"))
        #expect(!file.isOpen && file.endedOn == "2026-05-03")
        try await apply("ReferralSubmitted", ReferralSubmitted())
    }

    @Test func caseMeetingsAreKeptAndPrePlacementMeetingsIgnored() async throws {
        var held = MeetingHeld()
        held.meetingID = "pp"
        held.kind = .prePlacement
        held.referralID = "r1"
        held.heldOn = "2026-03-20"
        try await apply("MeetingHeld", held, meeting: true)
        held.meetingID = "m1"
        held.kind = .meeting1
        held.caseID = "c1"
        held.heldOn = "2026-04-01"
        held.planApproved = true
        try await apply("MeetingHeld", held, meeting: true)
        let meetings = try await store.database.read { db in try HeldMeetingRecord.fetchAll(db) }
        #expect(meetings.map(\.meetingID) == ["m1"])
        #expect(meetings.first?.planApproved == true)
    }
}
