internal import Foundation
internal import GRDB
@testable internal import ReportingService
internal import TiltsDomain
internal import TiltsMessages
internal import TiltsStore
internal import TiltsWire

/// Test helpers: a store on a temporary database, events as the other services emit them, and the
/// committed fixtures.
enum ReportingFixtures {
    static let secret = Array("test-pseudonym-secret".utf8)

    static func store(instrument: String = "pilot-mapping") throws -> ReportingStore {
        let database = try ServiceDatabase.temporary(migrator: ReportingSchema.migrator)
        return try ReportingStore(database: database, pseudonyms: Pseudonymizer(secret: secret), instrumentID: instrument)
    }

    /// The JSON fixture `name` in Fixtures/.
    static func json(_ name: String) throws -> Any {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)
            ?? Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent(name)
        else { throw FixtureError.missing(name) }
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    enum FixtureError: Error { case missing(String) }

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    // MARK: - Events

    static func event(_ kind: String, _ payload: some Message, source: String) -> Event {
        var event = Event()
        event.kind = kind
        event.payload = payload.serializedBytes()
        event.source = source
        return event
    }

    static func submitted(
        _ referralID: String, municipality: String = "riga", on day: String, age: Int32 = 9, sex: Sex = .female,
        requested: RequestedLength = .requested40Days, urgent: Bool = false
    ) -> Event {
        event(
            "ReferralSubmitted",
            ReferralSubmitted(
                referralID: referralID, municipality: municipality, receivedOn: day, urgent: urgent, requestedLength: requested,
                sex: sex, ageYears: age, violenceTypes: [.emotional, .neglect]),
            source: "referral")
    }

    static func admitted(
        _ caseID: String, referral: String, municipality: String = "riga", on day: String, length: Int32,
        received: String, allocation: AllocationMethod = .randomized, withoutMeeting: Bool = false
    ) -> Event {
        var timeline = Timeline()
        timeline.admissionDate = day
        timeline.courseLengthDays = length
        return event(
            "CaseAdmitted",
            CaseAdmitted(
                caseID: caseID, referralID: referral, municipality: municipality, timeline: timeline,
                allocationMethod: allocation, withoutPrePlacementMeeting: withoutMeeting, referralReceivedOn: received),
            source: "referral")
    }

    static func ended(_ caseID: String, on day: String, status: CaseStatus, reason: TiltsMessages.TerminationReason = .unspecified) -> Event {
        event("CaseEnded", CaseEnded(caseID: caseID, status: status, terminationReason: reason, endedOn: day), source: "referral")
    }

    static func closed(_ referralID: String, on day: String) -> Event {
        event("ReferralClosed", ReferralClosed(referralID: referralID, status: .withdrawn, closedOn: day), source: "referral")
    }

    /// `actions`: (action id, due day) of the final minutes.
    static func held(
        _ kind: MeetingKind, case caseID: String = "", referral: String = "", municipality: String = "riga", on day: String,
        meeting: String = UUID().uuidString, actions: [(String, String)] = []
    ) -> Event {
        var held = MeetingHeld()
        held.meetingID = meeting
        held.kind = kind
        held.caseID = caseID
        held.referralID = referral
        held.heldOn = day
        held.municipality = municipality
        held.actions = actions.map { MeetingHeldAction(actionID: $0.0, ownerInstitution: .socialService, dueOn: $0.1) }
        return event("MeetingHeld", held, source: "meeting")
    }

    static func actionDone(
        _ actionID: String, _ kind: MeetingKind = .meeting1, case caseID: String = "", referral: String = "",
        municipality: String = "riga", on day: String
    ) -> Event {
        var done = AgreedActionCompleted()
        done.meetingID = UUID().uuidString
        done.kind = kind
        done.caseID = caseID
        done.referralID = referral
        done.municipality = municipality
        done.actionID = actionID
        done.doneOn = day
        return event("AgreedActionCompleted", done, source: "meeting")
    }

    static func assessed(
        _ caseID: String, _ point: TimePoint, on day: String, scores: [Int32], instrument: String = "pilot-mapping"
    ) -> Event {
        var recorded = AssessmentRecorded()
        recorded.caseID = caseID
        recorded.assessmentID = UUID().uuidString
        recorded.timePoint = point
        recorded.instrumentID = instrument
        recorded.instrumentVersion = 1
        recorded.recordedOn = day
        recorded.scores = scores.enumerated().map { index, score in
            var fact = AreaScoreFact()
            fact.areaID = ReportingSchema.areaColumns[index]
            fact.pilotArea = AssessmentArea(rawValue: Int32(index + 1))
            fact.score = score
            fact.complete = true
            return fact
        }
        return event("AssessmentRecorded", recorded, source: "assessment")
    }

    static func session(_ caseID: String, type: String, on day: String, minutes: Int32 = 45) -> Event {
        var session = SessionLogged()
        session.caseID = caseID
        session.sessionID = UUID().uuidString
        session.heldOn = day
        session.serviceType = type
        session.minutes = minutes
        return event("SessionLogged", session, source: "assessment")
    }

    static func summary(_ caseID: String, on day: String, destination: Destination = .home) -> Event {
        var issued = FinalSummaryIssued()
        issued.caseID = caseID
        issued.issuedOn = day
        issued.destination = destination
        return event("FinalSummaryIssued", issued, source: "assessment")
    }

    /// Applies events in one transaction as one batch, as a consumer does.
    static func apply(_ events: [Event], to store: ReportingStore) async throws {
        let projector = store.projector
        try await store.database.write { db in try projector.apply(events, db) }
    }

    /// Applies events one at a time, each in its own transaction.
    static func applyOneAtATime(_ events: [Event], to store: ReportingStore) async throws {
        let projector = store.projector
        for event in events {
            try await store.database.write { db in try projector.apply(event, db) }
        }
    }

    /// Every fact row, without this store's own row numbers and revisions, sorted: equal for two
    /// stores that hold the same facts.
    static func facts(_ store: ReportingStore) async throws -> [String] {
        try await store.database.read { db in
            let queries = [
                "SELECT 'referral', * FROM referral_fact",
                "SELECT 'case', * FROM case_fact",
                "SELECT 'type', c.case_key, t.service_type, t.sessions, t.minutes FROM session_tally t JOIN case_fact c ON c.id = t.case_id",
                "SELECT 'day', * FROM session_day_tally",
                "SELECT 'action', * FROM agreed_action_fact",
            ]
            var rows: [String] = []
            for sql in queries {
                for row in try Row.fetchAll(db, sql: sql) {
                    let values = zip(row.columnNames, row.databaseValues).filter { $0.0 != "id" && $0.0 != "rev" }
                    rows.append(values.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
                }
            }
            return rows.sorted()
        }
    }
}
