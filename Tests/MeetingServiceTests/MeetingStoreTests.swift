internal import Foundation
internal import GRDB
internal import Testing
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsRPC
internal import TiltsStore
internal import TiltsWire
@testable internal import MeetingService

/// The store on a temporary database: minutes are immutable once final, addenda work, cancelled
/// meetings take no minutes, kinds must fit the child's state, and referral events cancel what
/// is still open.
@Suite struct MeetingStoreTests {
    /// A 40-day case admitted 2026-11-25 (meeting 1: 2026-12-01…2026-12-03).
    func admittedCase() async throws -> MeetingStore {
        let store = try Fixture.store()
        try await Fixture.submit(store, referral: "r-1", on: "2026-11-02")
        try await Fixture.admit(store, referral: "r-1", case: "c-1", on: "2026-11-25", length: .days40, receivedOn: "2026-11-02")
        return store
    }

    @Test func finalisedMinutesCannotChangeButTakeAddenda() async throws {
        let store = try await admittedCase()
        let meeting = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        #expect(meeting.status == .scheduled && meeting.inWindow)
        #expect(meeting.window == DateWindow(first: "2026-12-01", last: "2026-12-03"))

        let draft = try await store.recordMinutes(
            Fixture.minutes(for: meeting, heldOn: "2026-12-02", finalise: false, planApproved: true), by: Fixture.centre,
            at: Fixture.moment("2026-12-02"))
        #expect(draft.status == .minutesDraft && draft.minutes?.finalised == false)
        // A draft may be replaced.
        let final = try await store.recordMinutes(
            Fixture.minutes(for: meeting, heldOn: "2026-12-02", finalise: true, planApproved: true), by: Fixture.centre,
            at: Fixture.moment("2026-12-03"))
        #expect(final.status == .held && final.minutes?.finalised == true && final.minutes?.planApproved == true)

        // An edit of final minutes: FAILED_PRECONDITION, and nothing changed.
        var edit = Fixture.minutes(for: meeting, heldOn: "2026-12-01", finalise: false)
        edit.decisions = ["changed"]
        let code = await Fixture.code {
            try await store.recordMinutes(edit, by: Fixture.centre, at: Fixture.moment("2026-12-04"))
        }
        #expect(code == .failedPrecondition)
        let stored = try await store.meeting(meeting.meetingID, visibleTo: Fixture.centre)
        #expect(stored.minutes == final.minutes)

        let corrected = try await store.addAddendum(
            AddMinutesAddendumRequest(requestID: "a-1", meetingID: meeting.meetingID, text: "Labojums: sanāksme sākās 10:15."),
            by: Fixture.btRiga, at: Fixture.moment("2026-12-04"))
        #expect(corrected.addenda.map(\.text) == ["Labojums: sanāksme sākās 10:15."])
        #expect(corrected.minutes == final.minutes)
        #expect(corrected.history.map(\.kind) == [.scheduled, .minutesDrafted, .minutesFinalised, .addendumAdded])

        let events = try await Fixture.events(store)
        #expect(events.map(\.0) == ["MeetingScheduled", "MeetingHeld", "MeetingAddendumAdded"])
        #expect(events.allSatisfy { $0.1 == "c-1" })
        let held = try await store.database.read { db in
            try MeetingHeld(serializedBytes: [UInt8](Data.fetchOne(db, sql: "SELECT payload FROM tilts_outbox WHERE kind = 'MeetingHeld'")!))
        }
        #expect(held.kind == .meeting1 && held.caseID == "c-1" && held.referralID == "r-1" && held.planApproved)
        #expect(held.heldOn == "2026-12-02" && held.heldInWindow && held.municipality == "riga")
    }

    @Test func addendaNeedFinalMinutes() async throws {
        let store = try await admittedCase()
        let meeting = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        let code = await Fixture.code {
            try await store.addAddendum(
                AddMinutesAddendumRequest(requestID: "a", meetingID: meeting.meetingID, text: "x"), by: Fixture.centre,
                at: Fixture.moment("2026-12-04"))
        }
        #expect(code == .failedPrecondition)
    }

