internal import Foundation
internal import GRDB
internal import Testing
@testable internal import ReportingService
internal import TiltsMessages
internal import TiltsStore

/// Events into pseudonymous facts: keys instead of ids, order independence, code hygiene.
@Suite struct FactProjectorTests {
    typealias F = ReportingFixtures

    @Test func idsAreStoredOnlyAsTheirKeys() async throws {
        let store = try F.store()
        try await F.apply(
            [
                F.submitted("referral-123", on: "2026-03-20"),
                F.admitted("case-456", referral: "referral-123", on: "2026-04-01", length: 70, received: "2026-03-20"),
                F.session("case-456", type: "art_therapy", on: "2026-04-03"),
            ], to: store)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.database.path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: store.database.path + "-wal"))) ?? Data())
        for id in ["referral-123", "case-456"] {
            #expect(bytes.range(of: Data(id.utf8)) == nil, "\(id) must not be stored")
        }
        let key = Pseudonymizer(secret: F.secret).key("case-456")
        #expect(key.count == 32)
        let stored = try await store.database.read { db in try Data.fetchOne(db, sql: "SELECT case_key FROM case_fact") }
        #expect(stored == key)
        let referralKey = try await store.database.read { db in try Data.fetchOne(db, sql: "SELECT referral_key FROM case_fact") }
        #expect(referralKey == Pseudonymizer(secret: F.secret).key("referral-123"))
    }

    @Test func aCaseKnownFromItsSessionsFirstJoinsItsCohortOnAdmission() async throws {
        let store = try F.store()
        try await F.apply([F.session("c1", type: "art_therapy", on: "2026-04-03"), F.session("c1", type: "art_therapy", on: "2026-04-04")], to: store)
        var model = try await store.model()
        #expect(model.cases.count == 1 && !model.cases[0].isAdmitted && model.cases[0].sessions == 2)
        try await F.apply(
            [F.submitted("r1", on: "2026-03-20", age: 13, sex: .male),
             F.admitted("c1", referral: "r1", on: "2026-04-01", length: 40, received: "2026-03-20")], to: store)
        try await F.apply([F.session("c1", type: "family_therapy", on: "2026-04-05", minutes: 60)], to: store)
        model = try await store.model()
        let facts = model.cases[0]
        #expect(facts.isAdmitted && facts.courseLength == 40 && facts.sessions == 3 && facts.sessionMinutes == 150)
        #expect(facts.sex == Sex.male.rawValue && facts.ageBand == 2 && facts.violence == 0b1010)
        let tallies = try await store.sessionTypes(admittedFrom: 0, through: 100_000)
        #expect(tallies == [
            .init(courseLength: 40, serviceType: "art_therapy", children: 1, sessions: 2, minutes: 90),
            .init(courseLength: 40, serviceType: "family_therapy", children: 1, sessions: 1, minutes: 60),
        ])
    }

    @Test func theFirstAssessmentOfATimePointAndTheFirstMeetingCount() async throws {
        let store = try F.store()
        try await F.apply(
            [
                F.held(.meeting1, case: "c1", on: "2026-04-09"), F.held(.meeting1, case: "c1", on: "2026-04-08"),
                F.assessed("c1", .baseline, on: "2026-04-09", scores: [1, 2, 3, 4, 5, 1]),
                F.assessed("c1", .baseline, on: "2026-04-10", scores: [5, 5, 5, 5, 5, 5]),
                F.assessed("c1", .final, on: "2026-05-09", scores: [2, 2, 2, 2, 2, 2], instrument: "licensed-x"),
                F.summary("c1", on: "2026-05-09", destination: .fosterFamily),
            ], to: store)
        let facts = try await store.model().cases[0]
        #expect(facts.meeting1 == Int32(F.day("2026-04-08").dayNumber))
        #expect(facts.baselineOn == Int32(F.day("2026-04-09").dayNumber))
        #expect(Array((0..<6).map { facts.baseline[$0] }) == [1, 2, 3, 4, 5, 1])
        #expect(facts.finalOn == CaseFacts.noDay, "another instrument's scores are not the evaluation's")
        #expect(facts.destination == Destination.fosterFamily.rawValue)
    }

    @Test func agreedActionsAreStoredByKeyWhicheverEventArrivesFirst() async throws {
        let store = try F.store()
        // The completion of a4 arrives before the MeetingHeld that lists it (completed on a draft).
        let done = F.actionDone("action-4", .meeting2, case: "case-1", referral: "referral-1", on: "2026-07-05")
        let held = F.held(.meeting2, case: "case-1", referral: "referral-1", on: "2026-06-10",
                          actions: [("action-3", "2026-06-20"), ("action-4", "2026-06-30")])
        let review = F.held(.quarterlyReview, municipality: "", on: "2026-06-10", actions: [("action-9", "2026-06-11")])
        try await F.apply([done, held, review], to: store)
        let model = try await store.model()
        let d = { (text: String) in Int32(F.day(text).dayNumber) }
        #expect(model.actions.count == 2, "a quarterly review's actions concern no child")
        let byDue = model.actions.sorted { $0.due < $1.due }
        #expect(byDue.map(\.due) == [d("2026-06-20"), d("2026-06-30")])
        #expect(byDue.map(\.done) == [CaseFacts.noDay, d("2026-07-05")])
        #expect(byDue.allSatisfy { $0.held == d("2026-06-10") && $0.meetingKind == Int8(MeetingKind.meeting2.rawValue) })
        #expect(byDue.allSatisfy { model.municipalities[Int($0.municipality)] == "riga" })

        // Ids only as keys; the row carries the case's key.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.database.path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: store.database.path + "-wal"))) ?? Data())
        for id in ["action-3", "action-4", "case-1", "referral-1"] {
            #expect(bytes.range(of: Data(id.utf8)) == nil, "\(id) must not be stored")
        }
        let keys = try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT action_key, case_key FROM agreed_action_fact ORDER BY due_day")
                .map { [$0["action_key"] as Data, $0["case_key"] as Data] }
        }
        let pseudonyms = Pseudonymizer(secret: F.secret)
        #expect(keys == [[pseudonyms.key("action-3"), pseudonyms.key("case-1")], [pseudonyms.key("action-4"), pseudonyms.key("case-1")]])

        // Replaying the events (a backfill into a store that has them) changes no fact.
        try await F.apply([done, held, review], to: store)
        #expect(try await store.model().actions == model.actions)
        // Backfill in the stream's order into a new store gives the same facts.
        let other = try F.store()
        try await F.apply([held, review, done], to: other)
        #expect(try await other.model().actions.sorted { $0.due < $1.due } == byDue)
    }

    /// The consumer hands the projector whole batches, whose sessions it sums before writing: any
    /// batching, in either stream order, must store what one event at a time stores.
    @Test(arguments: [1, 4, 1000])
    func aBatchStoresWhatOneEventAtATimeStores(batchSize: Int) async throws {
        let (referral, meeting, assessment) = PilotScenario.events()
        // More sessions, of several types, for the same children, some arriving before the admission.
        let extra = (0..<30).map { n in
            F.session(["c40-1", "c70-2", "c40-6", "c-unadmitted"][n % 4], type: ["art_therapy", "family_therapy", "Anna Liepa"][n % 3],
                      on: "2026-04-\(10 + n % 15)", minutes: [45, 60, 90][n % 3])
        }
        for order in [referral + meeting + assessment + extra, extra + assessment + meeting + referral] {
            let oneByOne = try F.store()
            try await F.applyOneAtATime(order, to: oneByOne)
            let batched = try F.store()
            for start in stride(from: 0, to: order.count, by: batchSize) {
                try await F.apply(Array(order[start..<min(order.count, start + batchSize)]), to: batched)
            }
            let expected = try await F.facts(oneByOne)
            #expect(expected.count > 40)
            #expect(try await F.facts(batched) == expected)
            let model = try await batched.model()
            #expect(model.cases.first { $0.sessions == 2 + 8 } != nil)  // c40-1: two scenario sessions and 8 extra
        }
    }

    @Test func codesThatAreNotCodesAreNotStored() {
        #expect(FactProjector.code("riga") == "riga")
        #expect(FactProjector.code("rēzekne") == "rēzekne")
        #expect(FactProjector.code("individual_psychologist") == "individual_psychologist")
        #expect(FactProjector.code("Anna Liepa, 161175-19997") == "other")
        #expect(FactProjector.code(String(repeating: "a", count: 65)) == "other")
        #expect(FactProjector.code("") == nil)
    }

    @Test func theModelCatchesUpWithOnlyWhatChanged() async throws {
        let store = try await PilotScenario.store()
        let first = try await store.model()
        #expect(first.cases.count == 12 && first.referrals.count == 12)
        let again = try await store.model()
        #expect(again.revision == first.revision)
        try await F.apply([F.session("c40-1", type: "art_therapy", on: "2026-04-20")], to: store)
        let after = try await store.model()
        #expect(after.revision > first.revision)
        #expect(after.cases[0].sessions == first.cases[0].sessions + 1)
        #expect(Array(after.cases[1...]) == Array(first.cases[1...]))
    }

    @Test func aReopenedStoreHasTheSameModel() async throws {
        let store = try await PilotScenario.store()
        let before = try await store.model()
        let reopened = try ReportingStore(
            database: try ServiceDatabase(path: store.database.path, migrator: ReportingSchema.migrator),
            pseudonyms: Pseudonymizer(secret: F.secret), instrumentID: "pilot-mapping")
        let after = try await reopened.model()
        #expect(after.cases == before.cases && after.referrals == before.referrals && after.municipalities == before.municipalities)
        #expect(after.actions == before.actions)
        // New writes continue above the stored revisions.
        try await F.apply([F.session("c40-2", type: "art_therapy", on: "2026-04-20")], to: reopened)
        #expect(try await reopened.model().cases[1].sessions == before.cases[1].sessions + 1)
    }
}