    @Test func aCancelledMeetingTakesNoMinutes() async throws {
        let store = try await admittedCase()
        let meeting = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        let cancelled = try await store.cancel(
            CancelMeetingRequest(requestID: "c", meetingID: meeting.meetingID, reason: "Slimība"), by: Fixture.centre,
            at: Fixture.moment("2026-11-30"))
        #expect(cancelled.status == .cancelled && cancelled.cancellationCause == .onRequest)
        let code = await Fixture.code {
            try await store.recordMinutes(
                Fixture.minutes(for: meeting, heldOn: "2026-12-02", finalise: true), by: Fixture.centre,
                at: Fixture.moment("2026-12-02"))
        }
        #expect(code == .failedPrecondition)
        // A new meeting 1 can be scheduled once the first is cancelled; the history is kept.
        let again = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-03"), today: "2026-11-30")
        #expect(again.meetingID != meeting.meetingID)
        let kept = try await store.meeting(meeting.meetingID, visibleTo: Fixture.centre)
        #expect(kept.history.map(\.kind) == [.scheduled, .cancelled] && kept.cancellationReason == "Slimība")
    }

    @Test func finalMinutesNeedEveryParticipantsAttendance() async throws {
        let store = try await admittedCase()
        let meeting = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        var minutes = Fixture.minutes(for: meeting, heldOn: "2026-12-02", finalise: true)
        minutes.attendance.removeLast()
        minutes.reports.append(MeetingParticipantReport(participantID: "stranger", text: "x"))
        do {
            _ = try await store.recordMinutes(minutes, by: Fixture.centre, at: Fixture.moment("2026-12-02"))
            Issue.record("incomplete minutes were accepted")
        } catch {
            let rpc = RPCError.from(error)
            #expect(rpc.code == .invalidArgument)
            #expect(rpc.message.contains("attendance: final minutes need the attendance of every invited participant"))
            #expect(rpc.message.contains("reports[1].participant_id"))
        }
        // As a draft, partial attendance is fine.
        minutes.finalise = false
        minutes.reports.removeLast()
        #expect(try await store.recordMinutes(minutes, by: Fixture.centre, at: Fixture.moment("2026-12-02")).status == .minutesDraft)
    }

    @Test func kindsMustFitTheChildsState() async throws {
        let store = try await admittedCase()
        try await Fixture.submit(store, referral: "r-2", on: "2026-11-10")
        // Pre-placement for an admitted referral or case.
        for request in [Fixture.scheduleRequest(.prePlacement, referral: "r-1", on: "2026-11-20"),
                        Fixture.scheduleRequest(.prePlacement, case: "c-1", on: "2026-11-20")] {
            #expect(await Fixture.code { try await Fixture.schedule(store, request, by: Fixture.sdRiga, today: "2026-11-26") }
                == .failedPrecondition)
        }
        // Meeting 1 for a referral not admitted.
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, referral: "r-2", on: "2026-12-01"), today: "2026-11-26")
        } == .failedPrecondition)
        // Unknown case.
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting2, case: "nope", on: "2026-12-18"), today: "2026-11-26")
        } == .notFound)
        // Outside the window without a reason; with one it is accepted and kept.
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting2, case: "c-1", on: "2026-12-23"), today: "2026-11-26")
        } == .failedPrecondition)
        let late = try await Fixture.schedule(
            store, Fixture.scheduleRequest(.meeting2, case: "c-1", on: "2026-12-23", reason: "Svētku brīvdienas"), today: "2026-11-26")
        #expect(!late.inWindow && late.outsideWindowReason == "Svētku brīvdienas")
        // A second meeting 2 while one is active.
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting2, case: "c-1", on: "2026-12-18"), today: "2026-11-26")
        } == .alreadyExists)
        // The SD convenes pre-placement, the centre meetings 1–3; the SD of another municipality sees nothing.
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting3, case: "c-1", on: "2026-12-28"), by: Fixture.sdRiga, today: "2026-11-26")
        } == .permissionDenied)
        #expect(await Fixture.code {
            try await Fixture.schedule(store, Fixture.scheduleRequest(.prePlacement, referral: "r-2", on: "2026-11-20"), by: Fixture.sdCesis, today: "2026-11-12")
        } == .notFound)
        #expect(await Fixture.code { try await store.meeting(late.meetingID, visibleTo: Fixture.sdCesis) } == .notFound)
        #expect(await Fixture.code { try await store.meeting(late.meetingID, visibleTo: Fixture.ministry) } == .notFound)
        let pre = try await Fixture.schedule(
            store, Fixture.scheduleRequest(.prePlacement, referral: "r-2", on: "2026-11-20"), by: Fixture.sdRiga, today: "2026-11-12")
        #expect(pre.window == DateWindow(first: "2026-11-10", last: "") && pre.inWindow)
    }

    @Test func endingACaseCancelsWhatIsStillOpen() async throws {
        let store = try await admittedCase()
        let m1 = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        _ = try await store.recordMinutes(
            Fixture.minutes(for: m1, heldOn: "2026-12-02", finalise: true), by: Fixture.centre, at: Fixture.moment("2026-12-02"))
        let m2 = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting2, case: "c-1", on: "2026-12-18"), today: "2026-12-02")
        var ended = CaseEnded()
        ended.caseID = "c-1"
        ended.status = .terminatedEarly
        ended.terminationReason = .ranAway
        ended.endedOn = "2026-12-10"
        try await Fixture.apply(store, "CaseEnded", ended, on: "2026-12-10")

        let cancelled = try await store.meeting(m2.meetingID, visibleTo: Fixture.centre)
        #expect(cancelled.status == .cancelled && cancelled.cancellationCause == .caseEnded)
        let due = try await store.dueAndOverdue(
            scope: .all, principal: Fixture.centre, caseID: "c-1", asOf: Fixture.day("2027-01-10"), overdueOnly: false)
        let statuses = Dictionary(uniqueKeysWithValues: due.requirements.map { ($0.kind, $0.status) })
        #expect(statuses[.meeting1] == .heldInWindow)
        #expect(statuses[.meeting2] == .cancelled && statuses[.meeting3] == .cancelled)
        #expect(statuses[.prePlacement] == .heldInWindow, "the referral service recorded it held at admission")
        #expect(due.requirements.allSatisfy { !$0.overdue })
        // The agreed action (due 2026-12-02) is past due and listed until marked done.
        #expect(due.overdueActions.map(\.daysPastDue) == [39])
        let actionID = due.overdueActions[0].action!.actionID
        var done = CompleteAgreedActionRequest()
        done.requestID = "d"
        done.meetingID = m1.meetingID
        done.actionID = actionID
        _ = try await store.completeAction(done, doneOn: Fixture.day("2026-12-05"), by: Fixture.sdRiga, at: Fixture.moment("2026-12-05"))
        let after = try await store.dueAndOverdue(
            scope: .municipality("riga"), principal: Fixture.sdRiga, caseID: "", asOf: Fixture.day("2027-01-10"), overdueOnly: false)
        #expect(after.overdueActions.isEmpty)
        #expect(try await Fixture.events(store).map(\.0).suffix(2) == ["MeetingCancelled", "AgreedActionCompleted"])
    }

    @Test func agreedActionsReachTheEventsWithoutText() async throws {
        let store = try await admittedCase()
        let meeting = try await Fixture.schedule(store, Fixture.scheduleRequest(.meeting1, case: "c-1", on: "2026-12-02"), today: "2026-11-26")
        var request = Fixture.minutes(for: meeting, heldOn: "2026-12-02", finalise: true)
        request.actions.append(
            MeetingAgreedAction(description: "Nodrošināt psihologa konsultāciju", ownerInstitution: .centre, ownerName: "Anna Ozola",
                                dueOn: "2026-12-09"))
        let held = try await store.recordMinutes(request, by: Fixture.centre, at: Fixture.moment("2026-12-02"))
        let actions = try #require(held.minutes?.actions)

        func payloads(_ kind: String) async throws -> [[UInt8]] {
            try await store.database.read { db in
                try Data.fetchAll(db, sql: "SELECT payload FROM tilts_outbox WHERE kind = ? ORDER BY sequence", arguments: [kind])
                    .map { [UInt8]($0) }
            }
        }
        // MeetingHeld lists every agreed action by id, owner and due day, and no free text.
        let heldBytes = try #require(try await payloads("MeetingHeld").first)
        let event = try MeetingHeld(serializedBytes: heldBytes)
        #expect(event.actions == [
            MeetingHeldAction(actionID: actions[0].actionID, ownerInstitution: .socialService, dueOn: "2026-12-02"),
            MeetingHeldAction(actionID: actions[1].actionID, ownerInstitution: .centre, dueOn: "2026-12-09"),
        ])
        for text in ["Sazināties ar skolu", "Nodrošināt psihologa konsultāciju", "Anna Ozola"] {
            #expect(heldBytes.firstRange(of: Array(text.utf8)) == nil, "\(text) leaked into MeetingHeld")
        }

        // Completing one action appends AgreedActionCompleted with the change; a retry appends nothing.
        var done = CompleteAgreedActionRequest()
        done.requestID = "done-1"
        done.meetingID = meeting.meetingID
        done.actionID = actions[1].actionID
        _ = try await store.completeAction(done, doneOn: Fixture.day("2026-12-08"), by: Fixture.centre, at: Fixture.moment("2026-12-08"))
        _ = try await store.completeAction(done, doneOn: Fixture.day("2026-12-08"), by: Fixture.centre, at: Fixture.moment("2026-12-08"))
        let completions = try await payloads("AgreedActionCompleted").map { try AgreedActionCompleted(serializedBytes: $0) }
        var expected = AgreedActionCompleted()
        expected.meetingID = meeting.meetingID
        expected.kind = .meeting1
        expected.caseID = "c-1"
        expected.referralID = "r-1"
        expected.municipality = "riga"
        expected.actionID = actions[1].actionID
        expected.doneOn = "2026-12-08"
        #expect(completions == [expected])
        let events = try await Fixture.events(store)
        #expect(events.map(\.0) == ["MeetingScheduled", "MeetingHeld", "AgreedActionCompleted"])
        #expect(events.allSatisfy { $0.1 == "c-1" })
        // A second completion of the same action is refused and appends nothing.
        done.requestID = "done-2"
        #expect(await Fixture.code {
            try await store.completeAction(done, doneOn: Fixture.day("2026-12-09"), by: Fixture.centre, at: Fixture.moment("2026-12-09"))
        } == .failedPrecondition)
        #expect(try await Fixture.events(store).count == 3)
    }

    @Test func withdrawingAReferralCancelsItsPrePlacementMeeting() async throws {
        let store = try Fixture.store()
        try await Fixture.submit(store, referral: "r-3", on: "2026-11-10")
        let pre = try await Fixture.schedule(
            store, Fixture.scheduleRequest(.prePlacement, referral: "r-3", on: "2026-11-20"), by: Fixture.sdRiga, today: "2026-11-12")
        var closed = ReferralClosed()
        closed.referralID = "r-3"
        closed.status = .withdrawn
        closed.closedOn = "2026-11-14"
        try await Fixture.apply(store, "ReferralClosed", closed, on: "2026-11-14")
        #expect(try await store.meeting(pre.meetingID, visibleTo: Fixture.sdRiga).status == .cancelled)
        let due = try await store.dueAndOverdue(
            scope: .all, principal: Fixture.centre, caseID: "r-3", asOf: Fixture.day("2026-12-01"), overdueOnly: false)
        #expect(due.requirements.map(\.status) == [.cancelled])
        #expect(due.requirements[0].cancelledOn == "2026-11-14")
    }

    @Test func theSweepReportsEachMissedRequirementOnce() async throws {
        let store = try await admittedCase()
        #expect(try await store.reportMissed(asOf: Fixture.day("2026-12-03"), at: Fixture.moment("2026-12-03").timestamp) == 0)
        #expect(try await store.reportMissed(asOf: Fixture.day("2026-12-04"), at: Fixture.moment("2026-12-04").timestamp) == 1)
        #expect(try await store.reportMissed(asOf: Fixture.day("2026-12-05"), at: Fixture.moment("2026-12-05").timestamp) == 0)
        // Meeting 2 held late (minutes recorded) is not missed; meeting 3 is.
        let m2 = try await Fixture.schedule(
            store, Fixture.scheduleRequest(.meeting2, case: "c-1", on: "2026-12-22", reason: "Vēlāk"), today: "2026-12-10")
        _ = try await store.recordMinutes(
            Fixture.minutes(for: m2, heldOn: "2026-12-22", finalise: true), by: Fixture.centre, at: Fixture.moment("2026-12-22"))
        #expect(try await store.reportMissed(asOf: Fixture.day("2027-01-01"), at: Fixture.moment("2027-01-01").timestamp) == 1)
        let kinds = try await Fixture.events(store).map(\.0).filter { $0 == "MeetingRequirementMissed" }
        #expect(kinds.count == 2)
    }

    @Test func aQuarterlyReviewInvitesTheMunicipalitiesOfTheQuarter() async throws {
        let store = try await admittedCase()  // riga, in course 2026-11-25…2027-01-03: Q3 and Q4
        try await Fixture.submit(store, referral: "r-c", municipality: "cesis", on: "2026-12-15")  // Q4
        try await Fixture.submit(store, referral: "r-o", municipality: "ogre", on: "2026-07-01")  // Q2
        var request = PlanQuarterlyReviewRequest()
        request.requestID = "q4"
        request.quarter = 4
        request.startsAt = Fixture.at("2027-02-20", hour: 11)
        request.durationMinutes = 120
        request.mode = .remote
        request.remoteLink = "https://meet.example.lv/q4"
        request.inviteChildProtectionCentre = true
        let slot = try MeetingValidation.quarterlyReview(request, quarterCount: 4)
        let review = try await store.planQuarterlyReview(
            request, slot: slot, centreName: "KC", by: Fixture.ministry, at: Fixture.moment("2027-01-15"))
        #expect(review.window == DateWindow(first: "2026-12-01", last: "2027-02-28") && review.inWindow)
        #expect(review.participants.map(\.institution) == [.ministry, .fund, .centre, .childProtectionCentre,
                                                          .socialService, .orphansCourt, .socialService, .orphansCourt])
        #expect(review.participants.map(\.municipality).filter { !$0.isEmpty } == ["cesis", "cesis", "riga", "riga"])
        // Invited SDs see it; LM sees it; an SD not invited does not.
        #expect(try await store.meeting(review.meetingID, visibleTo: Fixture.sdCesis).kind == .quarterlyReview)
        let ogre = Principal(institution: .socialService, municipality: "ogre", subject: "sd-ogre")
        #expect(await Fixture.code { try await store.meeting(review.meetingID, visibleTo: ogre) } == .notFound)
        let rows = try await store.meetings(MeetingStore.MeetingFilter(scope: .quarterlyReviews), size: 10, after: nil)
        #expect(rows.map(\.1.meetingID) == [review.meetingID])
        let due = try await store.dueAndOverdue(
            scope: .quarterlyReviews, principal: Fixture.ministry, caseID: "", asOf: Fixture.day("2026-12-10"), overdueOnly: false)
        #expect(due.requirements.map(\.status) == [.missed, .missed, .missed, .scheduled])
    }
}
